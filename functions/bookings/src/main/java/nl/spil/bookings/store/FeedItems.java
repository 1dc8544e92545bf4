package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.spil.bookings.domain.Feed;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of a calendar feed on the bookings table: {@code FEED#<id>} / {@code FEED} (the id is
 * the first 128 bits of the token's SHA-256), listed per owner on gsi1 {@code FEEDS#<owner>} by
 * creation time. {@code expiresAt} is both when it stops serving and the table's TTL.
 */
final class FeedItems {

    static final String OWNER = "FEEDS#";

    private FeedItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("FEED#" + id, "FEED");
    }

    static Map<String, AttributeValue> item(Feed feed) {
        Map<String, AttributeValue> item = new HashMap<>(key(feed.id()));
        item.put("kind", s("FEED"));
        item.put("gsi1pk", s(OWNER + feed.ownerId()));
        item.put("gsi1sk", s(BookingItems.time(feed.createdAt()) + "#" + feed.id()));
        item.put("feedId", s(feed.id()));
        item.put("ownerId", s(feed.ownerId()));
        item.put("feedKind", s(feed.kind().name()));
        item.put("targetId", s(feed.targetId()));
        item.put("createdAt", s(feed.createdAt().toString()));
        item.put("expiresAt", n(feed.expiresAt().getEpochSecond()));
        return item;
    }

    static Feed feed(Map<String, AttributeValue> item) {
        return new Feed(Attrs.str(item, "feedId"), Attrs.str(item, "ownerId"), Feed.Kind.valueOf(Attrs.str(item, "feedKind")),
                Attrs.str(item, "targetId"), Instant.parse(Attrs.str(item, "createdAt")),
                Instant.ofEpochSecond(Attrs.num(item, "expiresAt")));
    }
}
