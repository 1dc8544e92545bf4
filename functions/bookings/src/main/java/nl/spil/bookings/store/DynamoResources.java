package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.bookings.app.Resources;
import nl.spil.bookings.domain.BookableHours;
import nl.spil.bookings.domain.BookingHorizon;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.CheckInWindow;
import nl.spil.bookings.domain.MaxDuration;
import nl.spil.bookings.domain.MinimumNotice;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Rooms and desks: RESOURCE#id, listed per site by type and name through gsi1 (SITE#site#RESOURCES). */
@Singleton
public class DynamoResources implements Resources {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoResources(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("RESOURCE#" + id, "RESOURCE");
    }

    static String siteKey(String siteId) {
        return "SITE#" + siteId + "#RESOURCES";
    }

    @Override
    public Optional<Resource> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(resource(item));
    }

    @Override
    public Page<Resource> ofSite(String siteId, ResourceType type, PageRequest page) {
        QueryResponse result = dynamo.query(query(siteId, type).limit(page.limit())
                .exclusiveStartKey(cursors.decode("resources", page.cursor())).build());
        return new Page<>(result.items().stream().map(DynamoResources::resource).toList(),
                cursors.encode("resources", result.lastEvaluatedKey()));
    }

    @Override
    public List<Resource> allOfSite(String siteId, ResourceType type) {
        List<Resource> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query(siteId, type).exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(resource(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private QueryRequest.Builder query(String siteId, ResourceType type) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("gsi1");
        if (type == null) {
            return q.keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s(siteKey(siteId))));
        }
        return q.keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :t)")
                .expressionAttributeValues(Map.of(":p", s(siteKey(siteId)), ":t", s(type.code() + "#")));
    }

    @Override
    public Response add(Resource resource, CreateRequest request, Function<Resource, Response> answer) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(resource))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "resources", new Plan(List.of(put), answer.apply(resource), resource.id()),
                cancelled -> ProblemException.conflict("resource-exists", "Resource id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Resource current, Resource changed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(changed))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw ProblemException.stale("resource " + current.id() + " was changed meanwhile; reload it");
        }
    }

    @Override
    public void remove(Resource current) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(current.id()))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw ProblemException.stale("resource " + current.id() + " was changed meanwhile; reload it");
        }
    }

    static Map<String, AttributeValue> item(Resource r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.id()));
        item.put("kind", s("RESOURCE"));
        item.put("gsi1pk", s(siteKey(r.siteId())));
        item.put("gsi1sk", s(r.type().code() + "#" + r.name().toLowerCase(Locale.ROOT) + "#" + r.id()));
        item.put("resourceId", s(r.id()));
        item.put("siteId", s(r.siteId()));
        item.put("zone", s(r.zone().getId()));
        item.put("type", s(r.type().code()));
        item.put("name", s(r.name()));
        item.put("floor", s(r.floor()));
        item.put("capacity", n(r.capacity()));
        item.put("features", Attrs.ss(r.features().stream().sorted().toList()));
        BookingRules rules = r.rules();
        item.put("maxMinutes", n(rules.maxDuration().max().toMinutes()));
        item.put("horizonDays", n(rules.horizon().ahead().toDays()));
        item.put("noticeMinutes", n(rules.notice().notice().toMinutes()));
        item.put("opens", s(rules.hours().opens().toString()));
        item.put("closes", s(rules.hours().closes().toString()));
        item.put("days", Attrs.ss(rules.hours().days().stream().sorted().map(DayOfWeek::name).toList()));
        item.put("checkInBeforeMinutes", n(rules.checkIn().before().toMinutes()));
        item.put("checkInAfterMinutes", n(rules.checkIn().after().toMinutes()));
        item.put("version", n(r.version()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        return item;
    }

    static Resource resource(Map<String, AttributeValue> item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Attrs.strList(item, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
        BookingRules rules = new BookingRules(
                new MaxDuration(Duration.ofMinutes(Attrs.num(item, "maxMinutes"))),
                new BookingHorizon(Duration.ofDays(Attrs.num(item, "horizonDays"))),
                new MinimumNotice(Duration.ofMinutes(Attrs.num(item, "noticeMinutes"))),
                new BookableHours(LocalTime.parse(Attrs.str(item, "opens")), LocalTime.parse(Attrs.str(item, "closes")), days),
                new CheckInWindow(Duration.ofMinutes(Attrs.num(item, "checkInBeforeMinutes")),
                        Duration.ofMinutes(Attrs.num(item, "checkInAfterMinutes"))));
        return new Resource(Attrs.str(item, "resourceId"), Attrs.str(item, "siteId"), ZoneId.of(Attrs.str(item, "zone")),
                ResourceType.tryParse(Attrs.str(item, "type")).orElseThrow(), Attrs.str(item, "name"),
                Attrs.str(item, "floor"), (int) Attrs.num(item, "capacity"), Set.copyOf(Attrs.strList(item, "features")),
                rules, Attrs.num(item, "version"), Instant.parse(Attrs.str(item, "createdAt")),
                Instant.parse(Attrs.str(item, "updatedAt")));
    }
}
