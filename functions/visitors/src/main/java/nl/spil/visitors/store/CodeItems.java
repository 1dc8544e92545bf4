package nl.spil.visitors.store;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.visitors.domain.Visit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The check-in codes of a site day ({@code CODES#<site>#<day>} / {@code CODES}: one attribute
 * {@code c_<code>} per visit, holding its id, so a code is unique on its day by a condition) and
 * the wrong-code counter of a site ({@code WRONGCODES#<site>}).
 */
final class CodeItems {

    private CodeItems() {
    }

    static Map<String, AttributeValue> key(String siteId, LocalDate day) {
        return Attrs.key("CODES#" + siteId + "#" + day, "CODES");
    }

    static Map<String, AttributeValue> wrongKey(String siteId) {
        return Attrs.key("WRONGCODES#" + siteId, "WRONGCODES");
    }

    /** Takes the visits' codes on their site days: one Update per site day, refused if any is taken. */
    static List<TransactWriteItem> take(String table, List<Visit> visits) {
        Map<Map<String, AttributeValue>, List<Visit>> byDay = new LinkedHashMap<>();
        visits.forEach(v -> byDay.computeIfAbsent(key(v.siteId(), v.day()), k -> new ArrayList<>()).add(v));
        List<TransactWriteItem> out = new ArrayList<>();
        byDay.forEach((key, ofDay) -> {
            StringBuilder set = new StringBuilder("SET expiresAt = :exp");
            StringBuilder condition = new StringBuilder();
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":exp", Attrs.n(ofDay.get(0).day().plusDays(3).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
            for (int i = 0; i < ofDay.size(); i++) {
                set.append(", #c").append(i).append(" = :v").append(i);
                condition.append(i == 0 ? "" : " AND ").append("attribute_not_exists(#c").append(i).append(")");
                names.put("#c" + i, "c_" + ofDay.get(i).code().value());
                values.put(":v" + i, Attrs.s(ofDay.get(i).id()));
            }
            out.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression(set.toString()).conditionExpression(condition.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        });
        return out;
    }

    /** Gives a visit's code on its site day back, unless another visit holds it now. */
    static TransactWriteItem release(String table, Visit v) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(v.siteId(), v.day()))
                .updateExpression("SET expiresAt = if_not_exists(expiresAt, :exp) REMOVE #c")
                .conditionExpression("attribute_not_exists(#c) OR #c = :id")
                .expressionAttributeNames(Map.of("#c", "c_" + v.code().value()))
                .expressionAttributeValues(Map.of(":id", Attrs.s(v.id()),
                        ":exp", Attrs.n(v.day().plusDays(3).atStartOfDay(ZoneOffset.UTC).toEpochSecond()))).build()).build();
    }
}
