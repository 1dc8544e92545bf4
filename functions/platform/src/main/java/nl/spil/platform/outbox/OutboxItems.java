package nl.spil.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.RenderedEmail;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB item layout of the outbox table, both ways.
 *
 * <pre>
 * pk            OUTBOX#&lt;key&gt;   key = first 128 bits of sha256(dedupe key) in hex, else the id
 * sk            OUTBOX
 * id            the item id (also the event id of an event)
 * kind          EMAIL | EVENT
 * status        PENDING | SENDING | DONE | FAILED   (DONE = sent)
 * attempts      number of delivery attempts
 * createdAt     2025-05-14T09:30:00.000Z (UTC, always millisecond precision, so it sorts)
 * gsi1pk        STATUS#&lt;status&gt;#&lt;shard&gt;   (shard 0..3 from the pk; the notifier removes gsi1pk/gsi1sk
 *               once DONE: a sparse index)
 * gsi1sk        &lt;createdAt&gt;#&lt;id&gt;
 * expiresAt     TTL, epoch seconds; not set on new items (set by the notifier once delivered)
 *
 * EMAIL:  fromAddress, fromName?, toAddress, toName?, replyToAddress?, replyToName?, language,
 *         subject, textBody, htmlBody, messageIdSeed, attachments? = [ {name, type, data (B)} ]
 * EVENT:  source, detailType, detail, eventId
 * </pre>
 *
 * Optional attributes are left out when empty. {@link #fromItem} ignores attributes it does not
 * know (the notifier may add lastError, expiresAt…).
 */
public final class OutboxItems {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String STATUS = "status";
    public static final String ATTEMPTS = "attempts";
    public static final String CREATED_AT = "createdAt";

    public static final String FROM_ADDRESS = "fromAddress";
    public static final String FROM_NAME = "fromName";
    public static final String TO_ADDRESS = "toAddress";
    public static final String TO_NAME = "toName";
    public static final String REPLY_TO_ADDRESS = "replyToAddress";
    public static final String REPLY_TO_NAME = "replyToName";
    public static final String LANGUAGE = "language";
    public static final String SUBJECT = "subject";
    public static final String TEXT_BODY = "textBody";
    public static final String HTML_BODY = "htmlBody";
    public static final String MESSAGE_ID_SEED = "messageIdSeed";
    public static final String ATTACHMENTS = "attachments";
    public static final String ATTACHMENT_NAME = "name";
    public static final String ATTACHMENT_TYPE = "type";
    public static final String ATTACHMENT_DATA = "data";

    public static final String SOURCE = "source";
    public static final String DETAIL_TYPE = "detailType";
    public static final String DETAIL = "detail";
    public static final String EVENT_ID = "eventId";

    /** Prefix of every outbox partition key. */
    public static final String PK_PREFIX = "OUTBOX#";
    /** The sort key of every outbox item. */
    public static final String SK_VALUE = "OUTBOX";
    /**
     * Largest item the outbox accepts, in DynamoDB bytes: well under the 400 KB item limit, so
     * the notifier can still add its bookkeeping.
     */
    public static final int MAX_ITEM_BYTES = 350_000;

    private static final DateTimeFormatter CREATED_AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OutboxItems() {}

    /** The DynamoDB item for an outbox item. */
    public static Map<String, AttributeValue> toItem(OutboxItem item) {
        Map<String, AttributeValue> map = new HashMap<>();
        String createdAt = formatInstant(item.createdAt());
        map.put(PK, s(item.pk()));
        map.put(SK, s(SK_VALUE));
        map.put(ID, s(item.id()));
        map.put(KIND, s(item.kind().name()));
        map.put(STATUS, s(item.status().name()));
        map.put(ATTEMPTS, AttributeValue.fromN(Integer.toString(item.attempts())));
        map.put(CREATED_AT, s(createdAt));
        map.put(GSI1_PK, s(item.status().gsiKey(item.pk())));
        map.put(GSI1_SK, s(createdAt + "#" + item.id()));
        if (item instanceof OutboxItem.Email email) {
            putEmail(map, email.message());
        } else if (item instanceof OutboxItem.Event event) {
            map.put(SOURCE, s(event.source()));
            map.put(DETAIL_TYPE, s(event.detailType()));
            map.put(DETAIL, s(event.detail()));
            map.put(EVENT_ID, s(event.eventId()));
        }
        return Map.copyOf(map);
    }

    /**
     * Reads an outbox item back, e.g. from a stream record's NewImage or a query.
     *
     * @throws IllegalArgumentException when the item is not a well-formed outbox item
     */
    public static OutboxItem fromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("outbox item is empty");
        }
        String pk = string(item, PK);
        String id = string(item, ID);
        Instant createdAt = parseInstant(string(item, CREATED_AT));
        OutboxStatus status = enumValue(OutboxStatus.class, string(item, STATUS), STATUS);
        int attempts = number(item, ATTEMPTS);
        OutboxItem.Kind kind = enumValue(OutboxItem.Kind.class, string(item, KIND), KIND);
        return switch (kind) {
            case EMAIL -> new OutboxItem.Email(pk, id, createdAt, status, attempts, readEmail(item, id));
            case EVENT -> new OutboxItem.Event(pk, id, createdAt, status, attempts,
                    string(item, SOURCE), string(item, DETAIL_TYPE), string(item, DETAIL));
        };
    }

    /**
     * The size DynamoDB counts for an item: attribute names plus values (UTF-8 strings, binary
     * length, about one byte per two digits of a number, 3 bytes plus 1 per element for lists
     * and maps), rounded up a little where DynamoDB's exact rule is unpublished.
     */
    public static long sizeOf(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            size += utf8(entry.getKey()) + sizeOf(entry.getValue());
        }
        return size;
    }

    /** The createdAt text: UTC, millisecond precision, e.g. {@code 2025-05-14T09:30:00.000Z}. */
    public static String formatInstant(Instant instant) {
        return CREATED_AT_FORMAT.format(instant);
    }

    // ------------------------------------------------------------------ e-mail

    private static void putEmail(Map<String, AttributeValue> map, EmailMessage message) {
        map.put(FROM_ADDRESS, s(message.from().address()));
        putIfNotEmpty(map, FROM_NAME, message.from().displayName());
        map.put(TO_ADDRESS, s(message.to().address()));
        putIfNotEmpty(map, TO_NAME, message.to().displayName());
        message.replyTo().ifPresent(replyTo -> {
            map.put(REPLY_TO_ADDRESS, s(replyTo.address()));
            putIfNotEmpty(map, REPLY_TO_NAME, replyTo.displayName());
        });
        map.put(LANGUAGE, s(message.language().code()));
        map.put(SUBJECT, s(message.content().subject()));
        map.put(TEXT_BODY, s(message.content().text()));
        map.put(HTML_BODY, s(message.content().html()));
        map.put(MESSAGE_ID_SEED, s(message.messageIdSeed()));
        if (!message.attachments().isEmpty()) {
            List<AttributeValue> list = new ArrayList<>();
            for (Attachment attachment : message.attachments()) {
                list.add(AttributeValue.fromM(Map.of(
                        ATTACHMENT_NAME, s(attachment.filename()),
                        ATTACHMENT_TYPE, s(attachment.contentType()),
                        ATTACHMENT_DATA, AttributeValue.fromB(SdkBytes.fromByteArray(attachment.content())))));
            }
            map.put(ATTACHMENTS, AttributeValue.fromL(list));
        }
    }

    private static EmailMessage readEmail(Map<String, AttributeValue> item, String id) {
        EmailAddress from = new EmailAddress(string(item, FROM_ADDRESS), optionalString(item, FROM_NAME).orElse(""));
        EmailAddress to = new EmailAddress(string(item, TO_ADDRESS), optionalString(item, TO_NAME).orElse(""));
        Optional<EmailAddress> replyTo = optionalString(item, REPLY_TO_ADDRESS)
                .map(address -> new EmailAddress(address, optionalString(item, REPLY_TO_NAME).orElse("")));
        Language language = Language.tryParse(string(item, LANGUAGE))
                .orElseThrow(() -> new IllegalArgumentException("outbox item has an unknown language"));
        RenderedEmail content = new RenderedEmail(string(item, SUBJECT), string(item, TEXT_BODY), string(item, HTML_BODY));
        List<Attachment> attachments = new ArrayList<>();
        AttributeValue list = item.get(ATTACHMENTS);
        if (list != null) {
            if (!list.hasL()) {
                throw new IllegalArgumentException("outbox attribute '" + ATTACHMENTS + "' must be a list");
            }
            for (AttributeValue element : list.l()) {
                if (!element.hasM()) {
                    throw new IllegalArgumentException("outbox attachment must be a map");
                }
                Map<String, AttributeValue> m = element.m();
                AttributeValue data = m.get(ATTACHMENT_DATA);
                if (data == null || data.b() == null) {
                    throw new IllegalArgumentException("outbox attachment has no binary '" + ATTACHMENT_DATA + "'");
                }
                attachments.add(new Attachment(string(m, ATTACHMENT_NAME), string(m, ATTACHMENT_TYPE),
                        data.b().asByteArray()));
            }
        }
        return new EmailMessage(from, to, replyTo, language, content, attachments, string(item, MESSAGE_ID_SEED));
    }

    // ------------------------------------------------------------------ helpers

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putIfNotEmpty(Map<String, AttributeValue> map, String name, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(name, s(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name)
                .orElseThrow(() -> new IllegalArgumentException("outbox item lacks string attribute '" + name + "'"));
    }

    private static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || (value.nul() != null && value.nul())) {
            return Optional.empty();
        }
        if (value.s() == null) {
            throw new IllegalArgumentException("outbox attribute '" + name + "' must be a string");
        }
        return Optional.of(value.s());
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("outbox item lacks number attribute '" + name + "'");
        }
        try {
            return Integer.parseInt(value.n());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("outbox attribute '" + name + "' must be a whole number");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outbox attribute '" + name + "' has an unknown value");
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("outbox attribute '" + CREATED_AT + "' is not an ISO instant");
        }
    }

    private static long sizeOf(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            long digits = value.n().chars().filter(Character::isDigit).count();
            return (digits + 1) / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteBuffer().remaining();
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        long size = 3;
        if (value.hasL()) {
            for (AttributeValue element : value.l()) {
                size += 1 + sizeOf(element);
            }
        } else if (value.hasM()) {
            for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                size += 1 + utf8(entry.getKey()) + sizeOf(entry.getValue());
            }
        } else if (value.hasSs()) {
            for (String element : value.ss()) {
                size += utf8(element);
            }
        } else if (value.hasNs()) {
            for (String element : value.ns()) {
                size += element.length();
            }
        } else if (value.hasBs()) {
            for (SdkBytes element : value.bs()) {
                size += element.asByteBuffer().remaining();
            }
        }
        return size;
    }

    private static long utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
