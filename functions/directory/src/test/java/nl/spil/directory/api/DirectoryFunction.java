package nl.spil.directory.api;

import io.micronaut.context.ApplicationContext;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;

/**
 * The directory function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM.
 */
final class DirectoryFunction {

    static final String ID = "DirectoryFunction";
    private static DirectoryFunction instance;

    final LocalAws aws;
    private final FunctionUnderTest function;
    final LambdaHttp http;

    private DirectoryFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.http = function.http;
    }

    static synchronized DirectoryFunction get() {
        if (instance == null) {
            instance = new DirectoryFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    ApplicationContext context() {
        return function.context();
    }

    String table() {
        return function.table("DirectoryTable");
    }

    HttpAnswer send(HttpEvent event) {
        return function.send(event);
    }

    static HttpEvent event(String name) {
        return Events.http("directory/" + name);
    }

    /** A unique e-mail so tests sharing the table never collide. */
    static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
