package nl.spil.localkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The one way the local servers (Runtime API, HTTP API, local pages, event bus) answer a request
 * on the JDK HttpServer: one Content-Type (set, never added twice), a Content-Length always
 * (never a chunked body), text in UTF-8.
 */
public final class HttpReply {

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK of the headers: +40 ms on every request of a
        // kept-alive connection (a new connection's first exchange was quick, which hid it). The
        // server reads this property once, when the first server is made: see server().
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private HttpReply() {
    }

    /** A JDK HttpServer on 127.0.0.1 (port 0: a free one) whose sockets send at once (TCP_NODELAY). */
    public static HttpServer server(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
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
