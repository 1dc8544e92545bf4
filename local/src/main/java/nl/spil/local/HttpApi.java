package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nl.spil.localkit.HttpReply;

/**
 * The template's HTTP API on 127.0.0.1: each HttpApi event of each function is a route
 * ({@code GET /people/{id}}, {@code ANY /x/{proxy+}}, {@code $default}); the JWT authorizer of the
 * API (or none) runs first; the request becomes a payload 2.0 event and the function's answer the
 * HTTP response. Paths under {@code /local/} are the local cloud's own pages.
 */
final class HttpApi implements AutoCloseable {

    /** One route: a function's HttpApi event. */
    record Route(String method, String path, String functionId, String eventId, JwtAuthorizer authorizer,
                 List<String> scopes) {
        Route(String method, String path, String functionId, String eventId, JwtAuthorizer authorizer) {
            this(method, path, functionId, eventId, authorizer, List.of());
        }

        String routeKey() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }

        /** Path parameters when the path matches, else null. */
        Map<String, String> match(String requestPath) {
            if (path.equals("$default")) {
                return Map.of();
            }
            String[] want = path.split("/", -1);
            String[] got = requestPath.split("/", -1);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                String w = want[i];
                if (w.startsWith("{") && w.endsWith("+}")) {
                    if (i >= got.length) {
                        return null;
                    }
                    params.put(w.substring(1, w.length() - 2), URLDecoder.decode(
                            String.join("/", Arrays.copyOfRange(got, i, got.length)).replace("+", "%2B"), StandardCharsets.UTF_8));
                    return params;
                }
                if (i >= got.length) {
                    return null;
                }
                if (w.startsWith("{") && w.endsWith("}")) {
                    if (got[i].isEmpty()) {
                        return null;
                    }
                    params.put(w.substring(1, w.length() - 1), URLDecoder.decode(got[i].replace("+", "%2B"), StandardCharsets.UTF_8));
                } else if (!w.equals(got[i])) {
                    return null;
                }
            }
            return want.length == got.length ? params : null;
        }

        /** AWS's precedence: more literal segments first, then fewer greedy. */
        int specificity() {
            if (path.equals("$default")) {
                return -1_000_000;
            }
            int score = 0;
            for (String s : path.split("/")) {
                score += s.endsWith("+}") ? -100 : s.startsWith("{") ? 1 : 10;
            }
            return score * 10 + (method.equals("ANY") ? 0 : 1);
        }
    }

    /** What answers a request no route takes (the web app), before the API's 404. */
    interface FrontEnd {
        /** True when it answered. */
        boolean serve(HttpExchange x) throws IOException;
    }

    private volatile FrontEnd frontEnd;

    void frontEnd(FrontEnd f) {
        this.frontEnd = f;
    }

    /** Cross-origin settings of the API (CorsConfiguration), or null. */
    record Cors(String origins, String methods, String headers, String maxAge) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes;
    private final Map<String, LocalFunction> functions;
    private final Cors cors;

    HttpApi(HttpServer server, List<Route> routes, Map<String, LocalFunction> functions, Cors cors,
            HttpHandler localPages) {
        this.server = server;
        this.routes = routes.stream().sorted((a, b) -> Integer.compare(b.specificity(), a.specificity())).toList();
        this.functions = functions;
        this.cors = cors;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "http-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/local/", localPages);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Route> routes() {
        return routes;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = x.getRequestURI().getRawPath();
            String origin = x.getRequestHeaders().getFirst("Origin");
            if (cors != null && method.equals("OPTIONS") && origin != null
                    && x.getRequestHeaders().getFirst("Access-Control-Request-Method") != null) {
                corsHeaders(x, origin);
                x.getResponseHeaders().add("Access-Control-Allow-Methods", cors.methods());
                x.getResponseHeaders().add("Access-Control-Allow-Headers", cors.headers());
                if (cors.maxAge() != null) {
                    x.getResponseHeaders().add("Access-Control-Max-Age", cors.maxAge());
                }
                x.sendResponseHeaders(204, -1);
                return;
            }
            Route route = null;
            Map<String, String> pathParams = null;
            for (Route r : routes) {
                if (r.method().equals(method) || r.method().equals("ANY") || r.path().equals("$default")) {
                    Map<String, String> p = r.match(rawPath); // each parameter decoded once, in match
                    if (p != null) {
                        route = r;
                        pathParams = p;
                        break;
                    }
                }
            }
            if (route == null && frontEnd != null && frontEnd.serve(x)) {
                return;
            }
            if (route == null) {
                send(x, 404, "{\"message\":\"Not Found\"}", origin);
                return;
            }
            JwtAuthorizer.Verified identity = null;
            if (route.authorizer() != null) {
                Optional<JwtAuthorizer.Verified> v = route.authorizer().verify(x.getRequestHeaders().getFirst("Authorization"));
                if (v.isEmpty()) {
                    x.getResponseHeaders().add("www-authenticate", "Bearer");
                    send(x, 401, "{\"message\":\"Unauthorized\"}", origin);
                    return;
                }
                identity = v.get();
                if (!route.scopes().isEmpty() && (identity.scopes() == null
                        || identity.scopes().stream().noneMatch(route.scopes()::contains))) {
                    send(x, 403, "{\"message\":\"Forbidden\"}", origin);
                    return;
                }
            }
            String event = PayloadV2.request(x, route, pathParams, rawPath, body, identity, port());
            LocalFunction.Result result = functions.get(route.functionId()).invoke(event);
            relay(x, result, origin);
        } catch (RuntimeException e) {
            send(x, 500, "{\"message\":\"Internal Server Error\"}", null);
        }
    }

    private void relay(HttpExchange x, LocalFunction.Result result, String origin) throws IOException {
        if (result.error()) {
            send(x, 500, "{\"message\":\"Internal Server Error\"}", origin);
            return;
        }
        JsonNode answer;
        try {
            answer = Json.read(result.body());
        } catch (RuntimeException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            // payload 2.0: a plain value is a 200 JSON answer
            send(x, 200, result.body(), origin);
            return;
        }
        int status = answer.path("statusCode").asInt(500);
        // payload 2.0 answers with headers (one value each, repeated ones joined) and cookies; API Gateway
        // ignores multiValueHeaders there, which Micronaut's adapter fills with the same headers again
        answer.path("headers").fields().forEachRemaining(h -> x.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
        answer.path("cookies").forEach(c -> x.getResponseHeaders().add("Set-Cookie", c.asText()));
        byte[] bytes;
        JsonNode b = answer.get("body");
        if (b == null || b.isNull()) {
            bytes = new byte[0];
        } else if (answer.path("isBase64Encoded").asBoolean(false)) {
            bytes = Base64.getDecoder().decode(b.asText());
        } else {
            bytes = b.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (origin != null && cors != null) {
            corsHeaders(x, origin);
        }
        HttpReply.send(x, status, null, bytes);
    }

    private void corsHeaders(HttpExchange x, String origin) {
        if (cors.origins().equals("*") || List.of(cors.origins().split(",")).contains(origin)) {
            x.getResponseHeaders().set("Access-Control-Allow-Origin", cors.origins().equals("*") ? "*" : origin);
        }
    }

    private void send(HttpExchange x, int status, String body, String origin) throws IOException {
        if (origin != null && cors != null) {
            corsHeaders(x, origin);
        }
        HttpReply.json(x, status, body);
    }

    /** The API's server on the port, or (said in one line) on a free one when that port is busy. */
    static HttpServer bindOrFree(int port, PrintStream out) {
        try {
            return bind(port);
        } catch (BindException e) {
            try {
                HttpServer s = bind(0);
                out.println("Port " + port + " is busy; the API uses port " + s.getAddress().getPort() + " instead.");
                return s;
            } catch (IOException again) {
                throw new LocalCloud.CannotStart("Cannot listen on 127.0.0.1: " + again.getMessage());
            }
        } catch (IOException e) {
            throw new LocalCloud.CannotStart("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    static HttpServer bind(int port) throws IOException {
        return HttpReply.server(port, 64);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
