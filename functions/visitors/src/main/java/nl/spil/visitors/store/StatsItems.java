package nl.spil.visitors.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.visitors.domain.DayCounts;
import nl.spil.visitors.domain.Visit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The day counter item of a site ({@code STATS#<site>} / {@code DAY#<date>}): numbers only, no
 * personal data, so it outlives the visits. Each visit's change ADDs to it in the same transaction.
 */
final class StatsItems {

    private StatsItems() {
    }

    static Map<String, AttributeValue> key(String siteId, LocalDate day) {
        return Attrs.key("STATS#" + siteId, "DAY#" + day);
    }

    static TransactWriteItem registered(String table, String siteId, LocalDate day, int count) {
        return add(table, siteId, day, Map.of("registered", count));
    }

    static TransactWriteItem arrived(String table, Visit v) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("arrived", 1);
        counts.put(String.format("h%02d", v.checkedInAt().orElseThrow().atZone(v.zone()).getHour()), 1);
        counts.put("p_" + v.purpose().word(), 1);
        counts.put("d_" + v.host().department().orElse("-"), 1);
        return add(table, v.siteId(), v.day(), counts);
    }

    static TransactWriteItem checkedOut(String table, Visit v, long minutes) {
        return add(table, v.siteId(), v.day(), Map.of("departed", 1, "minutesOnSite", (int) Math.min(Integer.MAX_VALUE, minutes)));
    }

    static TransactWriteItem cancelled(String table, Visit v) {
        return add(table, v.siteId(), v.day(), Map.of("cancelled", 1));
    }

    private static TransactWriteItem add(String table, String siteId, LocalDate day, Map<String, Integer> counts) {
        StringBuilder expr = new StringBuilder("SET siteId = :site, #day = :day ADD ");
        Map<String, String> names = new HashMap<>(Map.of("#day", "day"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":site", Attrs.s(siteId), ":day", Attrs.s(day.toString())));
        int i = 0;
        for (var e : counts.entrySet()) {
            if (i > 0) {
                expr.append(", ");
            }
            expr.append("#a").append(i).append(" :v").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":v" + i, Attrs.n(e.getValue()));
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(siteId, day))
                .updateExpression(expr.toString()).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }

    static DayCounts fromItem(Map<String, AttributeValue> item) {
        Map<Integer, Long> hours = new TreeMap<>();
        Map<String, Long> purposes = new TreeMap<>();
        Map<String, Long> departments = new TreeMap<>();
        for (var e : item.entrySet()) {
            String name = e.getKey();
            if (e.getValue().n() == null) {
                continue;
            }
            long n = Long.parseLong(e.getValue().n());
            if (name.matches("h\\d\\d")) {
                hours.put(Integer.parseInt(name.substring(1)), n);
            } else if (name.startsWith("p_")) {
                purposes.put(name.substring(2), n);
            } else if (name.startsWith("d_")) {
                departments.put(name.substring(2), n);
            }
        }
        return new DayCounts(LocalDate.parse(Attrs.str(item, "day")), number(item, "registered"), number(item, "arrived"),
                hours, purposes, departments, number(item, "minutesOnSite"));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

}
