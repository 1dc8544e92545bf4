package nl.spil.bookings.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A calendar feed: who made it and when, whose bookings or which room's agenda it serves, and
 * until when. Its id is the hash of its secret token, which is never kept. A feed that expired
 * serves nothing; its owner renews it for another period.
 */
public record Feed(String id, String ownerId, Kind kind, String targetId, Instant createdAt, Instant expiresAt) {

    /** How long a feed serves unless its owner asks for less; renewing gives this again from now. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    public enum Kind { PERSON, RESOURCE }

    public Feed {
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a feed expires after it was made");
        }
    }

    /** A feed of the owner's own bookings ({@code resourceId} null) or of a room's agenda. */
    public static Feed open(String id, String ownerId, String resourceId, Duration validFor, Instant now) {
        return resourceId == null
                ? new Feed(id, ownerId, Kind.PERSON, ownerId, now, now.plus(validFor))
                : new Feed(id, ownerId, Kind.RESOURCE, resourceId, now, now.plus(validFor));
    }

    public Feed renewed(Duration validFor, Instant now) {
        return new Feed(id, ownerId, kind, targetId, createdAt, now.plus(validFor));
    }

    public boolean servesAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
