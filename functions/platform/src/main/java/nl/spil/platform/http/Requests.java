package nl.spil.platform.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Caller;

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

    /** A create by this caller, with the request's Idempotency-Key (if any) and fingerprint. */
    public static CreateRequest create(Caller caller, HttpRequest<?> request, String body) {
        return new CreateRequest(caller.id(), idempotencyKey(request).orElse(null), fingerprint(request, body));
    }
}
