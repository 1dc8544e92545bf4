package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.localkit.Template;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.http.HttpPriming;
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

    private final String function;
    private final Supplier<HttpEvent> anEvent;
    private final Function<HttpEvent, HttpAnswer> sender;

    /**
     * For a function its tests run as {@link FunctionUnderTest}: its logical id in template.yaml,
     * a fresh authorized event of it to reshape per route, and how the tests send one (the module's
     * harness, which checks each answer against docs/openapi.yaml).
     */
    protected RouteRulesContract(String functionId, Supplier<HttpEvent> event, Function<HttpEvent, HttpAnswer> send) {
        this.function = functionId;
        this.anEvent = event;
        this.sender = send;
    }

    /** For a function that its tests start themselves: override every hook below. */
    protected RouteRulesContract() {
        this(null, null, null);
    }

    /** The function's Micronaut context (its router). */
    protected ApplicationContext context() {
        return FunctionUnderTest.get(functionId()).context();
    }

    protected Template template() {
        return FunctionUnderTest.get(functionId()).aws.template();
    }

    /** The function's logical id in template.yaml. */
    protected String functionId() {
        return function;
    }

    /** A fresh authorized event of this function to reshape per route. */
    protected HttpEvent event() {
        return anEvent.get();
    }

    protected HttpAnswer send(HttpEvent event) {
        return sender.apply(event);
    }

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

    /**
     * SnapStart priming (the platform's HttpPriming) sends a GET route as a caller it admits, then
     * without a token: the first reaches a controller (neither refused nor unrouted, never a 5xx; the priming caller is in
     * no directory, so a controller's own 404 such as "not in the directory" counts), the
     * second is the access filter's 401 problem+json, and neither writes anything, so priming can run
     * any number of times.
     */
    @Test
    void snapStartPrimingReadsThroughARouteAndWritesNothing() {
        List<APIGatewayV2HTTPEvent> requests = new HttpPriming(context(), e -> null).requests();
        assertThat(requests).as("priming needs a GET route without path variables").hasSize(2);
        RequestCounter.Snapshot before = RequestCounter.snapshot();

        HttpAnswer admitted = send(HttpEvent.of(requests.get(0)));
        HttpAnswer anonymous = send(HttpEvent.of(requests.get(1)));

        assertThat(admitted.status()).as(admitted.toString()).isNotIn(401, 403, 405).isLessThan(500);
        assertThat(admitted.body()).as("reached a controller, not the router's or the filter's 404")
                .doesNotContain("problems/not-found");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(before.since().byOperation().keySet()).as("DynamoDB operations of priming")
                .allMatch(op -> op.startsWith("Get") || op.startsWith("Query") || op.startsWith("BatchGet")
                        || op.startsWith("Describe"));
    }

    /** Path ids as an attacker sends them (raw, percent-encoded): none names anything of Spil's. */
    static final List<String> ODD_IDS = List.of("%00", "%20", "a%00b", "'", "%22", "%23", "%3F", "a%2Fb", "%25",
            "%E2%80%AE", "%FF", "%C0%AF", "..", "x".repeat(200));

    List<Object[]> routesWithIdsAndOddIds() {
        List<Object[]> cases = new ArrayList<>();
        for (Object[] route : RouteTable.roleCases(context())) {
            String path = (String) route[1];
            if (VARIABLE.matcher(path).find() && (Boolean) route[3]) {
                for (String odd : ODD_IDS) {
                    cases.add(new Object[]{route[0], path, route[2], odd});
                }
            }
        }
        return dedupeByRoute(cases);
    }

    @ParameterizedTest(name = "{0} {1} with id {3}")
    @MethodSource("routesWithIdsAndOddIds")
    void anIdThatIsNoSpilIdIsA404(String method, String path, Role role, String odd) {
        String raw = VARIABLE.matcher(path).replaceAll(Matcher.quoteReplacement(odd));
        HttpEvent event = event().route(method, raw).groups(role.group())
                .header("content-type", "application/json")
                .body(method.equals("GET") || method.equals("DELETE") ? null : "{}");
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            event.pathParameter(m.group(1), URLDecoder.decode(odd.replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        HttpAnswer answer = send(event);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    /** Bodies and queries that once gave 500s somewhere: never again, on any route. */
    static final List<String> ODD_BODIES = List.of("{\"x\":\"a\\ud800b\"}", "{\"name\":\"\\udc00\"}",
            "{\"a\":\"\uFFFD\"}", "{\"start\":\"-999999999-01-01T00:00:00+18:00\",\"end\":\"+999999999-12-31T23:45:00-18:00\"}");
    static final List<String> ODD_QUERY_VALUES = List.of("-999999999-01-01T00:00:00+18:00", "+999999999-12-31T23:45:00-18:00",
            "+999999999-12-31", "a\ud800b", "%00", "");

    List<Object[]> admittedRoutes() {
        List<Object[]> cases = new ArrayList<>();
        for (Object[] route : RouteTable.roleCases(context())) {
            if ((Boolean) route[3]) {
                cases.add(new Object[]{route[0], route[1], route[2]});
            }
        }
        return dedupeByRoute(cases);
    }

    @ParameterizedTest(name = "{0} {1}: odd bodies and queries are never a 5xx")
    @MethodSource("admittedRoutes")
    void oddBodiesAndQueriesAreRefusedNeverFailed(String method, String path, Role role) {
        boolean hasBody = !(method.equals("GET") || method.equals("DELETE"));
        for (String body : hasBody ? ODD_BODIES : List.of("")) {
            for (String value : ODD_QUERY_VALUES) {
                HttpEvent event = concrete(event(), method, path).groups(role.group())
                        .header("content-type", "application/json").body(hasBody ? body : null);
                for (String name : List.of("from", "to", "date", "start", "end", "day", "site", "siteId", "year", "month",
                        "status", "q", "cursor", "limit", "type")) {
                    event.queryParameter(name, value);
                }
                HttpAnswer answer = send(event);
                assertThat(answer.status()).as(method + " " + path + " " + body + " ?" + value + " -> " + answer)
                        .isLessThan(500);
                if (answer.status() >= 400) {
                    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
                }
            }
        }
    }

    /** One case per method and path: the first admitted role. */
    private static List<Object[]> dedupeByRoute(List<Object[]> cases) {
        Set<String> seen = new HashSet<>();
        List<Object[]> out = new ArrayList<>();
        for (Object[] c : cases) {
            String key = c[0] + " " + c[1] + (c.length > 3 ? " " + c[3] : "");
            if (seen.add(key)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The event routed to {@code path} with each {variable} filled in, as API Gateway would. */
    private HttpEvent concrete(HttpEvent event, String method, String path) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder concrete = new StringBuilder();
        List<String> variables = new ArrayList<>();
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
