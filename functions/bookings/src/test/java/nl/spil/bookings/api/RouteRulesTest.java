package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.UriRouteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RouteContract;
import nl.spil.testkit.RouteTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every route declares who may call it, and the code, template.yaml and docs/openapi.yaml agree
 * on the routes and roles. The authorization matrix is generated from the route table, so a new
 * route is checked for every role without anyone writing a test for it.
 */
class RouteRulesTest {

    private static final BookingsFunction FN = BookingsFunction.get();

    static List<UriRouteInfo<?, ?>> routes() {
        return RouteTable.routes(FN.context());
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
        assertThat(routes()).isNotEmpty();
        assertThat(missing).as("routes without an @Allow rule").isEmpty();
    }

    @Test
    void codeTemplateAndOpenApiAgreeOnRoutesAndRoles() {
        List<RouteContract.Route> inCode = routes().stream()
                .map(r -> new RouteContract.Route(r.getHttpMethodName(), path(r), admitted(r)))
                .toList();
        assertThat(RouteContract.differences(inCode, FN.aws.template(), BookingsFunction.ID)).isEmpty();
        assertThat(RouteContract.undocumentedOrUnrouted(FN.aws.template())).isEmpty();
    }

    static List<Object[]> routesAndRoles() {
        return RouteTable.roleCases(FN.context());
    }

    @ParameterizedTest(name = "{0} {1} as {2}: admitted={3}")
    @MethodSource("routesAndRoles")
    void eachRoleIsAdmittedOrRefusedAsDeclared(String method, String path, Role role, boolean admitted) {
        String concrete = path.replace("{id}", "01JNOSUCHTHING000000000000");
        var event = BookingsFunction.event("get-booking.json").route(method, concrete).groups(role.group())
                .pathParameter("id", path.contains("{id}") ? "01JNOSUCHTHING000000000000" : null)
                .header("content-type", "application/json").body(method.equals("GET") || method.equals("DELETE") ? null : "{}");
        HttpAnswer answer = FN.send(event);
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
        var event = BookingsFunction.event("get-booking.json").noAuthorizer().route(method, path.replace("{id}", "x"));
        HttpAnswer answer = FN.send(event);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
    }
}
