package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.stock.app.Suppliers;
import nl.spil.stock.domain.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Suppliers on the stock table: SUPPLIER#id, listed by name through gsi2 (SUPPLIERS). */
@Singleton
public class DynamoSuppliers implements Suppliers {

    private static final String SUPPLIERS = "SUPPLIERS";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoSuppliers(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("SUPPLIER#" + id, "SUPPLIER");
    }

    @Override
    public Optional<Supplier> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(supplier(item));
    }

    @Override
    public Map<String, Supplier> byIds(Collection<String> ids) {
        Map<String, Supplier> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(DynamoSuppliers::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (request != null && !request.isEmpty()) {
                BatchGetItemResponse got = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                got.responses().getOrDefault(table, List.of()).forEach(i -> {
                    Supplier s = supplier(i);
                    out.put(s.id(), s);
                });
                request = got.hasUnprocessedKeys() ? got.unprocessedKeys() : null;
            }
        }
        return out;
    }

    @Override
    public Page<Supplier> list(PageRequest page) {
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi2")
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", s(SUPPLIERS)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode("suppliers", page.cursor()))
                .build());
        return new Page<>(r.items().stream().map(DynamoSuppliers::supplier).toList(),
                cursors.encode("suppliers", r.lastEvaluatedKey()));
    }

    @Override
    public Response add(Supplier supplier, CreateRequest request, Function<Supplier, Response> answer) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(supplier))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "suppliers", new Plan(List.of(put), answer.apply(supplier), supplier.id()),
                cancelled -> ProblemException.conflict("supplier-exists", "Supplier id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Supplier current, Supplier changed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(changed))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw ProblemException.stale("supplier " + current.id() + " was changed meanwhile; reload it");
        }
    }

    private static Map<String, AttributeValue> item(Supplier supplier) {
        Map<String, AttributeValue> item = new HashMap<>(key(supplier.id()));
        item.put("kind", s("SUPPLIER"));
        item.put("gsi2pk", s(SUPPLIERS));
        item.put("gsi2sk", s(supplier.name().toLowerCase(Locale.ROOT) + "#" + supplier.id()));
        item.put("supplierId", s(supplier.id()));
        item.put("name", s(supplier.name()));
        item.put("email", s(supplier.email()));
        item.put("leadTimeDays", n(supplier.leadTimeDays()));
        supplier.notes().ifPresent(v -> item.put("notes", s(v)));
        item.put("version", n(supplier.version()));
        item.put("createdAt", s(supplier.createdAt().toString()));
        item.put("updatedAt", s(supplier.updatedAt().toString()));
        return item;
    }

    static Supplier supplier(Map<String, AttributeValue> item) {
        return new Supplier(Attrs.str(item, "supplierId"), Attrs.str(item, "name"), Attrs.str(item, "email"),
                (int) Attrs.num(item, "leadTimeDays"), Attrs.optStr(item, "notes"), Attrs.num(item, "version"),
                Instant.parse(Attrs.str(item, "createdAt")), Instant.parse(Attrs.str(item, "updatedAt")));
    }
}
