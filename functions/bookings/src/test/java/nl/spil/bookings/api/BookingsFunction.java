package nl.spil.bookings.api;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The bookings function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM. Sites and
 * people are put in the directory table in the directory's own layout.
 */
final class BookingsFunction {

    static final String ID = "BookingsFunction";
    private static BookingsFunction instance;

    public final LocalAws aws;
    private final FunctionUnderTest function;
    private final DirectoryItems directory;
    public final LambdaHttp http;

    private BookingsFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.directory = new DirectoryItems(aws);
        this.http = function.http;
    }

    public static synchronized BookingsFunction get() {
        if (instance == null) {
            instance = new BookingsFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    public ApplicationContext context() {
        return function.context();
    }

    public String table() {
        return function.table("BookingsTable");
    }

    public HttpAnswer send(HttpEvent event) {
        return function.send(event);
    }

    static HttpEvent event(String name) {
        return Events.http("bookings/" + name);
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site open on weekdays in {@code zone}, in the directory (see DirectoryItems). */
    String site(String zone) {
        return directory.site(unique("Site"), zone, DirectoryItems.WEEKDAYS);
    }

    /** A staff member in the directory, found by e-mail (see DirectoryItems). */
    void person(String email, String name, String language) {
        directory.person(name, email, language, null, List.of("staff"));
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
