package nl.spil.platform.http;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * Enforces each route's {@link Allow} rule before the controller runs: 401 without a caller,
 * 403 without an admitted role, and 403 for a route that declares no rule (fail closed).
 * Ownership is the use case's check, since it needs the object.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter implements Ordered {

    static final int MAX_PATH_ID = 128;
    private static final Pattern PATH_ID = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9._~-]{1," + MAX_PATH_ID + "}");

    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (route.isEmpty()) {
            return null; // no route: the router answers 404/405 itself
        }
        // Spil's ids are short and plain (letters, digits, '-', '_', '.'): anything else in a path
        // variable (a control character, a space, a quote, '#', a 2 KB string) names nothing, and
        // would only reach DynamoDB to be refused there as a server error.
        var match = RouteAttributes.getRouteMatch(request);
        if (match.isPresent() && match.get() instanceof UriRouteMatch<?, ?> uri) {
            for (Object value : uri.getVariableValues().values()) {
                if (value != null && !PATH_ID.matcher(value.toString()).matches()) {
                    return ProblemResponses.of(new ProblemException(Problem.of(404, "not-found", "Not found",
                            "nothing of Spil's is at this path")));
                }
            }
        }
        AnnotationValue<Allow> rule = route.get().getAnnotationMetadata().getAnnotation(Allow.class);
        Caller caller = Callers.of(request).orElse(null);
        if (caller == null) {
            return ProblemResponses.of(ProblemException.unauthorized("a valid bearer token is required"));
        }
        if (rule == null) {
            return ProblemResponses.of(ProblemException.forbidden("this route declares no access rule"));
        }
        if (rule.booleanValue("anyone").orElse(false)) {
            return null;
        }
        Set<Role> admitted = EnumSet.noneOf(Role.class);
        for (Role role : rule.enumValues("value", Role.class)) {
            admitted.add(role);
        }
        if (!caller.hasAny(admitted)) {
            return ProblemResponses.of(ProblemException.forbidden("this needs one of the roles " + groups(admitted)));
        }
        return null;
    }

    private static String groups(Set<Role> roles) {
        return roles.stream().map(Role::group).toList().toString();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
