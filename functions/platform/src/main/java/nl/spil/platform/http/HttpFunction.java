package nl.spil.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda handler of every Spil HTTP function: Micronaut's API Gateway (payload 2.0) function,
 * with the request path taken from the event's {@code rawPath} as API Gateway received it.
 *
 * <p>Micronaut builds the request URI from {@code requestContext.http.path}, which API Gateway
 * has already percent-decoded: an id holding {@code %23} or {@code %3F} became a {@code #} or
 * {@code ?} there and cut the path short (so {@code GET /people/%23} listed everyone), and
 * {@code %00}, {@code %20} or a quote made the URI unbuildable (a 500 before any Spil code
 * ran). Here each raw segment is decoded once and encoded again strictly, so the router sees
 * exactly the segments the client sent and the {@link AccessFilter} answers 404 for an id that
 * is no Spil id. A path that is not valid percent-encoding is a 404 without reaching the router.
 *
 * <p>Under SnapStart, {@link HttpPriming} sends two read-only GET requests through this handler
 * before the snapshot is taken.
 */
public class HttpFunction extends APIGatewayV2HTTPEventFunction {

    /** Held here: a CRaC context may keep its resources only weakly. */
    private final HttpPriming priming;

    public HttpFunction() {
        super();
        priming = new HttpPriming(getApplicationContext(), event -> handleRequest(event, null));
        priming.register();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            String raw = event.getRawPath() != null ? event.getRawPath() : event.getRequestContext().getHttp().getPath();
            Optional<String> path = canonical(raw);
            if (path.isEmpty()) {
                return notFound();
            }
            event.getRequestContext().getHttp().setPath(path.get());
        }
        return super.handleRequest(event, context);
    }

    /**
     * The path with every segment decoded once and encoded again with only unreserved
     * characters left as they are; empty when a segment is not valid percent-encoded UTF-8.
     */
    static Optional<String> canonical(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/' || raw.length() > 2048) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (String segment : raw.substring(1).split("/", -1)) {
            Optional<byte[]> decoded = decode(segment);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            out.append('/');
            for (byte b : decoded.get()) {
                int c = b & 0xFF;
                if (isUnreserved(c)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
        }
        return Optional.of(out.toString());
    }

    private static Optional<byte[]> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static APIGatewayV2HTTPResponse notFound() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(404);
        response.setHeaders(Map.of("Content-Type", "application/problem+json", "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store"));
        response.setBody("{\"type\":\"https://spil.nl/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"nothing is at this path\",\"errors\":[]}");
        return response;
    }
}
