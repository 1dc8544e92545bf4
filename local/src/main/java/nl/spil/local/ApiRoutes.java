package nl.spil.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;

/**
 * The HTTP API as template.yaml declares it: every {@code HttpApi} event of every function as a
 * route (method, path, the API's JWT authorizer or the event's own, scopes) and the API's
 * {@code CorsConfiguration}.
 */
final class ApiRoutes {

    private final Template template;
    private final Resolver resolver;
    private final Cognito cognito;

    ApiRoutes(Template template, Resolver resolver, Cognito cognito) {
        this.template = template;
        this.resolver = resolver;
        this.cognito = cognito;
    }

    /** Every route; the authorizers are made once per API and name. */
    List<HttpApi.Route> routes() {
        List<HttpApi.Route> routes = new ArrayList<>();
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        for (String f : template.functions()) {
            for (var e : template.events(f).entrySet()) {
                if (!"HttpApi".equals(e.getValue().get("Type"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> p = e.getValue().get("Properties") == null ? Map.of()
                        : (Map<String, Object>) e.getValue().get("Properties");
                String method = p.get("Method") == null ? "ANY" : p.get("Method").toString().toUpperCase(Locale.ROOT);
                if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
                    method = "ANY";
                }
                String path = p.get("Path") == null ? "$default" : p.get("Path").toString();
                String apiId = apiIdOf(p.get("ApiId"));
                String authName = null;
                List<String> scopes = List.of();
                if (p.get("Auth") instanceof Map<?, ?> auth && auth.get("AuthorizationScopes") instanceof List<?> l) {
                    scopes = l.stream().map(String::valueOf).toList();
                }
                if (p.get("Auth") instanceof Map<?, ?> auth && auth.get("Authorizer") != null) {
                    authName = auth.get("Authorizer").toString();
                } else if (apiId != null) {
                    authName = defaultAuthorizer(apiId);
                }
                JwtAuthorizer authorizer = null;
                if (authName != null && !authName.equals("NONE")) {
                    String name = authName;
                    authorizer = authorizers.computeIfAbsent(apiId + "/" + name, k -> jwtAuthorizer(apiId, name));
                }
                routes.add(new HttpApi.Route(method, path, f, e.getKey(), authorizer, scopes));
            }
        }
        return routes;
    }

    /** The first HttpApi's CorsConfiguration, or null. */
    HttpApi.Cors cors() {
        for (var api : template.resourcesOfType("AWS::Serverless::HttpApi").values()) {
            Object c = resolver.resolve(api.properties().get("CorsConfiguration"));
            if (c instanceof Map<?, ?> m) {
                return new HttpApi.Cors(join(m.get("AllowOrigins")), join(m.get("AllowMethods")), join(m.get("AllowHeaders")),
                        m.get("MaxAge") == null ? null : m.get("MaxAge").toString());
            }
        }
        return null;
    }

    private static String apiIdOf(Object apiId) {
        if (apiId == null) {
            return null; // the implicit API: no authorizer
        }
        if (apiId instanceof Cfn.Ref ref) {
            return ref.name();
        }
        return apiId.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> httpApiAuth(String apiId) {
        Object auth = template.properties(apiId).get("Auth");
        return auth instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private String defaultAuthorizer(String apiId) {
        Object d = httpApiAuth(apiId).get("DefaultAuthorizer");
        return d == null ? null : d.toString();
    }

    private JwtAuthorizer jwtAuthorizer(String apiId, String name) {
        Object all = httpApiAuth(apiId).get("Authorizers");
        if (!(all instanceof Map<?, ?> authorizers) || !(authorizers.get(name) instanceof Map<?, ?> a)) {
            throw new LocalCloud.CannotStart("template.yaml: " + apiId + " has no Auth.Authorizers." + name);
        }
        Object config = resolver.resolve(a.get("JwtConfiguration"));
        if (!(config instanceof Map<?, ?> jwt)) {
            throw new LocalCloud.CannotStart("template.yaml: " + apiId + " Auth.Authorizers." + name
                    + " is not a JWT authorizer (JwtConfiguration), which the local cloud does not understand");
        }
        String issuer = String.valueOf(jwt.get("issuer"));
        List<String> audience = jwt.get("audience") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        String pool = issuer.substring(issuer.lastIndexOf('/') + 1);
        return new JwtAuthorizer(issuer, audience, cognito.jwks(pool));
    }

    private static String join(Object o) {
        return o instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : o == null ? "*" : o.toString();
    }
}
