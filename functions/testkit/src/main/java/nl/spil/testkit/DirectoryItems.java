package nl.spil.testkit;

import static nl.spil.platform.dynamo.Attrs.s;


import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.directory.DirectoryLayout.PersonEntry;
import nl.spil.platform.directory.DirectoryLayout.PersonItems;
import nl.spil.platform.directory.DirectoryLayout.SiteEntry;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Sites and people written straight into the DirectoryTable in the directory's own item layout
 * ({@link DirectoryLayout}, the one the directory writes and DirectoryReader reads), for the tests
 * of functions that read the directory through the platform's DirectoryReader. The directory
 * module's tests check that its API reads these items as its own.
 */
public final class DirectoryItems {

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Instant WRITTEN_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final LocalAws aws;

    public DirectoryItems(LocalAws aws) {
        this.aws = aws;
    }

    /** A site open 08:00–18:00 on {@code days} in {@code zone}; answers its id. */
    public String site(String name, String zone, Set<DayOfWeek> days) {
        String id = newId();
        put(List.of(DirectoryLayout.siteItem(new SiteEntry(id, name, ZoneId.of(zone), LocalTime.of(8, 0),
                LocalTime.of(18, 0), days, Optional.empty(), 1, WRITTEN_AT, WRITTEN_AT))));
        return id;
    }

    /**
     * A person kept as the directory keeps one: by id (on the PEOPLE index), by e-mail, one item per
     * role and in the name index.
     */
    public String person(String name, String email, String language, String siteId, List<String> roles) {
        return person(name, email, language, siteId, roles, null);
    }

    /** The same, in a department (cost centre). */
    public String person(String name, String email, String language, String siteId, List<String> roles,
                         String costCentre) {
        String id = newId();
        Set<Role> known = EnumSet.noneOf(Role.class);
        roles.forEach(g -> known.add(Role.fromGroup(g)
                .orElseThrow(() -> new IllegalArgumentException("not a role: " + g))));
        PersonItems items = DirectoryLayout.personItems(new PersonEntry(id, name, email,
                Language.tryParse(language).orElseThrow(), Optional.ofNullable(siteId), Optional.ofNullable(costCentre),
                known, Optional.empty(), 1, WRITTEN_AT, WRITTEN_AT), Map.of());
        List<Map<String, AttributeValue>> all = new ArrayList<>(List.of(items.byId(), items.byEmail()));
        all.addAll(items.byRole().values());
        List<TransactWriteItem> writes = new ArrayList<>(puts(all));
        writes.add(NameIndex.put(table(), new NameIndex.Entry(id, name, Optional.ofNullable(siteId),
                Optional.ofNullable(costCentre))));
        aws.dynamoDb().transactWriteItems(r -> r.transactItems(writes));
        return id;
    }

    /** Gives a person a home address (on their items by id and by e-mail), as the directory keeps it. */
    public void homeAddress(String personId, String email, String line1, String postalCode, String city, String country) {
        AttributeValue address = AttributeValue.fromM(Map.of("line1", s(line1), "postalCode", s(postalCode), "city", s(city),
                "country", s(country)));
        for (Map<String, AttributeValue> key : List.of(DirectoryLayout.personKey(personId), DirectoryLayout.emailKey(email))) {
            aws.dynamoDb().updateItem(b -> b.tableName(table()).key(key)
                    .updateExpression("SET homeAddress = :a").expressionAttributeValues(Map.of(":a", address)));
        }
    }

    /** Marks a person's address as one mail does not reach (on their items by id and by e-mail), as the directory does on a bounce. */
    public void markUndeliverable(String personId, String email, MailUndeliverable undeliverable) {
        AttributeValue mark = AttributeValue.fromM(Map.of("reason", s(undeliverable.reason().name()),
                "since", s(undeliverable.since().toString())));
        for (Map<String, AttributeValue> key : List.of(DirectoryLayout.personKey(personId), DirectoryLayout.emailKey(email))) {
            aws.dynamoDb().updateItem(b -> b.tableName(table()).key(key)
                    .updateExpression("SET #m = :m").expressionAttributeNames(Map.of("#m", DirectoryLayout.MAIL_UNDELIVERABLE))
                    .expressionAttributeValues(Map.of(":m", mark)));
        }
    }

    /** All of one thing's items in one transaction, as the directory writes them. */
    private void put(List<Map<String, AttributeValue>> items) {
        aws.dynamoDb().transactWriteItems(r -> r.transactItems(puts(items)));
    }

    private List<TransactWriteItem> puts(List<Map<String, AttributeValue>> items) {
        return items.stream()
                .map(item -> TransactWriteItem.builder().put(Put.builder().tableName(table()).item(item).build()).build())
                .toList();
    }

    private String table() {
        return aws.tableName("DirectoryTable");
    }

    /** A 26-character id in the platform's alphabet, like the directory's own. */
    private static String newId() {
        return ("01J" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT))
                .replaceAll("[ILOU]", "X").substring(0, 26);
    }
}
