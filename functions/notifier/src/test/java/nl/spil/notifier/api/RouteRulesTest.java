package nl.spil.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;
import nl.spil.platform.http.HttpFunction;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.RouteContract;
import nl.spil.testkit.RouteRulesContract;
import nl.spil.testkit.RouteTable;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.Test;

/**
 * Every notifier route declares who may call it, code, template.yaml and docs/openapi.yaml agree,
 * and the authorization matrix generated from the route table holds.
 */
class RouteRulesTest extends RouteRulesContract {

    static final String FN = "NotifierApiFunction";
    private static HttpFunction handler;
    private static LambdaHttp http;
    private static LocalAws aws;

    static synchronized void start() {
        if (handler == null) {
            aws = LocalAws.get();
            aws.tables();
            aws.applyAsSystemProperties(FN);
            handler = new HttpFunction();
            http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), FN));
        }
    }

    static LambdaHttp start2() {
        start();
        return http;
    }

    @Override
    protected ApplicationContext context() {
        start();
        return handler.getApplicationContext();
    }

    @Override
    protected Template template() {
        start();
        return aws.template();
    }

    @Override
    protected String functionId() {
        return FN;
    }

    @Override
    protected HttpEvent event() {
        return Events.http("notifier/list-failed.json");
    }

    @Override
    protected HttpAnswer send(HttpEvent event) {
        start();
        return http.send(event);
    }

    @Override
    protected String unknownId(String variable) {
        return "0123456789abcdef0123456789abcdef";
    }

    @Test
    void theNotifierServesExactlyItsThreeRoutes() {
        assertThat(RouteTable.contract(context()).stream().map(RouteContract.Route::key))
                .containsExactlyInAnyOrder("GET /notifications", "POST /notifications/{id}/retry", "POST /notifications/retry");
    }
}
