package nl.spil.visitors.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.Outboxes;
import nl.spil.testkit.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The visitors function as Lambda runs it (its real handler, its template environment, tables
 * from the template in the local AWS), one per test JVM; sites and people in the directory's own
 * layout; helpers that drive it through the events of events/visitors.
 */
final class VisitorsFunction {

    static final String ID = "VisitorsFunction";
    private static VisitorsFunction instance;

    final LocalAws aws;
    private final FunctionUnderTest function;
    private final DirectoryItems directory;

    private VisitorsFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.directory = new DirectoryItems(aws);
    }

    static synchronized VisitorsFunction get() {
        if (instance == null) {
            instance = new VisitorsFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    ApplicationContext context() {
        return function.context();
    }

    String table() {
        return function.table("VisitorsTable");
    }

    HttpAnswer send(HttpEvent event) {
        return function.send(event);
    }

    /** The raw answer (a PDF's bytes survive it). */
    APIGatewayV2HTTPResponse raw(HttpEvent event) {
        return function.handler.handleRequest(Events.fromJson(Events.toJson(event.build()),
                com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class),
                TestContext.forFunction(aws.template(), ID));
    }

    static byte[] bytes(APIGatewayV2HTTPResponse r) {
        return r.getIsBase64Encoded() ? Base64.getDecoder().decode(r.getBody())
                : r.getBody().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static HttpEvent event(String name) {
        return Events.http("visitors/" + name);
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site open 08:00-18:00 on weekdays in Amsterdam. */
    String site() {
        return directory.site(unique("Site"), "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
    }

    /** A person of a site; answers their id. */
    String person(String name, String email, String language, String siteId, String... roles) {
        return directory.person(name, email, language, siteId, List.of(roles));
    }

    /** An event as {@code email} with {@code groups}. */
    static HttpEvent as(HttpEvent event, String email, String... groups) {
        return event.claim("email", email).claim("sub", "sub-" + email).groups(groups);
    }

    /** Registers visitors (JSON objects) as {@code email} with {@code groups}. */
    HttpAnswer register(String email, String siteId, String expectedAt, String hostId, String visitorsJson, String... groups) {
        String body = "{\"siteId\":\"" + siteId + "\"" + (expectedAt == null ? ",\"walkIn\":true" : ",\"expectedAt\":\"" + expectedAt + "\"")
                + (hostId == null ? "" : ",\"hostId\":\"" + hostId + "\"") + ",\"minutes\":60,\"purpose\":\"meeting\",\"visitors\":["
                + visitorsJson + "]}";
        return send(as(event("register-visit.json").header("idempotency-key", null), email, groups).body(body));
    }

    HttpAnswer houseRules(String siteId, int version, String nl, String en) {
        return send(event("write-house-rules.json").pathParameter("id", siteId).path("/sites/" + siteId + "/house-rules")
                .body("{\"version\":" + version + ",\"texts\":{\"nl\":\"" + nl + "\",\"en\":\"" + en + "\"}}"));
    }

    HttpAnswer checkInByCode(String siteId, String code, int rules, String typedName) {
        return send(event("check-in-by-code.json").body("{\"siteId\":\"" + siteId + "\",\"code\":\"" + code
                + "\",\"houseRules\":{\"version\":" + rules + ",\"typedName\":\"" + typedName + "\"}}"));
    }

    HttpAnswer onSite(String siteId) {
        return send(event("on-site.json").pathParameter("id", siteId).path("/sites/" + siteId + "/on-site"));
    }

    HttpAnswer get(String visitId, String email, String... groups) {
        return send(as(event("get-visit.json").pathParameter("id", visitId).path("/visits/" + visitId), email, groups));
    }

    Optional<OutboxItem.Email> mail(String dedupeKey) {
        return Outboxes.byDedupeKey(aws, dedupeKey).map(OutboxItem.Email.class::cast);
    }

    /** Items of the visitors table (test-only scan: counts a change). */
    int items() {
        int n = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = aws.dynamoDb().scan(ScanRequest.builder().tableName(table()).exclusiveStartKey(start).build());
            n += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return n;
    }
}
