package nl.spil.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.spil.platform.mail.EmailMessage;

/**
 * One notification waiting in (or delivered from) the outbox table: an {@link Email} to send
 * through SES or a domain {@link Event} to put on EventBridge.
 *
 * <p>{@link OutboxItems#toItem} and {@link OutboxItems#fromItem} convert to and from the
 * DynamoDB item exactly; {@link Outbox} makes new ones.
 */
public sealed interface OutboxItem permits OutboxItem.Email, OutboxItem.Event {

    /** What the item carries; stored as the {@code kind} attribute. */
    enum Kind { EMAIL, EVENT }

    /** Partition key, {@code OUTBOX#…}. */
    String pk();

    /** The item's own id (also the event id of an event). */
    String id();

    /** When it was enqueued, to the millisecond. */
    Instant createdAt();

    OutboxStatus status();

    /** Delivery attempts made so far. */
    int attempts();

    Kind kind();

    /** An e-mail to send. */
    record Email(String pk, String id, Instant createdAt, OutboxStatus status, int attempts, EmailMessage message)
            implements OutboxItem {
        public Email {
            pk = checkPk(pk);
            id = checkId(id);
            createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
            Objects.requireNonNull(status, "status");
            checkAttempts(attempts);
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.EMAIL;
        }
    }

    /**
     * A domain event for EventBridge.
     *
     * @param source     e.g. {@code spil.stock}
     * @param detailType e.g. {@code PurchaseOrderReceived}
     * @param detail     the event detail, a JSON object
     */
    record Event(String pk, String id, Instant createdAt, OutboxStatus status, int attempts, String source,
            String detailType, String detail) implements OutboxItem {
        public Event {
            pk = checkPk(pk);
            id = checkId(id);
            createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
            Objects.requireNonNull(status, "status");
            checkAttempts(attempts);
            Events.checkSource(source);
            Events.checkDetailType(detailType);
            Events.checkDetail(detail);
            Events.checkEntrySize(source, detailType, detail);
        }

        /** The id consumers deduplicate on; the same as {@link #id()}. */
        public String eventId() {
            return id;
        }

        @Override
        public Kind kind() {
            return Kind.EVENT;
        }
    }

    private static String checkPk(String pk) {
        if (pk == null || !pk.startsWith(OutboxItems.PK_PREFIX) || pk.length() == OutboxItems.PK_PREFIX.length()) {
            throw new IllegalArgumentException("outbox pk must look like " + OutboxItems.PK_PREFIX + "<key>");
        }
        return pk;
    }

    /** Ids are 1–128 printable ASCII characters without spaces or '#'. */
    private static String checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("outbox id must be 1 to 128 characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                throw new IllegalArgumentException("outbox id must be printable ASCII without spaces or '#'");
            }
        }
        return id;
    }

    private static void checkAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }
}
