package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The web app at the root URL and the local sign-in's code flow, over HTTP as oidc-client-ts drives it. */
class LocalSignInIT {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void theAppIsServedAtTheRootWithItsConfigAndPolicy() throws Exception {
        String base = RunningCloud.get().baseUrl().toString();
        HttpResponse<String> root = page("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\">");
        String csp = root.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'");
        // pre-signed uploads go from the browser straight to the files bucket (the local S3)
        URI files = RunningCloud.get().aws().endpoint();
        assertThat(csp).contains("connect-src 'self' " + files.getScheme() + "://" + files.getAuthority());
        // an app address is the app; an API address is still the API
        assertThat(page("/my-bookings").body()).contains("<div id=\"root\">");
        assertThat(RunningCloud.send("GET", "/bookings", null, null).statusCode()).isEqualTo(401);
        assertThat(page("/assets/missing.js").statusCode()).isEqualTo(404);
        JsonNode config = Json.read(page("/config.json").body());
        assertThat(config.path("authority").asText()).isEqualTo(base + "/local/oidc");
        assertThat(config.path("clientId").asText()).isEqualTo(RunningCloud.get().clientId());
    }

    @Test
    void aCodeWithItsPkceVerifierGivesTheDemoUsersRealIdTokenOnce() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String base = cloud.baseUrl().toString();
        JsonNode discovery = Json.read(RunningCloud.send("GET", "/local/oidc/.well-known/openid-configuration", null, null).body());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(base + "/local/oidc/token");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");

        Map<String, String> request = Map.of("client_id", cloud.clientId(), "redirect_uri", base + "/",
                "response_type", "code", "state", "s1", "code_challenge", LocalOidc.s256(VERIFIER), "code_challenge_method", "S256");
        HttpResponse<String> page = RunningCloud.send("GET", "/local/oidc/authorize?" + form(request), null, null);
        assertThat(page.body()).contains("Sam de Vries", "Olga Jansen", "Rita Bakker", "Max Visser");
        HttpResponse<String> foreign = RunningCloud.send("GET", "/local/oidc/authorize?" + form(
                with(request, "redirect_uri", "https://evil.example.com/")), null, null);
        assertThat(foreign.statusCode()).isEqualTo(400);

        String code = authorize(with(request, "user", "sam"));
        HttpResponse<String> wrong = token(Map.of("grant_type", "authorization_code", "code", code, "client_id", cloud.clientId(),
                "redirect_uri", base + "/", "code_verifier", "not-the-verifier-not-the-verifier-not-the-verifier"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");

        code = authorize(with(request, "user", "sam"));
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code, "client_id", cloud.clientId(),
                "redirect_uri", base + "/", "code_verifier", VERIFIER);
        HttpResponse<String> ok = token(exchange);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String idToken = Json.read(ok.body()).path("id_token").asText();
        JsonNode claims = Json.read(new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("email").asText()).isEqualTo("sam@example.org");
        assertThat(RunningCloud.send("GET", "/me", idToken, null).statusCode()).isEqualTo(200);
        assertThat(token(exchange).statusCode()).as("a code is good once").isEqualTo(400);

        String refresh = Json.read(ok.body()).path("refresh_token").asText();
        HttpResponse<String> renewed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", cloud.clientId()));
        assertThat(renewed.statusCode()).isEqualTo(200);
    }

    /** A page of the app (not the API, so not held to docs/openapi.yaml). */
    private static HttpResponse<String> page(String path) throws Exception {
        return RunningCloud.HTTP.send(HttpRequest.newBuilder(URI.create(RunningCloud.get().baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String authorize(Map<String, String> fields) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(RunningCloud.get().baseUrl() + "/local/oidc/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        HttpResponse<String> r = RunningCloud.HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(RunningCloud.get().baseUrl() + "/?code=").endsWith("&state=s1");
        return location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
    }

    private static HttpResponse<String> token(Map<String, String> fields) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(RunningCloud.get().baseUrl() + "/local/oidc/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        return RunningCloud.HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new java.util.LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
