package nl.spil.platform.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Small readers of request details that use cases need. */
public final class Requests {

    private Requests() {
    }

    /** What makes two creates "the same request" for idempotency: method, path and body. */
    public static String fingerprint(HttpRequest<?> request, String body) {
        return request.getMethodName() + " " + request.getPath() + "\n" + (body == null ? "" : body);
    }

    public static Optional<String> idempotencyKey(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get("Idempotency-Key"));
    }
}
