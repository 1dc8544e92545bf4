package nl.spil.testkit;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.directory.NameIndex;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Sites and people written straight into the DirectoryTable in the directory's own item layout
 * (docs/architecture.md), for the tests of functions that read the directory through the
 * platform's DirectoryReader. The directory module's tests check that its API reads these items
 * as its own, so the layout cannot drift here unnoticed.
 */
public final class DirectoryItems {

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final String WRITTEN_AT = "2026-01-01T00:00:00Z";

    private final LocalAws aws;

    public DirectoryItems(LocalAws aws) {
        this.aws = aws;
    }

    /** A site open 08:00–18:00 on {@code days} in {@code zone}; answers its id. */
    public String site(String name, String zone, Set<DayOfWeek> days) {
        String id = newId();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("SITE#" + id));
        item.put("sk", s("SITE"));
        item.put("kind", s("SITE"));
        item.put("gsi1pk", s("SITES"));
        item.put("gsi1sk", s(name.toLowerCase(Locale.ROOT) + "#" + id));
        item.put("siteId", s(id));
        item.put("name", s(name));
        item.put("zone", s(zone));
        item.put("opens", s("08:00"));
        item.put("closes", s("18:00"));
        item.put("days", list(days.stream().sorted().map(DayOfWeek::name).toList()));
        stamp(item);
        put(item);
        return id;
    }

    /** A person kept as the directory keeps one: by id (on gsi1 PEOPLE), by e-mail and in the name index. */
    public String person(String name, String email, String language, String siteId, List<String> roles) {
        return person(name, email, language, siteId, roles, null);
    }

    /** The same, in a department (cost centre). */
    public String person(String name, String email, String language, String siteId, List<String> roles, String costCentre) {
        String id = newId();
        for (boolean byEmail : new boolean[] {false, true}) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(byEmail ? "EMAIL#" + email.toLowerCase(Locale.ROOT) : "PERSON#" + id));
            item.put("sk", s(byEmail ? "EMAIL" : "PERSON"));
            item.put("kind", s(byEmail ? "EMAIL" : "PERSON"));
            if (!byEmail) {
                item.put("gsi1pk", s("PEOPLE"));
                item.put("gsi1sk", s(name.toLowerCase(Locale.ROOT) + "#" + id));
            }
            item.put("personId", s(id));
            item.put("name", s(name));
            item.put("email", s(email.toLowerCase(Locale.ROOT)));
            item.put("language", s(language));
            if (siteId != null) {
                item.put("siteId", s(siteId));
            }
            if (costCentre != null) {
                item.put("costCentre", s(costCentre));
            }
            item.put("roles", list(roles.stream().sorted().toList()));
            stamp(item);
            put(item);
        }
        aws.dynamoDb().transactWriteItems(b -> b.transactItems(NameIndex.put(aws.tableName("DirectoryTable"),
                new NameIndex.Entry(id, name, Optional.ofNullable(siteId), Optional.ofNullable(costCentre)))));
        return id;
    }

    private void put(Map<String, AttributeValue> item) {
        aws.dynamoDb().putItem(PutItemRequest.builder().tableName(aws.tableName("DirectoryTable")).item(item).build());
    }

    private static void stamp(Map<String, AttributeValue> item) {
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", s(WRITTEN_AT));
        item.put("updatedAt", s(WRITTEN_AT));
    }

    /** A 26-character id in the platform's alphabet, like the directory's own. */
    private static String newId() {
        return ("01J" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT))
                .replaceAll("[ILOU]", "X").substring(0, 26);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}
