package nl.spil.platform.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.spil.platform.directory.DirectoryLayout.PersonEntry;
import nl.spil.platform.directory.DirectoryLayout.SiteEntry;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Read-only view of the directory for the other functions (their policies grant read access
 * to the directory table only): who a person is and which language they read, and a site's
 * time zone and hours. Each lookup is one GetItem; the item layout is {@link DirectoryLayout}.
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

    /** A site as schedules, bookings and purchase orders need it. */
    public record SiteCard(String siteId, String name, ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days,
                           Optional<String> costCentre) {

        public boolean isWorkingDay(DayOfWeek day) {
            return days.contains(day);
        }
    }

    public Optional<PersonCard> personByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return get(DirectoryLayout.emailKey(email)).map(DirectoryReader::person);
    }

    public Optional<PersonCard> personById(String personId) {
        return get(DirectoryLayout.personKey(personId)).map(DirectoryReader::person);
    }

    public Optional<SiteCard> site(String siteId) {
        return get(DirectoryLayout.siteKey(siteId)).map(DirectoryReader::site);
    }

    /** Every site (a handful per organisation): one Query per 1 MB page. */
    public List<SiteCard> sites() {
        List<SiteCard> out = new ArrayList<>();
        queryIndex(DirectoryLayout.SITES, item -> out.add(site(item)));
        return out;
    }

    /**
     * People with a role at a site, and those with the role who belong to no site (they serve
     * every site), by name. Reads the sparse role index: two Queries that return those people
     * and nobody else, however large the directory.
     *
     * @param role a group name (staff, reception, office-manager, management); another is nobody
     */
    public List<PersonCard> peopleWithRole(String siteId, String role) {
        Optional<Role> known = Role.fromGroup(role);
        if (known.isEmpty()) {
            return List.of();
        }
        List<PersonCard> out = new ArrayList<>();
        queryIndex(DirectoryLayout.roleIndexKey(known.get(), siteId), item -> out.add(person(item)));
        queryIndex(DirectoryLayout.roleIndexKey(known.get(), DirectoryLayout.EVERY_SITE), item -> out.add(person(item)));
        return out;
    }

    private void queryIndex(String partition, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(DirectoryLayout.INDEX)
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", Attrs.s(partition)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static PersonCard person(Map<String, AttributeValue> item) {
        PersonEntry p = DirectoryLayout.person(item);
        return new PersonCard(p.personId(), p.name(), p.email(), p.language(), p.siteId(), p.costCentre(),
                DirectoryLayout.groups(p.roles()));
    }

    private static SiteCard site(Map<String, AttributeValue> item) {
        SiteEntry s = DirectoryLayout.site(item);
        return new SiteCard(s.siteId(), s.name(), s.zone(), s.opens(), s.closes(), s.days(), s.costCentre());
    }
}
