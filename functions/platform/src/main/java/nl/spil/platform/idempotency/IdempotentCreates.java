package nl.spil.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.problem.Gone;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Creates that a client may safely retry. The idempotency record is written in the SAME
 * transaction as the thing created (and its outbox items), with a condition that it does not
 * exist yet: of many identical requests racing, exactly one transaction commits; every other
 * one reads the record and answers for the same thing (another body: 422).
 *
 * <p>The record keeps only what identifies the answer: the fingerprint, the status, the created
 * thing's id and location. Never the answer's body, which may hold personal data or a secret
 * shown once (a feed's token): a replay reads the thing again and answers as it is now, and a
 * thing deleted since answers 410. A fresh create costs one request; a replay two plus the
 * re-read. Records expire through the table's TTL after 24 hours.
 */
public final class IdempotentCreates {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public IdempotentCreates(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * The answer to a create: status, JSON body and the new thing's location; {@code replayed}
     * when it answers a retry and nothing was created now (so no outcome is counted again).
     */
    public record Response(int status, String body, String location, boolean replayed) {

        public Response(int status, String body, String location) {
            this(status, body, location, false);
        }
    }

    /**
     * What a create writes (all conditional writes of the business change), answers, and the id
     * a replay reads the created thing by (a module's own form when one request creates several).
     */
    public record Plan(List<TransactWriteItem> writes, Response response, String createdId) {
    }

    /**
     * Runs {@code plan} once per (caller, scope, key).
     *
     * @param request    the caller, the Idempotency-Key header (or null for a plain create) and
     *                   what identifies the request's meaning (method, path, body)
     * @param onConflict maps a cancelled transaction whose own conditions failed to the
     *                   domain's problem (for example the conflicting booking); indices are
     *                   those of {@code plan.writes()}
     * @param reread     on a replay: the created thing's answer as it is now, by
     *                   {@code plan.createdId()}; empty when it was deleted since (410)
     */
    public Response create(CreateRequest request, String scope, Plan plan,
                           Function<Cancellation, ProblemException> onConflict,
                           Function<String, Optional<Response>> reread) {
        String key = request.idempotencyKey();
        String callerId = request.callerId();
        if (key == null) {
            write(plan.writes(), onConflict, -1);
            return plan.response();
        }
        checkKey(key);
        Map<String, AttributeValue> recordKey = recordKey(callerId, scope, key);
        String hash = sha256(request.fingerprint());
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> record = new HashMap<>(recordKey);
        record.put("kind", Attrs.s("IDEMPOTENCY"));
        record.put("fingerprint", Attrs.s(hash));
        record.put("status", Attrs.n(plan.response().status()));
        record.put("createdId", Attrs.s(plan.createdId()));
        if (plan.response().location() != null) {
            record.put("location", Attrs.s(plan.response().location()));
        }
        record.put("expiresAt", Attrs.n(now + RETENTION.toSeconds()));
        TransactWriteItem recordPut = TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(record)
                // An expired record that TTL has not removed yet no longer protects the key.
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", Attrs.n(now)))
                .build()).build();
        List<TransactWriteItem> writes = new ArrayList<>(plan.writes().size() + 1);
        writes.add(recordPut);
        writes.addAll(plan.writes());
        try {
            write(writes, onConflict, 0);
            return plan.response();
        } catch (KeyAlreadyUsed used) {
            return replay(recordKey, hash, reread);
        }
    }

    private void write(List<TransactWriteItem> writes, Function<Cancellation, ProblemException> onConflict,
                       int recordIndex) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                if (recordIndex >= 0 && Transactions.conditionFailed(e, recordIndex)) {
                    throw new KeyAlreadyUsed();
                }
                if (Transactions.transactionConflict(e) && attempt < 4) {
                    sleepBriefly(attempt);
                    continue;
                }
                if (Transactions.onlyConditionsFailed(e)) {
                    throw onConflict.apply(new Cancellation(e, recordIndex + 1));
                }
                throw e;
            }
        }
    }

    private Response replay(Map<String, AttributeValue> recordKey, String hash,
                            Function<String, Optional<Response>> reread) {
        Map<String, AttributeValue> stored = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(recordKey).consistentRead(true).build()).item();
        if (stored == null || stored.isEmpty()) {
            // Only possible if the record expired between our write and this read.
            throw ProblemException.conflict("idempotency-retry", "Please retry",
                    "the earlier request with this Idempotency-Key has just expired; send the request again");
        }
        if (!hash.equals(Attrs.str(stored, "fingerprint"))) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key already used",
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        Response now = reread.apply(Attrs.str(stored, "createdId")).orElseThrow(Gone::createdThenDeleted);
        return new Response((int) Attrs.num(stored, "status"), now.body(),
                Attrs.optStr(stored, "location").orElse(null), true);
    }

    private static Map<String, AttributeValue> recordKey(String callerId, String scope, String key) {
        return Attrs.key("IDEMPOTENCY#" + sha256(scope + "\u0000" + callerId + "\u0000" + key), "IDEMPOTENCY");
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw ProblemException.badRequest("Idempotency-Key", "must be printable ASCII without spaces");
            }
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * attempt) + 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }
}
