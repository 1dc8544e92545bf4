package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.util.HashMap;
import java.util.Map;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.StockLevels;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conditional update that changes an item's quantity on hand and keeps the sparse low-stock
 * index true in the same write.
 *
 * <p>A relative change ({@code quantity + delta}) does not need the exact quantity: its
 * condition holds as long as the item is still on the same side of the minimum as when it was
 * read ({@code quantity < minimum - delta} decides "low afterwards"), and as long as there is
 * enough ({@code quantity >= -delta}). So 200 people taking one pen each hardly ever retry, and
 * the quantity can never go below zero: DynamoDB checks the condition atomically.
 */
final class QuantityChanges {

    private QuantityChanges() {
    }

    /** quantity += delta (and onOrder += onOrderDelta), decided against the item as read. */
    static TransactWriteItem relative(String table, Item read, long delta, long onOrderDelta) {
        long minimum = read.details().minimum();
        long threshold = StockLevels.lowThreshold(minimum, delta);
        boolean lowAfter = StockLevels.isLow(read.quantity() + delta, minimum);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":d", n(delta));
        values.put(":min", n(minimum));
        values.put(":need", n(Math.max(0, -delta)));
        values.put(":t", n(threshold));
        StringBuilder condition = new StringBuilder("minimum = :min AND quantity >= :need AND quantity ")
                .append(lowAfter ? "< :t" : ">= :t");
        StringBuilder set = new StringBuilder("SET quantity = quantity + :d");
        if (onOrderDelta != 0) {
            values.put(":o", n(onOrderDelta));
            set.append(", onOrder = onOrder + :o");
            if (onOrderDelta < 0) {
                values.put(":oneed", n(-onOrderDelta));
                condition.append(" AND onOrder >= :oneed");
            }
        }
        String expression = lowIndex(read, lowAfter, set, values);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(read.id()))
                .conditionExpression(condition.toString()).updateExpression(expression)
                .expressionAttributeValues(values).build()).build();
    }

    /** quantity := newQuantity, only if it is still exactly what was read (a stock-take). */
    static TransactWriteItem exact(String table, Item read, long newQuantity) {
        boolean lowAfter = StockLevels.isLow(newQuantity, read.details().minimum());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":q", n(read.quantity()));
        values.put(":min", n(read.details().minimum()));
        values.put(":new", n(newQuantity));
        StringBuilder set = new StringBuilder("SET quantity = :new");
        String expression = lowIndex(read, lowAfter, set, values);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(read.id()))
                .conditionExpression("quantity = :q AND minimum = :min").updateExpression(expression)
                .expressionAttributeValues(values).build()).build();
    }

    private static String lowIndex(Item read, boolean lowAfter, StringBuilder set,
                                   Map<String, AttributeValue> values) {
        if (lowAfter) {
            values.put(":lowpk", s(ItemItems.LOW + read.siteId()));
            values.put(":lowsk", s(ItemItems.lowSortKey(read)));
            return set.append(", gsi1pk = :lowpk, gsi1sk = :lowsk").toString();
        }
        return set.append(" REMOVE gsi1pk, gsi1sk").toString();
    }
}
