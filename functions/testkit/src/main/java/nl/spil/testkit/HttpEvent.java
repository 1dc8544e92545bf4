package nl.spil.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A changeable copy of an HTTP API payload 2.0 event, for table-driven tests:
 * <pre>{@code
 * APIGatewayV2HTTPEvent event = Events.http("directory/get-person.json")
 *         .pathParameter("id", "p-2").groups("staff").claim("sub", "u-1").build();
 * }</pre>
 * Each change keeps the event consistent the way API Gateway would produce it (header names in lower
 * case, {@code rawPath} and {@code requestContext.http.path} together, {@code rawQueryString}
 * rebuilt from the query parameters, a fresh request id per {@link #build()} unless one was set).
 */
public final class HttpEvent {

    private final APIGatewayV2HTTPEvent event;
    private boolean requestIdSet;

    private HttpEvent(APIGatewayV2HTTPEvent event) {
        this.event = event;
        if (event.getRequestContext() == null) {
            event.setRequestContext(new RequestContext());
        }
        if (event.getRequestContext().getHttp() == null) {
            event.getRequestContext().setHttp(new RequestContext.Http());
        }
    }

    /** Starts from a copy of {@code event} (the original is not changed). */
    public static HttpEvent of(APIGatewayV2HTTPEvent event) {
        return new HttpEvent(Events.copy(event));
    }

    /** Starts from {@code events/<name>}. */
    public static HttpEvent load(String name) {
        return Events.http(name);
    }

    /** Method and path together ({@code routeKey} stays as it is: see {@link #routeKey}). */
    public HttpEvent route(String method, String path) {
        method(method);
        return path(path);
    }

    public HttpEvent method(String method) {
        event.getRequestContext().getHttp().setMethod(method.toUpperCase(Locale.ROOT));
        return this;
    }

    /** The request path: {@code rawPath} and {@code requestContext.http.path}. */
    public HttpEvent path(String path) {
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        return this;
    }

    /** The matched route, e.g. {@code "GET /people/{id}"}, on the event and its request context. */
    public HttpEvent routeKey(String routeKey) {
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        return this;
    }

    /** A text body (not base64); null removes it. */
    public HttpEvent body(String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return this;
    }

    /** A binary body, base64-encoded as API Gateway sends it. */
    public HttpEvent body(byte[] body) {
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return this;
    }

    /** Sets a header (name lower-cased, as HTTP API delivers them); a null value removes it. */
    public HttpEvent header(String name, String value) {
        Map<String, String> headers = mutable(event.getHeaders());
        headers.remove(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }
        event.setHeaders(headers);
        return this;
    }

    /** Sets a path parameter; a null value removes it. */
    public HttpEvent pathParameter(String name, String value) {
        Map<String, String> params = mutable(event.getPathParameters());
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        event.setPathParameters(params.isEmpty() ? null : params);
        return this;
    }

    /** Sets a query parameter and rebuilds {@code rawQueryString}; a null value removes it. */
    public HttpEvent queryParameter(String name, String value) {
        Map<String, String> params = mutable(event.getQueryStringParameters());
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        event.setQueryStringParameters(params.isEmpty() ? null : params);
        event.setRawQueryString(params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
        return this;
    }

    /** Sets a JWT claim in {@code requestContext.authorizer.jwt.claims}; a null value removes it. */
    public HttpEvent claim(String name, String value) {
        RequestContext context = event.getRequestContext();
        if (context.getAuthorizer() == null) {
            context.setAuthorizer(new RequestContext.Authorizer());
        }
        if (context.getAuthorizer().getJwt() == null) {
            context.getAuthorizer().setJwt(new RequestContext.Authorizer.JWT());
        }
        Map<String, String> claims = mutable(context.getAuthorizer().getJwt().getClaims());
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        context.getAuthorizer().getJwt().setClaims(claims);
        return this;
    }

    /**
     * The {@code cognito:groups} claim as the HTTP API JWT authorizer flattens a list claim:
     * {@code "[staff office-manager]"}. No groups removes the claim.
     */
    public HttpEvent groups(String... groups) {
        return claim("cognito:groups", groups.length == 0 ? null : "[" + String.join(" ", groups) + "]");
    }

    /** Removes the authorizer (an unauthenticated request, as on a route without authorizer). */
    public HttpEvent noAuthorizer() {
        event.getRequestContext().setAuthorizer(null);
        return this;
    }

    public HttpEvent requestId(String requestId) {
        event.getRequestContext().setRequestId(requestId);
        requestIdSet = true;
        return this;
    }

    /** A copy of the event as it stands (with a new request id unless {@link #requestId} was called). */
    public APIGatewayV2HTTPEvent build() {
        APIGatewayV2HTTPEvent copy = Events.copy(event);
        if (!requestIdSet) {
            copy.getRequestContext().setRequestId(UUID.randomUUID().toString());
        }
        return copy;
    }

    /** The event as Lambda's JSON (what the Runtime API would hand the function). */
    public String toJson() {
        return Events.toJson(build());
    }

    private static Map<String, String> mutable(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
