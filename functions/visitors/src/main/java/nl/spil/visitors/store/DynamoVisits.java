package nl.spil.visitors.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.ItemReads;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.visitors.app.OutgoingMail;
import nl.spil.visitors.app.Visits;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;
import nl.spil.visitors.domain.WrongCodes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Visits in the VisitorsTable (docs/architecture.md lists every item, index and request count). */
@Singleton
public class DynamoVisits implements Visits {

    /** Items of one transaction, the platform's idempotency record aside. */
    static final int MAX_WRITES = 99;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final Cursors cursors;

    public DynamoVisits(DynamoDbClient dynamo, Settings settings, Outbox outbox, IdempotentCreates creates, Cursors cursors) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.outbox = outbox;
        this.creates = creates;
        this.cursors = cursors;
    }

    @Override
    public Optional<Visit> byId(String id) {
        return ItemReads.get(dynamo, table, VisitItems.key(id)).map(VisitItems::fromItem);
    }

    @Override
    public List<Visit> byIds(List<String> ids) {
        return ItemReads.byIds(dynamo, table, ids, VisitItems::key, VisitItems::fromItem);
    }

    // ------------------------------------------------------------------ codes

    @Override
    public CodeLookup lookUp(String siteId, String code, Instant now) {
        LocalDate utc = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int d = -1; d <= 1; d++) { // the site's local day is one of these, whatever its zone
            keys.add(CodeItems.key(siteId, utc.plusDays(d)));
        }
        keys.add(CodeItems.wrongKey(siteId));
        List<String> ids = new ArrayList<>();
        WrongCodes wrong = WrongCodes.none();
        for (Map<String, AttributeValue> item : ItemReads.batchGet(dynamo, table, keys, "pk, #c, windowStart, #n",
                Map.of("#c", "c_" + code, "#n", "count"))) {
            if (Attrs.str(item, "pk").startsWith("WRONGCODES#")) {
                wrong = new WrongCodes(Instant.ofEpochMilli(Attrs.num(item, "windowStart")), (int) Attrs.num(item, "count"));
            } else {
                Attrs.optStr(item, "c_" + code).ifPresent(ids::add);
            }
        }
        return new CodeLookup(ids, wrong);
    }

    @Override
    public boolean countWrongCode(String siteId, WrongCodes before, WrongCodes after) {
        Map<String, AttributeValue> item = new HashMap<>(CodeItems.wrongKey(siteId));
        item.put("windowStart", Attrs.n(after.windowStart().toEpochMilli()));
        item.put("count", Attrs.n(after.count()));
        item.put("expiresAt", Attrs.n(after.windowStart().plus(WrongCodes.WINDOW).getEpochSecond() + 86_400));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#n = :n AND windowStart = :w)")
                    .expressionAttributeNames(Map.of("#n", "count"))
                    .expressionAttributeValues(Map.of(":n", Attrs.n(before.count()), ":w", Attrs.n(before.windowStart().toEpochMilli())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ writes

    @Override
    public Response register(List<Visit> visits, List<OutgoingMail> mails, CreateRequest request, Response answer,
                             Function<String, Optional<Response>> reread) {
        List<TransactWriteItem> writes = new ArrayList<>();
        visits.forEach(v -> writes.add(put(v, "attribute_not_exists(pk)", Map.of())));
        int codesAt = writes.size();
        List<TransactWriteItem> codes = CodeItems.take(table, visits);
        writes.addAll(codes);
        Map<String, Integer> perDay = new LinkedHashMap<>();
        visits.forEach(v -> perDay.merge(v.siteId() + "|" + v.day(), 1, Integer::sum));
        perDay.forEach((k, n) -> writes.add(StatsItems.registered(table, k.substring(0, k.indexOf('|')),
                LocalDate.parse(k.substring(k.indexOf('|') + 1)), n)));
        List<OutgoingMail> later = new ArrayList<>();
        for (OutgoingMail mail : mails) {
            if (writes.size() < MAX_WRITES) {
                writes.add(outbox.email(mail.message(), mail.dedupeKey()));
            } else {
                later.add(mail); // a group too big for one transaction: its last invitations right after it
            }
        }
        String ids = String.join(",", visits.stream().map(Visit::id).toList());
        Response response = creates.create(request, "visitors:register", new IdempotentCreates.Plan(writes, answer, ids),
                cancelled -> codeTaken(cancelled, codesAt, codes.size()) ? new ConcurrentChange() : new ConcurrentChange(),
                reread);
        if (!later.isEmpty() && response == answer) {
            enqueue(later);
        }
        return response;
    }

    private static boolean codeTaken(Cancellation cancelled, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (cancelled.conditionFailed(i)) {
                return true;
            }
        }
        return false;
    }

    private void enqueue(List<OutgoingMail> mails) {
        for (int from = 0; from < mails.size(); from += 100) {
            List<TransactWriteItem> puts = mails.subList(from, Math.min(mails.size(), from + 100)).stream()
                    .map(m -> outbox.email(m.message(), m.dedupeKey())).toList();
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(puts).build());
        }
    }

    @Override
    public CheckIn checkIn(Visit before, Visit after, boolean guardBlockList, List<OutgoingMail> mails) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(after, "version = :v", Map.of(":v", Attrs.n(before.version()))));
        int accepted = after.acceptance().orElseThrow().version();
        writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(SiteItems.rulesKey(after.siteId()))
                .conditionExpression(accepted == 0 ? "attribute_not_exists(pk)" : "version = :v")
                .expressionAttributeValues(accepted == 0 ? null : Map.of(":v", Attrs.n(accepted))).build()).build());
        int markersFrom = writes.size();
        if (guardBlockList) {
            for (Map<String, AttributeValue> marker : SiteItems.markerKeys(List.of(after.visitor()))) {
                writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(marker)
                        .conditionExpression("attribute_not_exists(entries)").build()).build());
            }
        }
        int markersTo = writes.size();
        writes.add(StatsItems.arrived(table, after));
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
            return CheckIn.DONE;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return CheckIn.CHANGED;
            }
            if (Transactions.conditionFailed(e, 1)) {
                return CheckIn.RULES_NOT_CURRENT;
            }
            for (int i = markersFrom; i < markersTo; i++) {
                if (Transactions.conditionFailed(e, i)) {
                    return CheckIn.BLOCK_MARKED;
                }
            }
            if (Transactions.onlyConditionsFailed(e) || Transactions.transactionConflict(e)) {
                return CheckIn.CHANGED;
            }
            throw e;
        }
    }

    @Override
    public boolean save(Visit before, Visit after, List<OutgoingMail> mails) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(after, "version = :v", Map.of(":v", Attrs.n(before.version()))));
        if (!before.day().equals(after.day()) || !before.code().equals(after.code())) {
            writes.add(CodeItems.release(table, before));
            writes.addAll(CodeItems.take(table, List.of(after)));
        }
        if (before.status() == VisitStatus.CHECKED_IN && after.status() == VisitStatus.CHECKED_OUT) {
            writes.add(StatsItems.checkedOut(table, after, after.minutesOnSite().orElse(0L)));
        }
        if (before.status() != VisitStatus.CANCELLED && after.status() == VisitStatus.CANCELLED) {
            writes.add(StatsItems.cancelled(table, after));
        }
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e) || Transactions.transactionConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private TransactWriteItem put(Visit v, String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(VisitItems.toItem(v))
                .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values).build()).build();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Page<Visit> ofDay(String siteId, LocalDate day, Optional<String> foldedPrefix, Optional<String> hostEmail,
                             PageRequest page) {
        String scope = "visits-day:" + siteId + ":" + day + ":" + foldedPrefix.orElse("") + ":" + hostEmail.orElse("");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", Attrs.s(VisitItems.dayPk(siteId, day)));
        List<String> filters = new ArrayList<>();
        if (foldedPrefix.isPresent()) { // "muller" and "jur mul" find "Jürgen Müller": every word starts a word of the name
            String[] words = foldedPrefix.get().split(" ");
            for (int w = 0; w < words.length && w < 5; w++) {
                filters.add("contains(searchName, :w" + w + ")");
                values.put(":w" + w, Attrs.s(" " + words[w]));
            }
        }
        if (hostEmail.isPresent()) {
            filters.add("hostEmail = :host");
            values.put(":host", Attrs.s(hostEmail.get().toLowerCase(Locale.ROOT)));
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(VisitItems.BY_DAY)
                .keyConditionExpression("gsi2pk = :p").limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()));
        if (!filters.isEmpty()) {
            q.filterExpression(String.join(" AND ", filters));
        }
        var result = dynamo.query(q.expressionAttributeValues(values).build());
        return new Page<>(result.items().stream().map(VisitItems::fromItem).toList(),
                result.hasLastEvaluatedKey() ? cursors.encode(scope, result.lastEvaluatedKey()) : null);
    }

    @Override
    public List<Visit> onSite(String siteId) {
        return queryAll(VisitItems.ON_SITE, "gsi1pk = :p", Map.of(":p", Attrs.s(VisitItems.onSitePk(siteId))), null, null);
    }

    @Override
    public List<Visit> onSiteThrough(String siteId, LocalDate day) {
        return queryAll(VisitItems.ON_SITE, "gsi1pk = :p AND gsi1sk < :next",
                Map.of(":p", Attrs.s(VisitItems.onSitePk(siteId)), ":next", Attrs.s(day.plusDays(1).toString())), null, null);
    }

    @Override
    public List<Visit> needingReview(String siteId) {
        return queryAll(VisitItems.HELD, "gsi1pk = :p", Map.of(":p", Attrs.s(VisitItems.reviewPk(siteId))), null, null);
    }

    @Override
    public List<Visit> upcomingOfHost(String personId, Instant from) {
        return queryAll(VisitItems.BY_HOST, "gsi3pk = :p AND gsi3sk >= :from",
                Map.of(":p", Attrs.s(VisitItems.hostPk(personId)), ":from", Attrs.s(from.toString())), null, null);
    }

    @Override
    public List<Visit> ofVisitorEmail(String email) {
        return queryAll(VisitItems.BY_VISITOR, "gsi4pk = :p", Map.of(":p", Attrs.s(VisitItems.visitorPk(email))), null, null);
    }

    @Override
    public List<Visit> expired(Instant now) {
        List<Visit> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int d = 13; d >= 0; d--) { // TTL lags by days at most; a daily purge looks two weeks back
            out.addAll(queryAll(VisitItems.BY_EXPIRY, "gsi5pk = :p", Map.of(":p", Attrs.s(VisitItems.expiryPk(today.minusDays(d))),
                    ":now", Attrs.n(now.getEpochSecond())), "expiresAt < :now", null));
        }
        return out;
    }

    @Override
    public int erase(Visit visit) {
        int removed = 0;
        for (String key : visit.mailKeys()) {
            var old = dynamo.deleteItem(DeleteItemRequest.builder().tableName(outbox.tableName())
                    .key(Attrs.key(Outbox.pkForDedupeKey(key), "OUTBOX")).returnValues(ReturnValue.ALL_OLD).build());
            if (old.hasAttributes() && !old.attributes().isEmpty()) {
                removed++;
            }
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(CodeItems.key(visit.siteId(), visit.day())).updateExpression("REMOVE #c")
                    .conditionExpression("#c = :id").expressionAttributeNames(Map.of("#c", "c_" + visit.code().value()))
                    .expressionAttributeValues(Map.of(":id", Attrs.s(visit.id()))));
        } catch (ConditionalCheckFailedException gone) {
            // the day's codes expired already
        }
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(VisitItems.key(visit.id())).build());
        return removed;
    }

    private List<Visit> queryAll(String index, String keyCondition, Map<String, AttributeValue> values, String filter,
                                 Map<String, String> names) {
        List<Visit> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression(keyCondition).filterExpression(filter).expressionAttributeNames(names)
                    .expressionAttributeValues(values).exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(VisitItems.fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

}
