package nl.spil.directory.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.UUID;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.LocalAws;
import nl.spil.testkit.TestContext;

/**
 * The directory function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM.
 */
final class DirectoryFunction {

    static final String ID = "DirectoryFunction";
    private static DirectoryFunction instance;

    final LocalAws aws;
    final APIGatewayV2HTTPEventFunction handler;
    final LambdaHttp http;

    private DirectoryFunction(LocalAws aws) {
        this.aws = aws;
        aws.tables();
        aws.applyAsSystemProperties(ID); // kept for the whole JVM: one function per test module
        this.handler = new APIGatewayV2HTTPEventFunction();
        this.http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), ID));
    }

    static synchronized DirectoryFunction get() {
        if (instance == null) {
            instance = new DirectoryFunction(LocalAws.get());
        }
        return instance;
    }

    ApplicationContext context() {
        return handler.getApplicationContext();
    }

    String table() {
        return aws.tableName("DirectoryTable");
    }

    HttpAnswer send(HttpEvent event) {
        return http.send(event);
    }

    static HttpEvent event(String name) {
        return Events.http("directory/" + name);
    }

    /** A unique e-mail so tests sharing the table never collide. */
    static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
