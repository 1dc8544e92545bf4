package nl.spil.platform.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import nl.spil.platform.directory.DirectoryLayout.PersonEntry;
import nl.spil.platform.directory.DirectoryLayout.SiteEntry;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.text.NameMatcher;
import nl.spil.platform.text.PreparedName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Read-only view of the directory for the other functions (their policies grant read access
 * to the directory table only): who a person is and which language they read, and a site's
 * time zone and hours. Each lookup is one GetItem; the item layout is {@link DirectoryLayout}
 * (and {@link NameIndex}). {@link #findPeople} is the typo-tolerant name search every function
 * shares (recipients of post, hosts of walk-in visitors).
 */
public final class DirectoryReader {

    private static final int MAX_BATCH = 100;
    private static final int MAX_PREPARED = 50_000;
    private static final Map<String, PreparedName> PREPARED = new ConcurrentHashMap<>();
    private final DynamoDbClient dynamo;
    private final String table;

    public DirectoryReader(DynamoDbClient dynamo, String directoryTable) {
        this.dynamo = dynamo;
        this.table = directoryTable;
    }

    /**
     * A person as notifications need them. {@code mailUndeliverable} is present while mail to their
     * address bounces or was reported as spam: a sender skips them ({@link #mailable()}).
     */
    public record PersonCard(String personId, String name, String email, Language language, Optional<String> siteId,
                             Optional<String> costCentre, List<String> roles, Optional<MailUndeliverable> mailUndeliverable) {

        public PersonCard {
            mailUndeliverable = mailUndeliverable == null ? Optional.empty() : mailUndeliverable;
        }

        /** A card made by hand (a name to show, not someone to mail as the directory knows them). */
        public PersonCard(String personId, String name, String email, Language language, Optional<String> siteId,
                          Optional<String> costCentre, List<String> roles) {
            this(personId, name, email, language, siteId, costCentre, roles, Optional.empty());
        }

        /** Whether mail to this person's address may reach them. */
        public boolean mailable() {
            return mailUndeliverable.isEmpty() && !email.isBlank();
        }
    }

    /** A site as schedules, bookings and purchase orders need it. */
    public record SiteCard(String siteId, String name, ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days,
                           Optional<String> costCentre) {

        public boolean isWorkingDay(DayOfWeek day) {
            return days.contains(day);
        }
    }

    /** A person's home address (for forwarding post), when the directory has one. */
    public record HomeAddress(String line1, Optional<String> line2, String postalCode, String city, String country) {
    }

    /** Sites and people looked up together. */
    public record Cards(Map<String, SiteCard> sites, Map<String, PersonCard> people) {
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

    /** A person's home address: 1 GetItem. Only for a use that needs it (forwarding post to them). */
    public Optional<HomeAddress> homeAddress(String personId) {
        return get(DirectoryLayout.personKey(personId)).flatMap(item -> Optional.ofNullable(item.get("homeAddress")))
                .filter(AttributeValue::hasM).map(AttributeValue::m)
                .map(m -> new HomeAddress(Attrs.str(m, "line1"), Attrs.optStr(m, "line2"), Attrs.str(m, "postalCode"),
                        Attrs.str(m, "city"), Attrs.str(m, "country")));
    }

    /** Sites and people by id, in one BatchGetItem (at most 100 in all); those not found are left out. */
    public Cards cards(Collection<String> siteIds, Collection<String> personIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        new LinkedHashSet<>(siteIds).forEach(id -> keys.add(DirectoryLayout.siteKey(id)));
        new LinkedHashSet<>(personIds).forEach(id -> keys.add(DirectoryLayout.personKey(id)));
        if (keys.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " sites and people at once");
        }
        Map<String, SiteCard> sites = new HashMap<>();
        Map<String, PersonCard> people = new HashMap<>();
        Map<String, KeysAndAttributes> request = keys.isEmpty() ? Map.of()
                : Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        while (!request.isEmpty()) {
            BatchGetItemResponse answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
            for (Map<String, AttributeValue> item : answer.responses().getOrDefault(table, List.of())) {
                if (Attrs.str(item, "pk").startsWith("SITE#")) {
                    SiteCard site = site(item);
                    sites.put(site.siteId(), site);
                } else {
                    PersonCard person = person(item);
                    people.put(person.personId(), person);
                }
            }
            request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
        }
        return new Cards(sites, people);
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

    /**
     * People of any site with at least one of the roles (for example the office managers and
     * management an organisation-wide alert goes to); reads the PEOPLE index, one Query per page.
     */
    public List<PersonCard> peopleWithAnyRole(List<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", Attrs.s("PEOPLE"));
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            values.put(":r" + i, Attrs.s(roles.get(i)));
            filter.append(i == 0 ? "" : " OR ").append("contains(#roles, :r").append(i).append(')');
        }
        List<PersonCard> out = new ArrayList<>();
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
    public static PreparedName prepared(String name) {
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
                    .stream().map(DirectoryLayout::personKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                BatchGetItemResponse answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                answer.responses().getOrDefault(table, List.of()).forEach(i -> found.put(Attrs.str(i, "personId"), person(i)));
                request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return personIds.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
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
                DirectoryLayout.groups(p.roles()), p.mailUndeliverable());
    }

    private static SiteCard site(Map<String, AttributeValue> item) {
        SiteEntry s = DirectoryLayout.site(item);
        return new SiteCard(s.siteId(), s.name(), s.zone(), s.opens(), s.closes(), s.days(), s.costCentre());
    }
}
