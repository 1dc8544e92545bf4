package nl.spil.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import nl.spil.localkit.LocalAws;

/**
 * The local mail page: the e-mails the local SES accepted, newest first, each readable with its
 * parts and attachments. New messages are fetched incrementally ({@link LocalAws#sentEmailsAfter})
 * and parsed once; the newest {@link #KEPT} are kept, as many as the local SES keeps.
 * <ul>
 *   <li>{@code /local/mail}: the list; {@code /local/mail.json[?to=<address>]}: the same as JSON;</li>
 *   <li>{@code /local/mail/<id>}: one message (headers, text, links to every part);</li>
 *   <li>{@code /local/mail/<id>/part/<i>}: one part as sent (an HTML body, a PDF, an .ics…);</li>
 *   <li>{@code /local/mail/<id>/raw}: the MIME source.</li>
 * </ul>
 */
final class Mail {

    /** How many e-mails the local cloud keeps (the local SES keeps as many). */
    static final int KEPT = 500;

    record Page(String contentType, byte[] body, String fileName) {
        static Page html(String html) {
            return new Page("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** One leaf part of a MIME message, numbered in document order. */
    record Leaf(int index, String contentType, String fileName, byte[] content) {
        boolean is(String type) {
            return fileName == null && contentType.toLowerCase(Locale.ROOT).startsWith(type);
        }
    }

    /**
     * One sent message: its text and HTML bodies (the first text/plain and text/html parts without
     * a file name), every other part an attachment; {@code raw} is the MIME text, or null for a
     * simple (non-raw) send.
     */
    record Sent(long seq, String id, String sentAt, String source, List<String> to, String subject, String text,
                String html, List<Leaf> attachments, String raw) {
    }

    private final LocalAws aws;
    private final Deque<Sent> kept = new ArrayDeque<>();
    private long lastSeq;

    Mail(LocalAws aws) {
        this.aws = aws;
    }

    /** The kept messages, oldest first, with whatever the local SES accepted since the last call. */
    synchronized List<Sent> messages() {
        for (LocalAws.SentEmail e : aws.sentEmailsAfter(lastSeq)) {
            kept.addLast(read(e));
            lastSeq = e.seq();
        }
        while (kept.size() > KEPT) {
            kept.removeFirst();
        }
        return List.copyOf(kept);
    }

    private static Sent read(LocalAws.SentEmail e) {
        if (e.raw() == null) {
            return new Sent(e.seq(), e.id(), e.sentAt(), e.source(), e.destinations(), e.subject(), e.body(), null, List.of(), null);
        }
        try {
            MimeMessage mime = parse(e.raw());
            List<Leaf> leaves = leaves(mime);
            Leaf text = leaves.stream().filter(l -> l.is("text/plain")).findFirst().orElse(null);
            Leaf html = leaves.stream().filter(l -> l.is("text/html")).findFirst().orElse(null);
            List<Leaf> attachments = leaves.stream().filter(l -> l != text && l != html).toList();
            return new Sent(e.seq(), e.id(), e.sentAt(), e.source(), e.destinations(), mime.getSubject(), string(text),
                    string(html), attachments, e.raw());
        } catch (Exception ex) {
            return new Sent(e.seq(), e.id(), e.sentAt(), e.source(), e.destinations(), "(unreadable MIME: " + ex.getMessage() + ")",
                    null, null, List.of(), e.raw());
        }
    }

    private static String string(Leaf leaf) {
        return leaf == null ? null : new String(leaf.content(), charset(leaf.contentType()));
    }

    /** The page at {@code path} (with its raw query), or null when there is no such message or part. */
    Page page(String path, String rawQuery) {
        List<Sent> all = messages();
        if (path.equals("/local/mail.json")) {
            String to = rawQuery == null ? null : param(rawQuery, "to");
            return new Page("application/json", Json.write(json(all, to)).getBytes(StandardCharsets.UTF_8), null);
        }
        String rest = path.substring("/local/mail".length());
        if (rest.isEmpty() || rest.equals("/")) {
            return Page.html(list(all));
        }
        String[] parts = rest.substring(1).split("/");
        Sent m = all.stream().filter(s -> s.id().equals(parts[0])).findFirst().orElse(null);
        if (m == null) {
            return null;
        }
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
        } catch (NumberFormatException e) {
            return null;
        } catch (Exception e) {
            return Page.html("<p>Cannot read message " + esc(m.id()) + ": " + esc(e.toString()) + "</p>");
        }
        return null;
    }

    /** {@code /local/mail.json}: newest first, only those sent to {@code to} when given. */
    private static ObjectNode json(List<Sent> all, String to) {
        ObjectNode root = Json.object();
        ArrayNode messages = root.putArray("messages");
        for (int i = all.size() - 1; i >= 0; i--) {
            Sent m = all.get(i);
            if (to != null && m.to().stream().noneMatch(a -> a.equalsIgnoreCase(to.trim()))) {
                continue;
            }
            ObjectNode o = messages.addObject();
            String url = "/local/mail/" + m.id();
            o.put("id", m.id());
            o.put("date", m.sentAt());
            o.put("from", m.source());
            m.to().forEach(o.putArray("to")::add);
            o.put("subject", m.subject());
            o.put("text", m.text());
            o.put("html", m.html());
            ArrayNode attachments = o.putArray("attachments");
            for (Leaf a : m.attachments()) {
                attachments.addObject().put("name", a.fileName()).put("type", a.contentType()).put("size", a.content().length)
                        .put("url", url + "/part/" + a.index());
            }
            o.put("url", url);
            o.put("rawUrl", url + "/raw");
        }
        return root;
    }

    private static String list(List<Sent> all) {
        StringBuilder s = new StringBuilder(head("Sent e-mail"));
        s.append("<h1>Sent e-mail</h1><p>").append(all.size())
                .append(" message(s) sent through the local SES, newest first (the newest ").append(KEPT)
                .append(" are kept; <a href=\"/local/mail.json\">as JSON</a>).</p>")
                .append("<table><tr><th>Sent</th><th>To</th><th>From</th><th>Subject</th></tr>");
        for (int i = all.size() - 1; i >= 0; i--) {
            Sent m = all.get(i);
            s.append("<tr><td>").append(esc(m.sentAt())).append("</td><td>").append(esc(String.join(", ", m.to())))
                    .append("</td><td>").append(esc(m.source())).append("</td><td><a href=\"/local/mail/").append(esc(m.id()))
                    .append("\">").append(esc(m.subject() == null ? "(no subject)" : m.subject())).append("</a></td></tr>");
        }
        return s.append("</table></body></html>").toString();
    }

    private static String show(Sent m) throws Exception {
        StringBuilder s = new StringBuilder(head(m.subject() == null ? "Message" : m.subject()));
        s.append("<p><a href=\"/local/mail\">&larr; all messages</a></p>");
        s.append("<h1>").append(esc(m.subject())).append("</h1><table>");
        s.append("<tr><th>From</th><td>").append(esc(m.source())).append("</td></tr>");
        s.append("<tr><th>To</th><td>").append(esc(String.join(", ", m.to()))).append("</td></tr>");
        s.append("<tr><th>Sent</th><td>").append(esc(m.sentAt())).append("</td></tr></table>");
        if (m.raw() == null) {
            s.append("<pre>").append(esc(m.text())).append("</pre>");
        } else {
            List<Leaf> leaves = leaves(parse(m.raw()));
            s.append("<h2>Parts</h2><ul>");
            for (Leaf l : leaves) {
                s.append("<li><a href=\"/local/mail/").append(esc(m.id())).append("/part/").append(l.index()).append("\">")
                        .append(esc(l.fileName() == null ? "part " + l.index() : l.fileName())).append("</a> ")
                        .append(esc(l.contentType())).append(", ").append(l.content().length).append(" bytes")
                        .append(l.fileName() != null ? " (attachment)" : "").append("</li>");
            }
            s.append("</ul><p><a href=\"/local/mail/").append(esc(m.id())).append("/raw\">MIME source</a></p>");
            if (m.text() != null) {
                s.append("<h2>Text</h2><pre>").append(esc(m.text())).append("</pre>");
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
        out.add(new Leaf(out.size(), part.getContentType().replaceAll("\\s+", " "), part.getFileName(), bytes));
    }

    private static Charset charset(String contentType) {
        try {
            String cs = new ContentType(contentType).getParameter("charset");
            return cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs);
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
