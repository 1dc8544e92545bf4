package nl.spil.testkit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;

/**
 * A function's routes as its Micronaut router serves them, with the roles each {@code @Allow}
 * admits: the source of every function's generated authorization matrix.
 */
public final class RouteTable {

    private RouteTable() {
    }

    /**
     * The routes a caller can reach, once each (HEAD and OPTIONS, which Micronaut adds, left out;
     * a route with query variables, which the router may list twice, counted once).
     */
    public static List<UriRouteInfo<?, ?>> routes(ApplicationContext context) {
        Map<String, UriRouteInfo<?, ?>> byKey = new LinkedHashMap<>();
        context.getBean(Router.class).uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD") && !r.getHttpMethodName().equals("OPTIONS"))
                .forEach(r -> byKey.putIfAbsent(r.getHttpMethodName() + " " + path(r), r));
        return List.copyOf(byKey.values());
    }

    /** The groups a route admits; every group for {@code anyone = true}; none without a rule. */
    public static Set<String> admitted(UriRouteInfo<?, ?> route) {
        AnnotationValue<Allow> allow = route.getAnnotationMetadata().getAnnotation(Allow.class);
        if (allow == null) {
            return Set.of();
        }
        if (allow.booleanValue("anyone").orElse(false)) {
            return Arrays.stream(Role.values()).map(Role::group).collect(Collectors.toCollection(TreeSet::new));
        }
        return Arrays.stream(allow.enumValues("value", Role.class)).map(Role::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toPathString();
    }

    /** "METHOD /path" of every route that declares no rule (must be none). */
    public static List<String> withoutRule(ApplicationContext context) {
        List<String> missing = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes(context)) {
            if (admitted(route).isEmpty()) {
                missing.add(route.getHttpMethodName() + " " + path(route));
            }
        }
        return missing;
    }

    /** The routes as {@link RouteContract} compares them with template.yaml and docs/openapi.yaml. */
    public static List<RouteContract.Route> contract(ApplicationContext context) {
        return routes(context).stream()
                .map(r -> new RouteContract.Route(r.getHttpMethodName(), path(r), admitted(r)))
                .toList();
    }

    /** One case per route and role: {method, path, role, admitted}. */
    public static List<Object[]> roleCases(ApplicationContext context) {
        List<Object[]> cases = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes(context)) {
            for (Role role : Role.values()) {
                cases.add(new Object[] {route.getHttpMethodName(), path(route), role, admitted(route).contains(role.group())});
            }
        }
        return cases;
    }
}
