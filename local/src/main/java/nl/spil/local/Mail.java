package nl.spil.local;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.spil.localkit.LocalAws;

/**
 * The local mail page: every message the local SES accepted (moto's {@code /moto-api/data.json}),
 * newest first, each readable with its parts and attachments.
 * <ul>
 *   <li>{@code /local/mail}: the list;</li>
 *   <li>{@code /local/mail/<n>}: one message (headers, text, links to every part);</li>
 *   <li>{@code /local/mail/<n>/part/<i>}: one part as sent (an HTML body, a PDF, an .ics…);</li>
 *   <li>{@code /local/mail/<n>/raw}: the MIME source.</li>
 * </ul>
 */
final class Mail {

    record Page(String contentType, byte[] body, String fileName) {
        static Page html(String html) {
            return new Page("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** One sent message; {@code raw} is the MIME text, or null for a simple (non-raw) send. */
    record Sent(int number, String source, List<String> to, String subject, String text, String raw) {
    }

    /** One leaf part of a MIME message. */
    record Leaf(String contentType, String fileName, byte[] content) {
    }

    private final LocalAws aws;

    Mail(LocalAws aws) {
        this.aws = aws;
    }

    /** Every accepted message, numbered from 1 in the order SES accepted them. */
    List<Sent> messages() {
        List<Sent> out = new ArrayList<>();
        int n = 0;
        for (LocalAws.SentEmail e : aws.sentEmails()) {
            n++;
            String subject = e.subject();
            if (subject == null && e.raw() != null) {
                try {
                    subject = parse(e.raw()).getSubject();
                } catch (Exception ex) {
                    subject = "(unreadable MIME)";
                }
            }
            out.add(new Sent(n, e.source(), e.destinations(), subject, e.body(), e.raw()));
        }
        return out;
    }

    Page page(String path) {
        List<Sent> all = messages();
        String rest = path.substring("/local/mail".length());
        if (rest.isEmpty() || rest.equals("/")) {
            return Page.html(list(all));
        }
        String[] parts = rest.substring(1).split("/");
        int n;
        try {
            n = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (n < 1 || n > all.size()) {
            return null;
        }
        Sent m = all.get(n - 1);
        try {
            if (parts.length == 1) {
                return Page.html(show(m));
            }
            if (parts.length == 2 && parts[1].equals("raw")) {
                return new Page("text/plain; charset=utf-8",
                        (m.raw() == null ? m.text() : m.raw()).getBytes(StandardCharsets.UTF_8), null);
            }
            if (parts.length == 3 && parts[1].equals("part") && m.raw() != null) {
                List<Leaf> leaves = leaves(parse(m.raw()));
                int i = Integer.parseInt(parts[2]);
                if (i < 0 || i >= leaves.size()) {
                    return null;
                }
                Leaf leaf = leaves.get(i);
                return new Page(leaf.contentType(), leaf.content(), leaf.fileName());
            }
        } catch (Exception e) {
            return Page.html("<p>Cannot read message " + n + ": " + esc(e.toString()) + "</p>");
        }
        return null;
    }

    private static String list(List<Sent> all) {
        StringBuilder s = new StringBuilder(head("Sent e-mail"));
        s.append("<h1>Sent e-mail</h1><p>").append(all.size())
                .append(" message(s) sent through the local SES, newest first.</p><table><tr><th>#</th><th>To</th><th>From</th><th>Subject</th></tr>");
        for (int i = all.size() - 1; i >= 0; i--) {
            Sent m = all.get(i);
            s.append("<tr><td>").append(m.number()).append("</td><td>").append(esc(String.join(", ", m.to())))
                    .append("</td><td>").append(esc(m.source())).append("</td><td><a href=\"/local/mail/").append(m.number())
                    .append("\">").append(esc(m.subject() == null ? "(no subject)" : m.subject())).append("</a></td></tr>");
        }
        return s.append("</table></body></html>").toString();
    }

    private static String show(Sent m) throws Exception {
        StringBuilder s = new StringBuilder(head(m.subject() == null ? "Message" : m.subject()));
        s.append("<p><a href=\"/local/mail\">&larr; all messages</a></p>");
        s.append("<h1>").append(esc(m.subject())).append("</h1><table>");
        s.append("<tr><th>From</th><td>").append(esc(m.source())).append("</td></tr>");
        s.append("<tr><th>To</th><td>").append(esc(String.join(", ", m.to()))).append("</td></tr></table>");
        if (m.raw() == null) {
            s.append("<pre>").append(esc(m.text())).append("</pre>");
        } else {
            MimeMessage mime = parse(m.raw());
            List<Leaf> leaves = leaves(mime);
            s.append("<h2>Parts</h2><ul>");
            for (int i = 0; i < leaves.size(); i++) {
                Leaf l = leaves.get(i);
                s.append("<li><a href=\"/local/mail/").append(m.number()).append("/part/").append(i).append("\">")
                        .append(esc(l.fileName() == null ? "part " + i : l.fileName())).append("</a> ")
                        .append(esc(l.contentType())).append(", ").append(l.content().length).append(" bytes")
                        .append(l.fileName() != null ? " (attachment)" : "").append("</li>");
            }
            s.append("</ul><p><a href=\"/local/mail/").append(m.number()).append("/raw\">MIME source</a></p>");
            for (Leaf l : leaves) {
                if (l.fileName() == null && l.contentType().toLowerCase().startsWith("text/plain")) {
                    s.append("<h2>Text</h2><pre>").append(esc(new String(l.content(), charset(l.contentType())))).append("</pre>");
                }
            }
        }
        return s.append("</body></html>").toString();
    }

    static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Leaf> leaves(Part part) throws Exception {
        List<Leaf> out = new ArrayList<>();
        collect(part, out);
        return out;
    }

    private static void collect(Part part, List<Leaf> out) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, out);
            }
            return;
        }
        byte[] bytes;
        try (var in = part.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            bytes = String.valueOf(content).getBytes(StandardCharsets.UTF_8);
        }
        out.add(new Leaf(part.getContentType().replaceAll("\\s+", " "), part.getFileName(), bytes));
    }

    private static java.nio.charset.Charset charset(String contentType) {
        try {
            String cs = new jakarta.mail.internet.ContentType(contentType).getParameter("charset");
            return cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs);
        } catch (Exception e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String head(String title) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + " - Spil local mail</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;vertical-align:top}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A query parameter's decoded value, or null. */
    static String param(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
