package nl.spil.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.JwtClaims;

/** The caller of an HTTP request, from the payload 2.0 event's JWT authorizer claims. */
public final class Callers {

    static final String ATTRIBUTE = "spil.caller";

    private Callers() {
    }

    public static Optional<Caller> of(HttpRequest<?> request) {
        Optional<Caller> cached = request.getAttribute(ATTRIBUTE, Caller.class);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Caller> caller = claims(request).flatMap(JwtClaims::caller);
        caller.ifPresent(c -> request.setAttribute(ATTRIBUTE, c));
        return caller;
    }

    private static Optional<Map<String, String>> claims(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null
                && event.getRequestContext().getAuthorizer() != null
                && event.getRequestContext().getAuthorizer().getJwt() != null) {
            return Optional.ofNullable(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        }
        return Optional.empty();
    }
}
