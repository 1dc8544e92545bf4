package nl.spil.platform.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.text.NameMatcher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Read-only view of the directory for the other functions (their policies grant read access
 * to the directory table only): who a person is and which language they read, and a site's
 * time zone and hours. Each lookup is one GetItem; the item layout is the directory's
 * (docs/architecture.md, DirectoryTable). {@link #findPeople} is the typo-tolerant name search
 * every function shares (recipients of post, hosts of walk-in visitors).
 */
public final class DirectoryReader {

    private static final int MAX_BATCH = 100;
    private static final int MAX_PREPARED = 50_000;
    private static final Map<String, NameMatcher.PreparedName> PREPARED = new ConcurrentHashMap<>();
    private final DynamoDbClient dynamo;
    private final String table;

    public DirectoryReader(DynamoDbClient dynamo, String directoryTable) {
        this.dynamo = dynamo;
        this.table = directoryTable;
    }

    /** A person as notifications need them. */
    public record PersonCard(String personId, String name, String email, Language language, Optional<String> siteId,
                             Optional<String> costCentre, List<String> roles) {
    }

    /** A site as schedules and bookings need it. */
    public record SiteCard(String siteId, String name, ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

        public boolean isWorkingDay(DayOfWeek day) {
            return days.contains(day);
        }
    }

    public Optional<PersonCard> personByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return get("EMAIL#" + email.trim().toLowerCase(Locale.ROOT), "EMAIL").map(DirectoryReader::person);
    }

    public Optional<PersonCard> personById(String personId) {
        return get("PERSON#" + personId, "PERSON").map(DirectoryReader::person);
    }

    public Optional<SiteCard> site(String siteId) {
        return get("SITE#" + siteId, "SITE").map(DirectoryReader::site);
    }

    /** Every site (a handful per organisation): one Query per 100. */
    public List<SiteCard> sites() {
        List<SiteCard> out = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", Attrs.s("SITES")))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(site(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** People of a site with a role (for example the office managers to remind); reads the PEOPLE index. */
    public List<PersonCard> peopleWithRole(String siteId, String role) {
        List<PersonCard> out = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .filterExpression("contains(#roles, :role) AND (attribute_not_exists(siteId) OR siteId = :site)")
                    .expressionAttributeNames(Map.of("#roles", "roles"))
                    .expressionAttributeValues(Map.of(":p", Attrs.s("PEOPLE"), ":role", Attrs.s(role), ":site", Attrs.s(siteId)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(person(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * People of any site with at least one of the roles (for example the office managers and
     * management an organisation-wide alert goes to); reads the PEOPLE index, one Query per page.
     */
    public List<PersonCard> peopleWithAnyRole(List<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":p", Attrs.s("PEOPLE"));
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            values.put(":r" + i, Attrs.s(roles.get(i)));
            filter.append(i == 0 ? "" : " OR ").append("contains(#roles, :r").append(i).append(')');
        }
        List<PersonCard> out = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .filterExpression(filter.toString())
                    .expressionAttributeNames(Map.of("#roles", "roles"))
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(person(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Every person's name, site and department as the name index keeps them: 1 Query (one page
     * up to about 12,000 people; see {@link NameIndex}).
     */
    public List<NameIndex.Entry> nameIndex() {
        List<NameIndex.Entry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", Attrs.s(NameIndex.PK)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.addAll(NameIndex.read(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Directory people whose names fit what a label says or a person typed, best first (see
     * {@link NameMatcher}): 1 Query of the name index and, when anyone matches, 1 BatchGetItem.
     */
    public List<PersonCard> findPeople(String typed, int limit) {
        NameMatcher matcher = NameMatcher.of(typed);
        if (matcher.isBlank()) {
            return List.of();
        }
        List<NameIndex.Entry> best = matcher.best(nameIndex(), e -> prepared(e.name()), Math.min(limit, MAX_BATCH));
        return people(best.stream().map(NameIndex.Entry::personId).toList());
    }

    /** A name as the matcher compares it, kept between searches of a warm function (names change rarely). */
    public static NameMatcher.PreparedName prepared(String name) {
        if (PREPARED.size() > MAX_PREPARED) {
            PREPARED.clear();
        }
        return PREPARED.computeIfAbsent(name, NameMatcher::prepare);
    }

    /** These people's cards in the order asked, those no longer in the directory left out: 1 BatchGetItem per 100. */
    public List<PersonCard> people(List<String> personIds) {
        Map<String, PersonCard> found = new HashMap<>();
        List<String> distinct = personIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + MAX_BATCH))
                    .stream().map(id -> Attrs.key("PERSON#" + id, "PERSON")).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                BatchGetItemResponse answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                answer.responses().getOrDefault(table, List.of()).forEach(i -> found.put(Attrs.str(i, "personId"), person(i)));
                request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return personIds.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Attrs.key(pk, sk)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static PersonCard person(Map<String, AttributeValue> item) {
        return new PersonCard(Attrs.str(item, "personId"), Attrs.str(item, "name"), Attrs.str(item, "email"),
                Language.tryParse(Attrs.str(item, "language")).orElse(Language.NL), Attrs.optStr(item, "siteId"),
                Attrs.optStr(item, "costCentre"), Attrs.strList(item, "roles"));
    }

    private static SiteCard site(Map<String, AttributeValue> item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Attrs.strList(item, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new SiteCard(Attrs.str(item, "siteId"), Attrs.str(item, "name"), ZoneId.of(Attrs.str(item, "zone")),
                LocalTime.parse(Attrs.str(item, "opens")), LocalTime.parse(Attrs.str(item, "closes")), days);
    }
}
