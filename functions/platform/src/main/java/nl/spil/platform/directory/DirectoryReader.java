package nl.spil.platform.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Read-only view of the directory for the other functions (their policies grant read access
 * to the directory table only): who a person is and which language they read, and a site's
 * time zone and hours. Each lookup is one GetItem; the item layout is the directory's
 * (docs/architecture.md, DirectoryTable).
 */
public final class DirectoryReader {

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
