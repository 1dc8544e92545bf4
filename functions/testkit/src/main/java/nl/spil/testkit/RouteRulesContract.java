package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.localkit.Template;
import nl.spil.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route rules every HTTP function keeps, as one test class a function's test extends: every
 * route declares who may call it; code, template.yaml and docs/openapi.yaml agree on routes and
 * roles; and the authorization matrix generated from the route table holds (each route × each
 * role admitted or 403, never 401 with a token, never 5xx; 401 without a token). A new route is
 * checked for every role without anyone writing a test for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RouteRulesContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** The function's Micronaut context (its router). */
    protected abstract ApplicationContext context();

    protected abstract Template template();

    /** The function's logical id in template.yaml. */
    protected abstract String functionId();

    /** A fresh authorized event of this function to reshape per route. */
    protected abstract HttpEvent event();

    protected abstract HttpAnswer send(HttpEvent event);

    /** A value for a path variable that has the right shape but names nothing. */
    protected String unknownId(String variable) {
        return "01JNOSUCHTHING000000000000";
    }

    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        assertThat(RouteTable.routes(context())).isNotEmpty();
        assertThat(RouteTable.withoutRule(context())).as("routes without an @Allow rule").isEmpty();
    }

    @Test
    void codeTemplateAndOpenApiAgreeOnRoutesAndRoles() {
        assertThat(RouteContract.differences(RouteTable.contract(context()), template(), functionId())).isEmpty();
    }

    List<Object[]> routesAndRoles() {
        return RouteTable.roleCases(context());
    }

    @ParameterizedTest(name = "{0} {1} as {2}: admitted={3}")
    @MethodSource("routesAndRoles")
    void eachRoleIsAdmittedOrRefusedAsDeclared(String method, String path, Role role, boolean admitted) {
        HttpEvent event = concrete(event(), method, path).groups(role.group())
                .header("content-type", "application/json")
                .body(method.equals("GET") || method.equals("DELETE") ? null : "{}");
        HttpAnswer answer = send(event);
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
        HttpAnswer answer = send(concrete(event(), method, path).noAuthorizer());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }

    /** The event routed to {@code path} with each {variable} filled in, as API Gateway would. */
    private HttpEvent concrete(HttpEvent event, String method, String path) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder concrete = new StringBuilder();
        List<String> variables = new java.util.ArrayList<>();
        while (m.find()) {
            variables.add(m.group(1));
            m.appendReplacement(concrete, unknownId(m.group(1)));
        }
        m.appendTail(concrete);
        HttpEvent routed = event.route(method, concrete.toString());
        for (String variable : variables) {
            routed.pathParameter(variable, unknownId(variable));
        }
        return routed;
    }
}
