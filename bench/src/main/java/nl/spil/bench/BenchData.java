package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * THE place that decides which tables exist in the benchmark's local AWS and which items the
 * measured functions find there. When a function reads something new on its measured path, add it
 * here: a function that answers 404 or 500 fails the benchmark.
 *
 * <ul>
 *   <li>Tables: every environment variable handed to the functions that is {@code TABLE_NAME} or
 *       ends in {@code _TABLE} names one (pk/sk string keys, PAY_PER_REQUEST).</li>
 *   <li>Items, all in {@code TABLE_NAME}: the plain baseline's {@code PERSON#bench}; and for every
 *       subject whose event carries JWT claims with an e-mail, the person it signs in as, the way the
 *       directory function stores a person: the item {@code PERSON#<id>}/{@code PERSON} and the same
 *       attributes under {@code EMAIL#<lowercased email>}/{@code EMAIL} (id, name, email, language en,
 *       costCentre, siteId, roles from cognito:groups, sub, version, createdAt, updatedAt). The id is the
 *       {@code sub} claim.</li>
 * </ul>
 */
final class BenchData {
    /** The person the plain baseline reads: pk=PERSON#bench, sk=PERSON. */
    static final String PLAIN_PERSON_ID = "bench";

    static final String SITE_ID = "site-ams";
    static final String COST_CENTRE = "CC-100";
    static final String LANGUAGE = "en";
    static final String CREATED_AT = "2024-01-01T00:00:00Z";

    private BenchData() {}

    /** The tables to create: TABLE_NAME and every *_TABLE variable of the functions' environment. */
    static Set<String> tableNames(Map<String, String> functionEnv) {
        Set<String> names = new LinkedHashSet<>();
        functionEnv.forEach((k, v) -> {
            if ((k.equals("TABLE_NAME") || k.endsWith("_TABLE")) && v != null && !v.isBlank()) {
                names.add(v);
            }
        });
        return names;
    }

    static void createTables(DynamoDbClient db, Set<String> names) {
        for (String name : names) {
            try {
                db.createTable(r -> r.tableName(name)
                        .attributeDefinitions(
                                AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                                AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                        .keySchema(
                                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                        .billingMode(BillingMode.PAY_PER_REQUEST));
            } catch (ResourceInUseException exists) {
                // an endpoint given with --aws-endpoint may have it already
            }
            db.waiter().waitUntilTableExists(r -> r.tableName(name));
        }
    }

    /** Seeds what the subjects read into {@code table}; answers a one-line description per item. */
    static List<String> seed(DynamoDbClient db, String table, List<Subject> subjects) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        person(items, PLAIN_PERSON_ID, "Bench Person", "bench@example.com", List.of("staff"));
        for (Subject s : subjects) {
            JsonNode c = s.event().at("/requestContext/authorizer/jwt/claims");
            if (!c.path("email").isTextual()) {
                continue;
            }
            String id = c.path("sub").asText("").isBlank() ? PLAIN_PERSON_ID : c.path("sub").asText();
            String name = c.path("name").asText("").isBlank() ? "Bench Person" : c.path("name").asText();
            person(items, id, name, c.path("email").asText(), groups(c.path("cognito:groups")));
        }
        List<String> described = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.values()) {
            db.putItem(r -> r.tableName(table).item(item));
            described.add(item.get("pk").s() + " / " + item.get("sk").s());
        }
        return described;
    }

    /**
     * A person as the directory function keeps it (its store.PersonItems): the same attributes twice,
     * under {@code PERSON#<id>}/{@code PERSON} and under {@code EMAIL#<lowercased email>}/{@code EMAIL}
     * ("me" is one GetItem on the latter).
     */
    private static void person(Map<String, Map<String, AttributeValue>> items, String id, String name, String email,
                               List<String> roles) {
        String lower = email.toLowerCase(Locale.ROOT);
        Map<String, AttributeValue> p = new LinkedHashMap<>();
        p.put("personId", AttributeValue.fromS(id));
        p.put("id", AttributeValue.fromS(id));
        p.put("name", AttributeValue.fromS(name));
        p.put("email", AttributeValue.fromS(lower));
        p.put("language", AttributeValue.fromS(LANGUAGE));
        p.put("costCentre", AttributeValue.fromS(COST_CENTRE));
        p.put("siteId", AttributeValue.fromS(SITE_ID));
        p.put("roles", AttributeValue.fromL(roles.stream().sorted().map(AttributeValue::fromS).toList()));
        // the sign-in account is known (the id is the token's sub), so "me" is the one GetItem it is in steady state
        p.put("sub", AttributeValue.fromS(id));
        p.put("version", AttributeValue.fromN("1"));
        p.put("createdAt", AttributeValue.fromS(CREATED_AT));
        p.put("updatedAt", AttributeValue.fromS(CREATED_AT));

        Map<String, AttributeValue> byId = new LinkedHashMap<>(p);
        byId.put("pk", AttributeValue.fromS("PERSON#" + id));
        byId.put("sk", AttributeValue.fromS("PERSON"));
        byId.put("kind", AttributeValue.fromS("PERSON"));
        byId.put("gsi1pk", AttributeValue.fromS("PEOPLE"));
        byId.put("gsi1sk", AttributeValue.fromS(name.toLowerCase(Locale.ROOT) + "#" + id));
        items.put("PERSON#" + id, byId);

        Map<String, AttributeValue> byEmail = new LinkedHashMap<>(p);
        byEmail.put("pk", AttributeValue.fromS("EMAIL#" + lower));
        byEmail.put("sk", AttributeValue.fromS("EMAIL"));
        byEmail.put("kind", AttributeValue.fromS("EMAIL"));
        items.put("EMAIL#" + lower, byEmail);
    }

    /** cognito:groups as API Gateway hands it over ("[a b]") or as a JSON list. */
    private static List<String> groups(JsonNode claim) {
        List<String> out = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(g -> out.add(g.asText()));
        } else if (claim.isTextual()) {
            for (String g : claim.asText().replace("[", " ").replace("]", " ").split("[\\s,]+")) {
                if (!g.isBlank()) {
                    out.add(g.trim());
                }
            }
        }
        return out.isEmpty() ? List.of("staff") : out;
    }
}
