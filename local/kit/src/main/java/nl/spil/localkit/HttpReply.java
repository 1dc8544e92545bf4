package nl.spil.localkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one way the local servers (Runtime API, HTTP API, local pages, event bus) answer a request
 * on the JDK HttpServer: one Content-Type (set, never added twice), a Content-Length always
 * (never a chunked body), text in UTF-8.
 */
public final class HttpReply {

    private HttpReply() {
    }

    /** Answers with a UTF-8 text body; a {@code text/*} type gets {@code ; charset=utf-8}. */
    public static void send(HttpExchange x, int status, String contentType, String body) throws IOException {
        send(x, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with the bytes as they are; an empty body is sent as no body at all. */
    public static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            boolean text = contentType.startsWith("text/") && !contentType.contains("charset");
            x.getResponseHeaders().set("Content-Type", text ? contentType + "; charset=utf-8" : contentType);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A JSON answer. */
    public static void json(HttpExchange x, int status, String json) throws IOException {
        send(x, status, "application/json", json);
    }
}
