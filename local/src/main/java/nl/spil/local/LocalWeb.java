package nl.spil.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nl.spil.localkit.Repo;

/**
 * The web app (web/dist, built by the web module) at the local cloud's root URL, beside the API:
 * a GET without a token that no API route takes is a file of the app, and any other app address
 * is its index.html (the app routes in the browser; its paths never clash with the API's). The app's
 * {@code /config.json} points it at this API and at {@link LocalOidc}'s sign-in. Answers carry the
 * same Content-Security-Policy as CloudFront's, so a policy breach shows up here first; like
 * CloudFront's, it lets the app reach the files bucket (here the local S3) for pre-signed uploads
 * (receipts, parcel photos) and show what it holds.
 */
final class LocalWeb implements HttpApi.FrontEnd {

    /**
     * The policy of template.yaml's response headers policy, with this origin as the API's and the
     * local S3 as the files' host (photos go there and come back through pre-signed links).
     */
    static String csp(String filesOrigin) {
        String files = filesOrigin.isEmpty() ? "" : " " + filesOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + files + "; "
                + "connect-src 'self'" + files + "; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** The policy of answers that show no files (the sign-in's JSON and text). */
    static final String CSP = csp("");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "json", "application/json", "png", "image/png", "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8", "woff2", "font/woff2", "webmanifest", "application/manifest+json");

    private final Path root;
    private final String clientId;
    private final String csp;

    LocalWeb(Path root, String clientId, URI files) {
        this.root = root.toAbsolutePath().normalize();
        this.clientId = clientId;
        this.csp = csp(files.getScheme() + "://" + files.getAuthority());
    }

    /** Puts the app and the local sign-in on the API's server (one call from {@link LocalCloud}). */
    static LocalWeb install(LocalCloud cloud, HttpServer server, HttpApi api) {
        LocalWeb web = new LocalWeb(Repo.root().resolve("web/dist"), cloud.clientId(), cloud.aws().endpoint());
        server.createContext("/local/oidc/", new LocalOidc(cloud));
        api.frontEnd(web);
        return web;
    }

    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    /** The banner's line. */
    String bannerLine(String base) {
        return built()
                ? String.format("  App          %s/   (open it in a browser; the sign-in lists the demo users)%n", base)
                : "  App          not built (web/dist is missing): ./mvnw -B -q -pl web package\n";
    }

    @Override
    public boolean serve(HttpExchange x) throws IOException {
        String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
        // an API call (it carries a token) to an unknown route keeps API Gateway's 404
        if ((!method.equals("GET") && !method.equals("HEAD")) || x.getRequestHeaders().containsKey("Authorization")) {
            return false;
        }
        String path = x.getRequestURI().getPath();
        if (path.equals("/config.json")) {
            ObjectNode config = Json.object();
            String base = "http://" + host(x);
            config.put("apiUrl", "");
            config.put("authority", base + "/local/oidc");
            config.put("clientId", clientId);
            config.put("logoutUrl", base + "/local/oidc/logout");
            config.put("local", true);
            send(x, 200, "application/json", Json.write(config).getBytes(StandardCharsets.UTF_8), "no-store", csp);
            return true;
        }
        if (!built()) {
            send(x, 404, "text/plain; charset=utf-8", ("The web app is not built (web/dist is missing). Build it with "
                    + "./mvnw -B -q -pl web package, then reload.\n").getBytes(StandardCharsets.UTF_8), "no-store", csp);
            return true;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || path.contains("..")) {
            return false;
        }
        if (Files.isRegularFile(file)) {
            boolean hashed = path.startsWith("/assets/");
            send(x, 200, type(file), Files.readAllBytes(file), hashed ? "public, max-age=31536000, immutable" : "no-cache", csp);
            return true;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false; // a missing file is the API's 404, not the app
        }
        send(x, 200, TYPES.get("html"), Files.readAllBytes(root.resolve("index.html")), "no-cache", csp);
        return true;
    }

    private static String host(HttpExchange x) {
        String host = x.getRequestHeaders().getFirst("Host");
        return host == null ? "127.0.0.1:" + x.getLocalAddress().getPort() : host;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static void send(HttpExchange x, int status, String type, byte[] body, String cacheControl) throws IOException {
        send(x, status, type, body, cacheControl, CSP);
    }

    static void send(HttpExchange x, int status, String type, byte[] body, String cacheControl, String csp) throws IOException {
        var h = x.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", cacheControl);
        h.set("Content-Security-Policy", csp);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
        h.set("X-Frame-Options", "DENY");
        boolean head = x.getRequestMethod().equalsIgnoreCase("HEAD");
        x.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
