package nl.spil.platform.mail;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A file attached to an e-mail: a file name, a MIME type with parameters and the bytes.
 *
 * <p>The file name is sanitized (control characters, path separators and quotes replaced,
 * whitespace folded, leading dots dropped, at most 100 code points); the content type must
 * parse strictly as {@code type/subtype; param=value…} in printable ASCII. The bytes are
 * copied in and out, so an attachment is immutable; equality compares the bytes.
 *
 * <p>A {@code text/calendar} attachment is also offered inline as the third alternative of
 * the message body by {@link MimeComposer}, which is what calendar clients look for.
 */
public record Attachment(String filename, String contentType, byte[] content) {
    /** iCalendar invitation, as calendar clients expect it. */
    public static final String CALENDAR_REQUEST = "text/calendar; method=REQUEST; charset=UTF-8";
    /** iCalendar cancellation. */
    public static final String CALENDAR_CANCEL = "text/calendar; method=CANCEL; charset=UTF-8";
    /** A CSV export. */
    public static final String CSV = "text/csv; charset=UTF-8";
    /** A PNG picture shown in the HTML body ({@link #inlineImage}). */
    public static final String INLINE_PNG = "image/png";

    public Attachment {
        filename = safeFilename(filename);
        contentType = checkContentType(contentType);
        if (content == null) {
            throw new IllegalArgumentException("attachment content is required");
        }
        content = content.clone();
    }

    /** An iCalendar invitation ({@code method=REQUEST}). */
    public static Attachment calendarRequest(String filename, byte[] ics) {
        return new Attachment(filename, CALENDAR_REQUEST, ics);
    }

    /** A CSV file in UTF-8. */
    public static Attachment csv(String filename, byte[] csv) {
        return new Attachment(filename, CSV, csv);
    }

    /**
     * A picture shown inside the HTML body (a QR code, say), never fetched from anywhere: the
     * composer sends it as a related part with {@code Content-ID: <name>}, which
     * {@link EmailBody#image} refers to as {@code cid:name}. Every {@code image/*} attachment is
     * sent this way.
     */
    public static Attachment inlineImage(String name, byte[] png) {
        return new Attachment(name, INLINE_PNG, png);
    }

    /** True for {@code image/*}: shown inline in the HTML body, referred to by its file name. */
    public boolean isInlineImage() {
        return parsedContentType().getPrimaryType().equalsIgnoreCase("image");
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Size in bytes. */
    public int size() {
        return content.length;
    }

    /** The parsed content type. */
    public ContentType parsedContentType() {
        try {
            return new ContentType(contentType);
        } catch (ParseException e) {
            throw new IllegalStateException("content type was checked on creation", e);
        }
    }

    /** True for {@code text/calendar}, whatever its parameters. */
    public boolean isCalendar() {
        return parsedContentType().match("text/calendar");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that
                && filename.equals(that.filename)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * filename.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        // no file name: it may name a person
        return "Attachment[" + contentType + ", " + content.length + " bytes]";
    }

    static String safeFilename(String name) {
        StringBuilder cleaned = new StringBuilder();
        if (name != null) {
            name.codePoints().forEach(c -> {
                if (c == '/' || c == '\\' || c == '"' || c == ':' || c == '*' || c == '?' || c == '<' || c == '>'
                        || c == '|') {
                    cleaned.append('_');
                } else {
                    cleaned.appendCodePoint(c);
                }
            });
        }
        String folded = MailText.headerValue(cleaned.toString(), 100);
        int start = 0;
        while (start < folded.length() && (folded.charAt(start) == '.' || folded.charAt(start) == ' ')) {
            start++;
        }
        String result = folded.substring(start);
        if (result.isEmpty()) {
            throw new IllegalArgumentException("attachment file name is required");
        }
        return result;
    }

    private static String checkContentType(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("attachment content type is required");
        }
        String trimmed = type.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("attachment content type must be printable ASCII on one line");
            }
        }
        try {
            ContentType parsed = new ContentType(trimmed);
            if (parsed.getPrimaryType().isEmpty() || parsed.getSubType().isEmpty()) {
                throw new IllegalArgumentException("attachment content type needs type/subtype");
            }
            if (parsed.getPrimaryType().toLowerCase(Locale.ROOT).equals("multipart")
                    || parsed.getPrimaryType().toLowerCase(Locale.ROOT).equals("message")) {
                throw new IllegalArgumentException("attachment content type may not be multipart/* or message/*");
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("attachment content type is malformed: " + e.getMessage());
        }
        return trimmed;
    }
}
