package nl.spil.platform.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.spil.platform.i18n.Language;

/**
 * Builds the body of an e-mail from text blocks and renders it twice: as plain text and as
 * clean, inline-styled HTML (table layout, no external resources, no scripts).
 *
 * <p>Every value is plain text. In HTML it is escaped ({@link MailText#html}); line breaks in
 * a paragraph become {@code <br>}. Links are only accepted as absolute http(s) URLs.
 * Consecutive {@link #row} calls form one two-column table of labels and values.
 */
public final class EmailBody {
    private static final String FONT =
            "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private static final String TEXT_COLOUR = "#1f2937";
    private static final String MUTED = "#6b7280";
    private static final String ACCENT = "#1d4ed8";
    private static final String RULE = "#e5e7eb";
    private static final int MAX_LABEL_WIDTH = 24;
    private static final int MAX_COLUMN_WIDTH = 32;

    private sealed interface Block permits Heading, Paragraph, Rows, Table, Button, Note, Image {}

    private record Heading(String text) implements Block {}

    private record Paragraph(String text) implements Block {}

    private record Rows(List<String[]> rows) implements Block {}

    private record Table(List<String> header, List<List<String>> rows) implements Block {}

    private record Button(String label, String url) implements Block {}

    private record Note(String text) implements Block {}

    private record Image(String contentId, String alt, int width) implements Block {}

    private final Language language;
    private final List<Block> blocks = new ArrayList<>();

    public EmailBody(Language language) {
        this.language = Objects.requireNonNull(language, "language");
    }

    /** The language this body is written in. */
    public Language language() {
        return language;
    }

    /** A heading line. */
    public EmailBody heading(String text) {
        blocks.add(new Heading(MailText.headerValue(text, 200)));
        return this;
    }

    /** A paragraph; line breaks in the text are kept. */
    public EmailBody paragraph(String text) {
        blocks.add(new Paragraph(MailText.bodyText(text).strip()));
        return this;
    }

    /** Several paragraphs. */
    public EmailBody paragraphs(String... texts) {
        for (String text : texts) {
            paragraph(text);
        }
        return this;
    }

