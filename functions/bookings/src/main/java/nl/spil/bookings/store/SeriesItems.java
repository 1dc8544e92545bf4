package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.spil.bookings.domain.Series;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of a series on the bookings table: {@code SERIES#<id>} / {@code SERIES}, with the
 * rule, the occurrence ids, the missed count (which a release adds to in its own transaction,
 * so the item may hold only that count when the series was never written) and its expiry.
 */
final class SeriesItems {

    private SeriesItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("SERIES#" + id, "SERIES");
    }

    static Map<String, AttributeValue> item(Series series) {
        Map<String, AttributeValue> item = new HashMap<>(key(series.id()));
        item.put("kind", s("SERIES"));
        item.put("seriesId", s(series.id()));
        item.put("resourceId", s(series.resourceId()));
        item.put("organiserId", s(series.organiserId()));
        item.put("organiserEmail", s(series.organiserEmail()));
        item.put("rule", s(series.rule()));
        item.put("bookingIds", Attrs.ss(series.bookingIds()));
        item.put("missed", n(series.missed()));
        item.put("ended", AttributeValue.fromBool(series.ended()));
        series.lastEnd().ifPresent(t -> item.put("lastEnd", s(t.toString())));
        series.keptUntil().ifPresent(t -> item.put("expiresAt", n(t.getEpochSecond())));
        return item;
    }

    /** True when the item is a whole series (not only the missed count of one never written). */
    static boolean isSeries(Map<String, AttributeValue> item) {
        return item != null && item.containsKey("seriesId");
    }

    static Series series(Map<String, AttributeValue> item) {
        AttributeValue missed = item.get("missed");
        AttributeValue ended = item.get("ended");
        return new Series(Attrs.str(item, "seriesId"), Attrs.str(item, "resourceId"),
                Attrs.str(item, "organiserId"), Attrs.str(item, "organiserEmail"), Attrs.str(item, "rule"),
                Attrs.strList(item, "bookingIds"), missed == null ? 0 : Integer.parseInt(missed.n()),
                ended != null && Boolean.TRUE.equals(ended.bool()), Attrs.optStr(item, "lastEnd").map(Instant::parse));
    }
}
