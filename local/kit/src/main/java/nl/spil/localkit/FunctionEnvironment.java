package nl.spil.localkit;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a function of template.yaml gets on Lambda, resolved for the local AWS:
 * {@code Globals.Function.Environment.Variables} merged with the function's own, {@code !Ref Table}
 * as the physical table name, {@code !Ref Parameter} as its test value (see
 * {@link LocalAws#TEST_PARAMETERS}), plus the variables Lambda itself sets ({@code AWS_REGION},
 * credentials, {@code AWS_LAMBDA_FUNCTION_NAME}…) and {@code AWS_ENDPOINT_URL} pointing at the local
 * AWS.
 */
public final class FunctionEnvironment {

    private final String functionId;
    private final Map<String, String> templateVariables;
    private final Map<String, String> variables;

    private FunctionEnvironment(String functionId, Map<String, String> templateVariables, Map<String, String> lambda) {
        this.functionId = functionId;
        this.templateVariables = Collections.unmodifiableMap(templateVariables);
        Map<String, String> all = new LinkedHashMap<>(lambda);
        all.putAll(templateVariables);
        this.variables = Collections.unmodifiableMap(all);
    }

    /** Resolves a function's environment against a created set of template resources. */
    public static FunctionEnvironment of(Template template, String functionId, TemplateTables tables, URI endpoint) {
        return of(template, functionId, tables.resolver(), endpoint);
    }

    /** Resolves a function's environment with a resolver that knows the physical names of the resources. */
    public static FunctionEnvironment of(Template template, String functionId, Resolver resolver, URI endpoint) {
        Map<String, String> own = new LinkedHashMap<>();
        template.environment(functionId).forEach((name, value) -> {
            Object resolved = resolver.resolve(value);
            if (resolved != Resolver.NO_VALUE) {
                own.put(name, resolver.resolveString(resolved));
            }
        });
        Map<String, String> lambda = new LinkedHashMap<>();
        lambda.put("AWS_REGION", LocalAws.REGION);
        lambda.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        lambda.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        lambda.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        lambda.put("AWS_ENDPOINT_URL", endpoint.toString());
        lambda.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        lambda.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        Object memory = template.functionProperty(functionId, "MemorySize");
        lambda.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory == null ? "128" : resolver.resolveString(memory));
        Object logging = template.functionProperty(functionId, "LoggingConfig");
        if (logging instanceof Map<?, ?> l && l.get("LogFormat") != null) {
            lambda.put("AWS_LAMBDA_LOG_FORMAT", resolver.resolveString(l.get("LogFormat")));
            if (l.get("ApplicationLogLevel") != null) {
                lambda.put("AWS_LAMBDA_LOG_LEVEL", resolver.resolveString(l.get("ApplicationLogLevel")));
            }
        }
        String handler = template.handler(functionId);
        if (handler != null) {
            lambda.put("_HANDLER", handler);
        }
        return new FunctionEnvironment(functionId, own, lambda);
    }

    public String functionId() {
        return functionId;
    }

    /** Every variable: Lambda's own and the template's (the template's win on a clash). */
    public Map<String, String> variables() {
        return variables;
    }

    /** Only the template's {@code Environment.Variables} (Globals merged with the function's own), resolved. */
    public Map<String, String> templateVariables() {
        return templateVariables;
    }

    /** One variable, or null. */
    public String get(String name) {
        return variables.get(name);
    }

    /**
     * Sets every variable as a JVM system property of the same name; closing the result puts back
     * what those properties were before.
     */
    public Applied applyAsSystemProperties() {
        Map<String, String> previous = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        return new Applied(this, previous);
    }

    /** The environment set as system properties; {@link #close()} restores the previous values. */
    public static final class Applied implements AutoCloseable {
        private final FunctionEnvironment environment;
        private final Map<String, String> previous;

        private Applied(FunctionEnvironment environment, Map<String, String> previous) {
            this.environment = environment;
            this.previous = previous;
        }

        public FunctionEnvironment environment() {
            return environment;
        }

        @Override
        public void close() {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
