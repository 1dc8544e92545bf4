package nl.spil.testkit;

import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts the {@link LocalAws} and creates the template's resources once per
 * test JVM (kept in the root context's store and stopped when the run ends), then injects
 * {@link LocalAws}, {@link TemplateTables} or {@link Template} into test constructors, lifecycle
 * methods and test methods. Use {@code @ExtendWith(LocalAwsExtension.class)} or {@link WithLocalAws}.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAws.class || type == TemplateTables.class || type == Template.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalAws aws = started(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalAws.class) {
            return aws;
        }
        if (type == TemplateTables.class) {
            return aws.tables();
        }
        if (type == Template.class) {
            return aws.template();
        }
        throw new ParameterResolutionException("Cannot inject " + type);
    }

    /** The JVM's local AWS with the template's resources created. */
    private static LocalAws started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, k -> {
                    LocalAws aws = LocalAws.get();
                    aws.tables();
                    return new Started(aws);
                }, Started.class).aws;
    }

    /** Closed by JUnit when the root context ends (AutoCloseable values of a store are closed). */
    private static final class Started implements AutoCloseable {
        private final LocalAws aws;

        Started(LocalAws aws) {
            this.aws = aws;
        }

        @Override
        public void close() {
            aws.close();
        }
    }
}
