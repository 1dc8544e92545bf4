package nl.spil.stock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.api.StockFunction;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The conditional writes of the item store against the serialized moto. */
class DynamoItemsTest {

    private static final StockFunction FN = StockFunction.get();
    private static final Instant T = Instant.parse("2026-11-27T07:00:00Z");

    private Map<String, AttributeValue> raw(String id) {
        return FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.table()).key(ItemItems.key(id))
                .consistentRead(true).build()).item();
    }

    private Item read(String id) {
        return ItemItems.item(raw(id));
    }

    private static Movement use(String itemId, long n) {
        return new Movement("m-" + System.nanoTime(), itemId, MovementType.USE, -n, "tester", Optional.empty(), T);
    }

    @Test
    void aChangeDecidedOnAStaleReadIsRefusedWhenTheItemCrossedItsMinimumMeanwhile() {
        String id = FN.item(FN.site(), "STALE", 12, 10, 20, null).path("id").asText();
        Item stale = read(id);                 // 12: a use of 1 keeps it out of the low index
        FN.move(id, "use", 2);                 // someone else takes 2: now 10
        var write = QuantityChanges.relative(FN.table(), stale, -1, 0);
        assertThatThrownBy(() -> FN.aws.dynamoDb().transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(write).build())).isInstanceOf(TransactionCanceledException.class);
        assertThat(read(id).quantity()).isEqualTo(10);
        assertThat(raw(id)).doesNotContainKey("gsi1pk");

        // decided again on a fresh read, it goes through and puts the item in the low index
        var fresh = QuantityChanges.relative(FN.table(), read(id), -1, 0);
        FN.aws.dynamoDb().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(fresh).build());
        assertThat(read(id).quantity()).isEqualTo(9);
        assertThat(raw(id).get("gsi1pk").s()).startsWith("LOW#");
    }

    @Test
    void aChangeOnTheSameSideOfTheMinimumNeedsNoExactQuantity() {
        String id = FN.item(FN.site(), "SAME", 50, 10, 60, null).path("id").asText();
        Item stale = read(id);
        FN.move(id, "use", 5);                 // 45, still well above the minimum
        var write = QuantityChanges.relative(FN.table(), stale, -1, 0);
        FN.aws.dynamoDb().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(write).build());
        assertThat(read(id).quantity()).isEqualTo(44);
    }

    @Test
    void theStoreRetriesAStaleDecisionAndRefusesWhatWouldGoNegative() {
        DynamoItems items = FN.context().getBean(DynamoItems.class);
        String id = FN.item(FN.site(), "STORE", 2, 1, 5, null).path("id").asText();
        CreateRequest request = new CreateRequest("tester", null, "test");
        Response booked = items.book(use(id, 2), request, m -> new Response(201, "{}", null));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(read(id).quantity()).isZero();
        assertThat(read(id).isLow()).isTrue();
        assertThatThrownBy(() -> items.book(use(id, 1), request, m -> new Response(201, "{}", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.extensions()).containsEntry("available", 0L);
                });
        assertThat(FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.table()).key(ItemItems.key(id)).build())
                .item().get("quantity").n()).isEqualTo("0");
    }
}
