package nl.spil.testkit;

import io.micronaut.context.ApplicationContext;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.http.HttpFunction;

/**
 * An HTTP function as Lambda runs it, for a module's tests: its real handler class, the
 * environment template.yaml gives it (as system properties, kept for the whole JVM, which is why
 * a test JVM hosts one function), tables created from the template in the local AWS.
 */
public final class FunctionUnderTest {

    private static FunctionUnderTest instance;

    public final LocalAws aws;
    public final String functionId;
    public final HttpFunction handler;
    public final LambdaHttp http;

    private FunctionUnderTest(LocalAws aws, String functionId) {
        this.aws = aws;
        this.functionId = functionId;
        aws.tables();
        aws.applyAsSystemProperties(functionId);
        this.handler = new HttpFunction();
        this.http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), functionId));
    }

    /** The JVM's function under test, started on first use. */
    public static synchronized FunctionUnderTest get(String functionId) {
        if (instance == null) {
            instance = new FunctionUnderTest(LocalAws.get(), functionId);
        } else if (!instance.functionId.equals(functionId)) {
            throw new IllegalStateException("this test JVM already runs " + instance.functionId
                    + "; one function per test module, since its environment is JVM-wide");
        }
        return instance;
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    public HttpAnswer send(HttpEvent event) {
        return http.send(event);
    }

    /** Sends an event; the answer must keep docs/openapi.yaml for its route (status, content type, body). */
    public HttpAnswer sendKeepingOpenApi(HttpEvent event) {
        var built = event.build();
        HttpAnswer answer = http.send(built);
        String path = built.getRawPath() != null ? built.getRawPath() : built.getRequestContext().getHttp().getPath();
        OpenApiContract.ofRepo().assertKept(built.getRequestContext().getHttp().getMethod(), path, answer.status(),
                answer.header("Content-Type"), answer.body());
        return answer;
    }

    /** The physical name of one of the template's tables. */
    public String table(String logicalId) {
        return aws.tableName(logicalId);
    }
}
