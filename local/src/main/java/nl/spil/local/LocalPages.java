package nl.spil.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import nl.spil.localkit.HttpReply;
import nl.spil.localkit.LocalAws;

/**
 * The local cloud's own pages under {@code /local/}: ID tokens of the demo users, the schedules
 * (listed, fired by hand) and the mail page.
 */
final class LocalPages implements HttpHandler {

    private final DemoData demo;
    private final Schedules schedules;
    private final Mail mail;

    LocalPages(DemoData demo, Schedules schedules, LocalAws aws) {
        this.demo = demo;
        this.schedules = schedules;
        this.mail = new Mail(aws);
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            x.getRequestBody().readAllBytes();
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            String method = x.getRequestMethod();
            if (path.equals("/local/token") && method.equals("GET")) {
                String user = query == null ? null : Mail.param(query, "user");
                String token = user == null ? null : demo.token(user);
                if (token == null) {
                    HttpReply.send(x, 404, "text/plain", "No demo user " + user + "; try one of " + demo.userKeys() + "\n");
                } else {
                    HttpReply.send(x, 200, "text/plain", token);
                }
            } else if (path.startsWith("/local/schedules/") && method.equals("POST")) {
                fireSchedule(x, path, query);
            } else if (path.equals("/local/schedules") && method.equals("GET")) {
                HttpReply.send(x, 200, "text/plain", String.join("\n", schedules.describe()) + "\n");
            } else if (path.startsWith("/local/mail")) {
                Mail.Page page = mail.page(path, query);
                if (page == null) {
                    HttpReply.send(x, 404, "text/plain", "No such message or part\n");
                } else {
                    if (page.fileName() != null) {
                        x.getResponseHeaders().add("Content-Disposition",
                                "inline; filename=\"" + page.fileName().replace("\"", "") + "\"");
                    }
                    HttpReply.send(x, 200, page.contentType(), page.body());
                }
            } else {
                HttpReply.send(x, 404, "text/plain", "Local pages: GET /local/token?user=<name>, GET /local/mail, GET /local/mail.json[?to=<address>], "
                        + "GET /local/schedules, POST /local/schedules/<Function>/<Event>[?at=<date-time>]\n");
            }
        } catch (RuntimeException e) {
            HttpReply.send(x, 500, "text/plain", e + "\n");
        }
    }

    private void fireSchedule(HttpExchange x, String path, String query) throws IOException {
        String[] parts = path.substring("/local/schedules/".length()).split("/");
        if (parts.length != 2) {
            HttpReply.send(x, 404, "text/plain", "POST /local/schedules/<FunctionLogicalId>/<EventId>\n");
            return;
        }
        String at = query == null ? null : Mail.param(query, "at");
        LocalFunction.Result result;
        try {
            result = schedules.fire(parts[0], parts[1], at);
        } catch (IllegalArgumentException e) {
            HttpReply.send(x, 400, "text/plain", e.getMessage() + "\n");
            return;
        }
        if (result == null) {
            HttpReply.send(x, 404, "text/plain", "No ScheduleV2 event " + parts[1] + " on " + parts[0] + "; schedules: "
                    + schedules.names() + "\n");
        } else {
            HttpReply.send(x, result.error() ? 502 : 200, "application/json", result.body());
        }
    }
}
