package nl.spil.platform.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every answer: {@code X-Content-Type-Options: nosniff} (a browser never guesses
 * another type than the one sent), and {@code Cache-Control: no-store}, because almost every
 * answer of the API is about a person or only for the caller's eyes and must not be kept by a
 * browser or a proxy. An answer that may be cached sets its own Cache-Control first.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // first in, last out: it also sees answers that an earlier filter gave
    }
}
