package nl.spil.bookings.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.LocalAws;
import nl.spil.testkit.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The bookings function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM. Sites and
 * people are put in the directory table in the directory's own layout.
 */
final class BookingsFunction {

    static final String ID = "BookingsFunction";
    private static BookingsFunction instance;

    final LocalAws aws;
    final APIGatewayV2HTTPEventFunction handler;
    final LambdaHttp http;

    private BookingsFunction(LocalAws aws) {
        this.aws = aws;
        aws.tables();
        aws.applyAsSystemProperties(ID);
        this.handler = new APIGatewayV2HTTPEventFunction();
        this.http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), ID));
    }

    static synchronized BookingsFunction get() {
        if (instance == null) {
            instance = new BookingsFunction(LocalAws.get());
        }
        return instance;
    }

    ApplicationContext context() {
        return handler.getApplicationContext();
    }

    String table() {
        return aws.tableName("BookingsTable");
    }

    HttpAnswer send(HttpEvent event) {
        return http.send(event);
    }

    static HttpEvent event(String name) {
        return Events.http("bookings/" + name);
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site in the directory (as the directory writes it). */
    String site(String zone) {
        String id = "SITE" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key("SITE#" + id, "SITE"));
        item.put("kind", Attrs.s("SITE"));
        item.put("gsi1pk", Attrs.s("SITES"));
        item.put("gsi1sk", Attrs.s("site#" + id));
        item.put("siteId", Attrs.s(id));
        item.put("name", Attrs.s("Site " + id));
        item.put("zone", Attrs.s(zone));
        item.put("opens", Attrs.s("08:00"));
        item.put("closes", Attrs.s("18:00"));
        item.put("days", Attrs.ss(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")));
        item.put("version", Attrs.n(1));
        item.put("createdAt", Attrs.s(Instant.now().toString()));
        item.put("updatedAt", Attrs.s(Instant.now().toString()));
        aws.dynamoDb().putItem(PutItemRequest.builder().tableName(aws.tableName("DirectoryTable")).item(item).build());
        return id;
    }

    /** A person in the directory, found by e-mail (as the directory writes it). */
    void person(String email, String name, String language) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key("EMAIL#" + email.toLowerCase(), "EMAIL"));
        item.put("personId", Attrs.s("P" + UUID.randomUUID().toString().substring(0, 8)));
        item.put("name", Attrs.s(name));
        item.put("email", Attrs.s(email));
        item.put("language", Attrs.s(language));
        item.put("roles", Attrs.ss(List.of("staff")));
        aws.dynamoDb().putItem(PutItemRequest.builder().tableName(aws.tableName("DirectoryTable")).item(item).build());
    }

    /** Creates a room through the API as the office manager; answers its id. */
    String room(String siteId, int capacity, String features, String rules) {
        String body = "{\"siteId\":\"" + siteId + "\",\"type\":\"room\",\"name\":\"" + unique("Room")
                + "\",\"floor\":\"2\",\"capacity\":" + capacity + ",\"features\":[" + features + "]"
                + (rules == null ? "" : ",\"rules\":" + rules) + "}";
        HttpAnswer created = send(event("create-resource.json").header("idempotency-key", null).body(body));
        if (created.status() != 201) {
            throw new AssertionError(created.toString());
        }
        return created.json().path("id").asText();
    }

    /** A booking request by a staff member with this e-mail and sub. */
    static HttpEvent booking(String resourceId, String start, String end, String email, String sub) {
        return event("create-booking.json").header("idempotency-key", null).claim("email", email).claim("sub", sub)
                .body("{\"resourceId\":\"" + resourceId + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                        + "\",\"title\":\"Overleg\",\"notes\":\"Koffie voor 4\"}");
    }

    /** Outbox items (test-only scan) whose dedupe-derived e-mail goes to {@code to}. */
    List<Map<String, AttributeValue>> outboxTo(String to) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = aws.dynamoDb().scan(ScanRequest.builder().tableName(aws.tableName("OutboxTable"))
                    .exclusiveStartKey(start).build());
            for (var item : page.items()) {
                if (item.toString().contains(to)) {
                    out.add(item);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
