package nl.spil.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.web.router.UriRouteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.LocalAws;
import nl.spil.testkit.RouteContract;
import nl.spil.testkit.RouteTable;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notifier route declares who may call it, code, template.yaml and docs/openapi.yaml agree,
 * and the authorization matrix generated from the route table holds.
 */
class RouteRulesTest {

    static final String FN = "NotifierApiFunction";
    private static APIGatewayV2HTTPEventFunction handler;
    private static LambdaHttp http;
    private static LocalAws aws;

    static synchronized void start() {
        if (handler == null) {
            aws = LocalAws.get();
            aws.tables();
            aws.applyAsSystemProperties(FN);
            handler = new APIGatewayV2HTTPEventFunction();
            http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), FN));
        }
    }

    static LambdaHttp start2() {
        start();
        return http;
    }

    static ApplicationContext context() {
        start();
        return handler.getApplicationContext();
    }

    static List<UriRouteInfo<?, ?>> routes() {
        return RouteTable.routes(context());
    }

    static Set<String> admitted(UriRouteInfo<?, ?> route) {
        return RouteTable.admitted(route);
    }

    static String path(UriRouteInfo<?, ?> route) {
        return RouteTable.path(route);
    }

    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        List<String> missing = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            if (!route.getAnnotationMetadata().hasAnnotation(Allow.class) || admitted(route).isEmpty()) {
                missing.add(route.getHttpMethodName() + " " + path(route));
            }
        }
        assertThat(routes().stream().map(r -> r.getHttpMethodName() + " " + path(r)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("GET /notifications", "POST /notifications/{id}/retry");
        assertThat(missing).as("routes without an @Allow rule").isEmpty();
    }

    @Test
    void codeTemplateAndOpenApiAgreeOnRoutesAndRoles() {
        List<RouteContract.Route> inCode = routes().stream()
                .map(r -> new RouteContract.Route(r.getHttpMethodName(), path(r), admitted(r)))
                .toList();
        assertThat(RouteContract.differences(inCode, aws.template(), FN)).isEmpty();
        assertThat(RouteContract.undocumentedOrUnrouted(aws.template())).isEmpty();
    }

    static List<Object[]> routesAndRoles() {
        return RouteTable.roleCases(context());
    }

    @ParameterizedTest(name = "{0} {1} as {2}: admitted={3}")
    @MethodSource("routesAndRoles")
    void eachRoleIsAdmittedOrRefusedAsDeclared(String method, String path, Role role, boolean admitted) {
        String id = "0123456789abcdef0123456789abcdef";
        var event = Events.http("notifier/list-failed.json").route(method, path.replace("{id}", id))
                .groups(role.group()).pathParameter("id", path.contains("{id}") ? id : null);
        HttpAnswer answer = http.send(event);
        if (admitted) {
            assertThat(answer.status()).as(answer.toString()).isNotIn(401, 403);
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(answer.status()).as(answer.toString()).isLessThan(500);
    }

    @ParameterizedTest(name = "{0} {1} without a token")
    @MethodSource("routesAndRoles")
    void noRouteAnswersWithoutAToken(String method, String path, Role ignored, boolean alsoIgnored) {
        var event = Events.http("notifier/list-failed.json").route(method, path.replace("{id}", "x")).noAuthorizer();
        assertThat(http.send(event).status()).isEqualTo(401);
    }
}
