package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for Cognito's hosted UI, enough for oidc-client-ts (authorization code + PKCE):
 * discovery, an authorize page that lists the demo users (one click signs in as one), a token
 * endpoint that checks the code, redirect URI and PKCE verifier and answers the local Cognito's real
 * ID token for that user (from AdminInitiateAuth), refresh, and a logout that goes back to the app.
 * Only addresses on this machine are accepted as redirect URIs.
 *
 * <pre>
 * GET  /local/oidc/.well-known/openid-configuration
 * GET  /local/oidc/authorize?client_id&amp;redirect_uri&amp;response_type=code&amp;state&amp;code_challenge&amp;code_challenge_method=S256
 * POST /local/oidc/authorize   (the page's form: user + the request above)
 * POST /local/oidc/token       (grant_type=authorization_code | refresh_token)
 * GET  /local/oidc/logout?logout_uri
 * </pre>
 */
final class LocalOidc implements HttpHandler {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The sign-in page's own styles are inline; its form may send the browser back to any local app. */
    private static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'; base-uri 'none'";

    /** An issued code, good once. */
    record Grant(String user, String clientId, String redirectUri, String challenge, long expiresAt) {
    }

    private final LocalCloud cloud;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    LocalOidc(LocalCloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath().substring("/local/oidc".length());
            String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
            byte[] body = x.getRequestBody().readAllBytes();
            Map<String, String> params = new LinkedHashMap<>(query(x.getRequestURI().getRawQuery()));
            if (method.equals("POST")) {
                params.putAll(query(new String(body, StandardCharsets.UTF_8)));
            }
            x.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            switch (method + " " + path) {
                case "GET /.well-known/openid-configuration" -> discovery(x);
                case "GET /authorize" -> authorizePage(x, params);
                case "POST /authorize" -> authorize(x, params);
                case "POST /token" -> token(x, params);
                case "GET /logout" -> logout(x, params);
                case "OPTIONS /token" -> {
                    x.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
                    x.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
                    x.sendResponseHeaders(204, -1);
                }
                default -> text(x, 404, "Local sign-in: /local/oidc/.well-known/openid-configuration, /authorize, /token, /logout\n");
            }
        } catch (RuntimeException e) {
            text(x, 500, e + "\n");
        }
    }

    private String base(HttpExchange x) {
        String host = x.getRequestHeaders().getFirst("Host");
        return "http://" + (host == null ? "127.0.0.1:" + x.getLocalAddress().getPort() : host) + "/local/oidc";
    }

    private void discovery(HttpExchange x) throws IOException {
        String base = base(x);
        ObjectNode d = Json.object();
        // the tokens are the local Cognito pool's; its JWKS verifies them
        d.put("issuer", issuer());
        d.put("authorization_endpoint", base + "/authorize");
        d.put("token_endpoint", base + "/token");
        d.put("end_session_endpoint", base + "/logout");
        d.put("jwks_uri", cloud.cognito().jwks(cloud.poolId()).toString());
        d.putArray("response_types_supported").add("code");
        d.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        d.putArray("code_challenge_methods_supported").add("S256");
        d.putArray("subject_types_supported").add("public");
        d.putArray("id_token_signing_alg_values_supported").add("RS256");
        d.putArray("scopes_supported").add("openid").add("email").add("profile");
        d.putArray("token_endpoint_auth_methods_supported").add("none");
        json(x, 200, d);
    }

    private String issuer() {
        String token = cloud.token(cloud.demoUsers().get(0).key());
        JsonNode claims = Json.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.path("iss").asText();
    }

    /** Refuses what a real authorization server refuses before showing a page. */
    private String checkRequest(Map<String, String> p) {
        if (!cloud.clientId().equals(p.get("client_id"))) {
            return "unknown client_id " + p.get("client_id");
        }
        if (!"code".equals(p.get("response_type"))) {
            return "response_type must be code";
        }
        if (!localAddress(p.get("redirect_uri"))) {
            return "redirect_uri must be an http address on this machine, got " + p.get("redirect_uri");
        }
        if (p.get("code_challenge") == null || !"S256".equals(p.get("code_challenge_method"))) {
            return "PKCE is required: code_challenge with code_challenge_method=S256";
        }
        return null;
    }

    private void authorizePage(HttpExchange x, Map<String, String> p) throws IOException {
        String refused = checkRequest(p);
        if (refused != null) {
            html(x, 400, page("Cannot sign in", "<p>" + Mail.esc(refused) + "</p>"));
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append("<p class=\"lead\">Kies met wie je binnenkomt · Choose who you are</p>");
        s.append("<form method=\"post\" action=\"/local/oidc/authorize\">");
        for (String name : List.of("client_id", "redirect_uri", "response_type", "state", "code_challenge", "code_challenge_method")) {
            if (p.get(name) != null) {
                s.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(Mail.esc(p.get(name))).append("\">");
            }
        }
        s.append("<ul>");
        for (DemoData.User u : cloud.demoUsers()) {
            s.append("<li><button type=\"submit\" name=\"user\" value=\"").append(Mail.esc(u.key())).append("\"><strong>")
                    .append(Mail.esc(u.name())).append("</strong><span>").append(Mail.esc(u.email())).append(" · ")
                    .append(Mail.esc(String.join(", ", u.groups()))).append("</span></button></li>");
        }
        s.append("</ul></form><p class=\"note\">Local cloud: every demo user's password is <code>")
                .append(LocalCloud.DEMO_PASSWORD).append("</code>; on AWS this is Cognito's sign-in page.</p>");
        html(x, 200, page("Spil sign-in (local)", s.toString()));
    }

    private void authorize(HttpExchange x, Map<String, String> p) throws IOException {
        String refused = checkRequest(p);
        String user = p.get("user");
        if (refused == null && (user == null || cloud.demoUsers().stream().noneMatch(u -> u.key().equals(user)))) {
            refused = "no demo user " + user;
        }
        if (refused != null) {
            html(x, 400, page("Cannot sign in", "<p>" + Mail.esc(refused) + "</p>"));
            return;
        }
        String code = random();
        codes.put(code, new Grant(user, p.get("client_id"), p.get("redirect_uri"), p.get("code_challenge"),
                System.currentTimeMillis() + CODE_LIFETIME.toMillis()));
        String target = p.get("redirect_uri") + (p.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + enc(code)
                + (p.get("state") == null ? "" : "&state=" + enc(p.get("state")));
        x.getResponseHeaders().set("Location", target);
        x.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange x, Map<String, String> p) throws IOException {
        String grantType = p.getOrDefault("grant_type", "");
        String user;
        if (grantType.equals("authorization_code")) {
            Grant g = codes.remove(p.getOrDefault("code", ""));
            if (g == null || g.expiresAt() < System.currentTimeMillis()) {
                oauthError(x, "invalid_grant", "the code is unknown, used or expired");
                return;
            }
            if (!g.clientId().equals(p.get("client_id")) || !g.redirectUri().equals(p.get("redirect_uri"))) {
                oauthError(x, "invalid_grant", "client_id or redirect_uri differ from the authorization request");
                return;
            }
            if (p.get("code_verifier") == null || !g.challenge().equals(s256(p.get("code_verifier")))) {
                oauthError(x, "invalid_grant", "the PKCE code_verifier does not match the code_challenge");
                return;
            }
            user = g.user();
        } else if (grantType.equals("refresh_token")) {
            user = refreshTokens.get(p.getOrDefault("refresh_token", ""));
            if (user == null || !cloud.clientId().equals(p.get("client_id"))) {
                oauthError(x, "invalid_grant", "unknown refresh_token");
                return;
            }
        } else {
            oauthError(x, "unsupported_grant_type", "authorization_code or refresh_token");
            return;
        }
        String idToken = cloud.token(user);
        JsonNode claims = Json.read(new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8));
        long expiresIn = Math.max(0, claims.path("exp").asLong() - System.currentTimeMillis() / 1000);
        String refresh = random();
        refreshTokens.put(refresh, user);
        ObjectNode answer = Json.object();
        answer.put("id_token", idToken);
        // the app sends the ID token to the API (as on AWS); the access token is only for completeness
        answer.put("access_token", idToken);
        answer.put("refresh_token", refresh);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", expiresIn);
        answer.put("scope", "openid email profile");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        json(x, 200, answer);
    }

    private void logout(HttpExchange x, Map<String, String> p) throws IOException {
        String back = p.get("logout_uri") != null ? p.get("logout_uri") : p.get("post_logout_redirect_uri");
        if (back != null && localAddress(back)) {
            x.getResponseHeaders().set("Location", back);
            x.sendResponseHeaders(302, -1);
            return;
        }
        html(x, 200, page("Signed out", "<p>You are signed out of the local Spil.</p>"));
    }

    static boolean localAddress(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            URI u = URI.create(uri);
            String host = u.getHost();
            return "http".equals(u.getScheme()) && host != null
                    && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Mail.esc(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;background:#f4f6f7;color:#1d2327;margin:0;display:grid;place-items:center;min-height:100vh}"
                + "main{background:#fff;border:1px solid #d8dee2;border-radius:12px;padding:1.5rem;max-width:440px;width:calc(100% - 2rem)}"
                + "h1{color:#1f5f5b;margin:0 0 .5rem;font-size:1.5rem}ul{list-style:none;padding:0;margin:0}li{margin:.5rem 0}"
                + "button{width:100%;text-align:left;padding:.75rem 1rem;border:1px solid #b9c3c9;border-radius:10px;background:#fff;"
                + "font:inherit;cursor:pointer;display:flex;flex-direction:column;gap:.15rem}button:hover{border-color:#1f5f5b;background:#e3efed}"
                + "button span{color:#5b666d;font-size:.9rem}.note{color:#5b666d;font-size:.85rem;margin-top:1rem}.lead{margin-top:0}"
                + "</style></head><body><main><h1>" + Mail.esc(title) + "</h1>" + body + "</main></body></html>";
    }

    private static void html(HttpExchange x, int status, String html) throws IOException {
        LocalWeb.send(x, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), "no-store", PAGE_CSP);
    }

    private static void text(HttpExchange x, int status, String text) throws IOException {
        LocalWeb.send(x, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), "no-store");
    }

    private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
        LocalWeb.send(x, status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8), "no-store");
    }

    private static void oauthError(HttpExchange x, String error, String description) throws IOException {
        ObjectNode e = Json.object();
        e.put("error", error);
        e.put("error_description", description);
        json(x, 400, e);
    }
}
