package nl.spil.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.spil.testkit.OpenApiContract;

/** The local cloud of this test JVM: started once (on a free port), stopped when the JVM exits. */
final class RunningCloud {

    private static LocalCloud cloud;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningCloud() {
    }

    static synchronized LocalCloud get() {
        if (cloud == null) {
            LocalCloud.Options defaults = LocalCloud.Options.defaults();
            // a free port, and logs under target/ so a local cloud the developer runs keeps its own
            cloud = LocalCloud.start(new LocalCloud.Options(0, true,
                    nl.spil.localkit.Repo.path("local/target/local-cloud/logs"), defaults.runtimeDir(), System.out, false));
            System.out.print(cloud.banner());
            LocalCloud started = cloud;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return cloud;
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(get().baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        keepsTheContract(method, path, response);
        return response;
    }

    /** A GET whose answer is a file (a PDF): its bytes, with the status and content type the contract names. */
    static HttpResponse<byte[]> download(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(get().baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (response.statusCode() == 200) {
            OpenApiContract.ofRepo().assertKept("GET", bare, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), 0, Math.min(response.body().length, 8), StandardCharsets.ISO_8859_1));
        }
        return response;
    }

    /**
     * Every answer of the API that an acceptance test receives is checked against docs/openapi.yaml
     * (the local cloud's own pages under /local/ are not part of the API).
     */
    static void keepsTheContract(String method, String path, HttpResponse<String> response) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/local/") || bare.equals("/") || bare.startsWith("/app/")) {
            return;
        }
        if (response.statusCode() == 404 && !OpenApiContract.ofRepo().documents(bare)) {
            return; // API Gateway's own 404 for a route that does not exist: nothing of Spil's answered
        }
        OpenApiContract.ofRepo().assertKept(method, bare, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
}
