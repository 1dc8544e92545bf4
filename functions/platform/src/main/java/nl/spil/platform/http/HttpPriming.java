package nl.spil.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming through the HTTP path: before Lambda snapshots an initialised HTTP function, two
 * GET requests go through the whole handler as API Gateway would send them, so the snapshot holds the
 * classes and warmed code of what every request touches (payload 2.0 reading, the router, the
 * {@link AccessFilter}, a controller, the DynamoDB client, views and problem+json written as JSON):
 * <ol>
 *   <li>the function's first GET route without path variables, as a caller in a role the route admits
 *       (whatever it answers: a list, or a 400 for a missing query parameter);</li>
 *   <li>the same route without a caller: the access filter's 401 problem+json.</li>
 * </ol>
 * Only GET routes are primed, and Spil's GET routes read and never write, so priming any number of
 * times changes nothing. Outside SnapStart, org.crac's context never calls {@link #beforeCheckpoint}.
 * {@code -Dspil.priming=init} primes at the end of init instead, which is how the cold-start bench
 * measures what priming buys a restored function's first request.
 */
public final class HttpPriming implements Resource {

    static final String AT_INIT = "init";

    private final ApplicationContext context;
    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    public HttpPriming(ApplicationContext context, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.context = context;
        this.handler = handler;
    }

    /** Registers with the CRaC context; primes now when {@code spil.priming=init}. */
    void register() {
        Core.getGlobalContext().register(this);
        if (AT_INIT.equals(System.getProperty("spil.priming"))) {
            prime();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK opens fresh connections and reads credentials lazily.
    }

    /** The requests sent, in order; none when the function has no GET route without path variables. */
    public List<APIGatewayV2HTTPEvent> requests() {
        Optional<UriRouteInfo<?, ?>> route = context.findBean(Router.class).stream()
                .flatMap(Router::uriRoutes)
                .filter(r -> r.getHttpMethod() == HttpMethod.GET && r.getUriMatchTemplate().getVariableNames().isEmpty())
                .min(Comparator.comparing(r -> r.getUriMatchTemplate().toString()));
        if (route.isEmpty()) {
            return List.of();
        }
        String path = route.get().getUriMatchTemplate().toString();
        AnnotationValue<Allow> rule = route.get().getAnnotationMetadata().getAnnotation(Allow.class);
        Role role = rule == null ? Role.OFFICE_MANAGER
                : rule.enumValues("value", Role.class).length > 0 ? rule.enumValues("value", Role.class)[0] : Role.STAFF;
        return List.of(get(path, role), get(path, null));
    }

    public void prime() {
        for (APIGatewayV2HTTPEvent request : requests()) {
            handler.apply(request);
        }
    }

    private static APIGatewayV2HTTPEvent get(String path, Role role) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("GET").withPath(path).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1")
                .withUserAgent("spil-priming").build();
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId("priming").withRouteKey("GET " + path).withStage("$default")
                .withTimeEpoch(System.currentTimeMillis());
        if (role != null) {
            Map<String, String> claims = new HashMap<>();
            claims.put("sub", "priming");
            claims.put("email", "priming@spil.invalid");
            claims.put("email_verified", "true");
            claims.put("cognito:groups", "[" + role.group() + "]");
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                            .withScopes(List.of()).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + path).withRawPath(path)
                .withRawQueryString("").withHeaders(Map.of("accept", "application/json", "host", "priming.spil.invalid"))
                .withRequestContext(context.build()).withIsBase64Encoded(false).build();
    }
}
