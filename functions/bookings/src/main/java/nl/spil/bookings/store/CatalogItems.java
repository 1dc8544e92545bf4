package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;

import java.time.Instant;
import java.util.Map;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The catalog version of a site on the bookings table: {@code CATALOG#<site>} / {@code CATALOG}
 * with {@code version} and {@code changedAt} (epoch milliseconds). Every add, change and removal
 * of a resource moves it in the same transaction, so a function that keeps a site's resources in
 * memory knows from this one small item whether they are still the site's. A site whose resources
 * were never changed since this item exists has none: version 0.
 */
final class CatalogItems {

    private CatalogItems() {
    }

    /** What the item says: the version and when it last moved (0 and the epoch for none). */
    record Stamp(long version, Instant changedAt) {
    }

    static Map<String, AttributeValue> key(String siteId) {
        return Attrs.key("CATALOG#" + siteId, "CATALOG");
    }

    static Stamp stamp(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new Stamp(0, Instant.EPOCH);
        }
        return new Stamp(Attrs.num(item, "version"), Instant.ofEpochMilli(Attrs.num(item, "changedAt")));
    }

    /** Moves the site's version by one; unconditional, so it never refuses the change it rides with. */
    static TransactWriteItem bump(String table, String siteId, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(siteId))
                .updateExpression("SET changedAt = :now, kind = :kind ADD version :one")
                .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":kind", Attrs.s("CATALOG"),
                        ":one", n(1)))
                .build()).build();
    }
}