    /** A labelled value; consecutive rows form one table ("Ruimte: Vergaderzaal 2"). */
    public EmailBody row(String label, String value) {
        String[] row = {MailText.headerValue(label, 60), MailText.bodyText(value).strip()};
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Rows rows) {
            rows.rows().add(row);
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(row);
            blocks.add(new Rows(rows));
        }
        return this;
    }

    /** A simple table with a header row; each row must have as many cells as the header. */
    public EmailBody table(List<String> header, List<List<String>> rows) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<String> cleanHeader = header.stream().map(h -> MailText.headerValue(h, 60)).toList();
        List<List<String>> cleanRows = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "table row has " + row.size() + " cells, header has " + header.size());
            }
            cleanRows.add(row.stream().map(c -> MailText.headerValue(c, 500)).toList());
        }
        blocks.add(new Table(cleanHeader, List.copyOf(cleanRows)));
        return this;
    }

    /**
     * A call to action: a button in HTML, "label: url" in text.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public EmailBody button(String label, String url) {
        blocks.add(new Button(MailText.headerValue(label, 80), checkUrl(url)));
        return this;
    }

    /**
     * A picture the message carries itself ({@link Attachment#inlineImage} with the same name),
     * shown in HTML as {@code <img src="cid:name">}; the text body gives its {@code alt} text.
     */
    public EmailBody image(String attachmentName, String alt, int widthPixels) {
        String cid = Attachment.safeFilename(attachmentName);
        if (!cid.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("an inline image's name is plain ASCII (letters, digits, . _ -)");
        }
        blocks.add(new Image(cid, MailText.headerValue(alt, 200), Math.max(16, Math.min(600, widthPixels))));
        return this;
    }

    /** Small print, e.g. "You get this e-mail because…". */
    public EmailBody note(String text) {
        blocks.add(new Note(MailText.bodyText(text).strip()));
        return this;
    }

    /** The footer line naming the office; the notifier adds the same line to mail rendered elsewhere. */
    public static String footerLine(Language language, String office) {
        return language.pick("Dit is een automatisch bericht van ", "This is an automated message from ") + office + ".";
    }

    /** Renders subject, text and HTML with a footer naming the office. */
    public RenderedEmail render(String subject, String officeName) {
        String office = MailText.headerValue(officeName, MailText.MAX_NAME);
        if (office.isEmpty()) {
            throw new IllegalArgumentException("office name is required for the e-mail footer");
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("e-mail body is empty");
        }
        String cleanSubject = MailText.headerValue(subject, MailText.MAX_SUBJECT);
        String footer = footerLine(language, office);
        return new RenderedEmail(cleanSubject, text(footer), html(cleanSubject, footer));
    }

    // ---------------------------------------------------------------- plain text

    private String text(String footer) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append(h.text()).append('\n')
                        .append("-".repeat(Math.min(72, width(h.text())))).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (block instanceof Note n) {
                out.append(n.text()).append("\n\n");
            } else if (block instanceof Rows r) {
                int labelWidth = 0;
                for (String[] row : r.rows()) {
                    labelWidth = Math.max(labelWidth, Math.min(MAX_LABEL_WIDTH, width(row[0]) + 1));
                }
                for (String[] row : r.rows()) {
                    String label = row[0] + ":";
                    out.append(pad(label, labelWidth)).append(' ');
                    String indent = " ".repeat(Math.max(labelWidth, width(label)) + 1);
                    out.append(row[1].replace("\n", "\n" + indent)).append('\n');
                }
                out.append('\n');
            } else if (block instanceof Table t) {
                int[] widths = new int[t.header().size()];
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.min(MAX_COLUMN_WIDTH, width(t.header().get(i)));
                    for (List<String> row : t.rows()) {
                        widths[i] = Math.max(widths[i], Math.min(MAX_COLUMN_WIDTH, width(row.get(i))));
                    }
                }
                appendTextRow(out, t.header(), widths);
                List<String> rules = new ArrayList<>();
                for (int w : widths) {
                    rules.add("-".repeat(Math.max(1, w)));
                }
                appendTextRow(out, rules, widths);
                for (List<String> row : t.rows()) {
                    appendTextRow(out, row, widths);
                }
                out.append('\n');
            } else if (block instanceof Button b) {
                out.append(b.label()).append(":\n").append(b.url()).append("\n\n");
            } else if (block instanceof Image i) {
                out.append('[').append(i.alt()).append("]\n\n");
            }
        }
        out.append("-- \n").append(footer).append('\n');
        return out.toString();
    }

    private static void appendTextRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String text, int width) {
        int missing = width - width(text);
        return missing > 0 ? text + " ".repeat(missing) : text;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    // ---------------------------------------------------------------- HTML

    private String html(String subject, String footer) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(MailText.html(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"background-color:#f3f4f6;\">\n<tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"max-width:600px;background-color:#ffffff;border-radius:8px;")
                .append(FONT).append("color:").append(TEXT_COLOUR).append(";\">\n")
                .append("<tr><td style=\"padding:32px 32px 16px 32px;\">\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("<h1 style=\"margin:0 0 16px 0;font-size:20px;line-height:28px;font-weight:600;color:#111827;\">")
                        .append(MailText.html(h.text())).append("</h1>\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p style=\"margin:0 0 16px 0;font-size:15px;line-height:24px;\">")
                        .append(htmlLines(p.text())).append("</p>\n");
            } else if (block instanceof Note n) {
                out.append("<p style=\"margin:0 0 16px 0;font-size:13px;line-height:20px;color:").append(MUTED)
                        .append(";\">").append(htmlLines(n.text())).append("</p>\n");
            } else if (block instanceof Rows r) {
                out.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                        .append(" style=\"margin:0 0 16px 0;border-collapse:collapse;\">\n");
                for (String[] row : r.rows()) {
                    out.append("<tr><td style=\"padding:4px 16px 4px 0;font-size:14px;line-height:20px;color:")
                            .append(MUTED).append(";vertical-align:top;\">").append(MailText.html(row[0]))
                            .append("</td><td style=\"padding:4px 0;font-size:14px;line-height:20px;font-weight:600;")
                            .append("vertical-align:top;\">").append(htmlLines(row[1])).append("</td></tr>\n");
                }
                out.append("</table>\n");
            } else if (block instanceof Table t) {
                out.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                        .append(" style=\"margin:0 0 16px 0;border-collapse:collapse;font-size:14px;line-height:20px;\">\n<tr>");
                for (String cell : t.header()) {
                    out.append("<th align=\"left\" style=\"padding:6px 8px 6px 0;border-bottom:1px solid ").append(RULE)
                            .append(";color:").append(MUTED).append(";font-weight:600;\">")
                            .append(MailText.html(cell)).append("</th>");
                }
                out.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    for (String cell : row) {
                        out.append("<td style=\"padding:6px 8px 6px 0;border-bottom:1px solid ").append(RULE)
                                .append(";vertical-align:top;\">").append(MailText.html(cell)).append("</td>");
                    }
                    out.append("</tr>\n");
                }
                out.append("</table>\n");
            } else if (block instanceof Button b) {
                out.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                        .append(" style=\"margin:8px 0 24px 0;\">\n<tr><td style=\"border-radius:6px;background-color:")
                        .append(ACCENT).append(";\">")
                        .append("<a href=\"").append(MailText.html(b.url())).append("\" target=\"_blank\"")
                        .append(" style=\"display:inline-block;padding:12px 20px;font-size:15px;font-weight:600;")
                        .append("line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;\">")
                        .append(MailText.html(b.label())).append("</a></td></tr>\n</table>\n");
            } else if (block instanceof Image i) {
                out.append("<p style=\"margin:0 0 16px 0;\"><img src=\"cid:").append(MailText.html(i.contentId()))
                        .append("\" alt=\"").append(MailText.html(i.alt())).append("\" width=\"").append(i.width())
                        .append("\" height=\"").append(i.width()).append("\" style=\"display:block;border:0;\"></p>\n");
            }
        }
        out.append("</td></tr>\n")
                .append("<tr><td style=\"padding:16px 32px 24px 32px;border-top:1px solid ").append(RULE)
                .append(";font-size:12px;line-height:18px;color:").append(MUTED).append(";\">")
                .append(MailText.html(footer)).append("</td></tr>\n")
                .append("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String htmlLines(String text) {
        return MailText.html(text).replace("\n", "<br>\n");
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("link URL is required");
        }
        String trimmed = url.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new IllegalArgumentException("link URL must be ASCII without spaces (percent-encode the rest)");
            }
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("link URL must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("link URL is malformed: " + e.getReason());
        }
        return trimmed;
    }
}
