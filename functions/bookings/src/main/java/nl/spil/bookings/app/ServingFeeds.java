package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.calendar.Ics;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.Resource;
import nl.spil.platform.config.Settings;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/**
 * A calendar app reads a feed (CalendarFeedFunction): the bookings from 30 days back to 180 days
 * ahead (METHOD:PUBLISH), a person's with their notes, a room's without. An unknown, revoked or
 * expired token finds nothing and is never told apart.
 */
@Singleton
public class ServingFeeds {

    static final Duration BACK = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(180);
    private static final int MAX_EVENTS = 400;
    private final Feeds feeds;
    private final Resources resources;
    private final Bookings bookings;
    private final Settings settings;
    private final Clock clock;

    public ServingFeeds(Feeds feeds, Resources resources, Bookings bookings, Settings settings, Clock clock) {
        this.feeds = feeds;
        this.resources = resources;
        this.bookings = bookings;
        this.settings = settings;
        this.clock = clock;
    }

    /** The feed behind a token, or empty when there is none (never says whether it existed). */
    public Optional<byte[]> render(String token) {
        if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Feed> feed = feeds.byId(SubscribingToCalendars.idOf(token)).filter(f -> f.servesAt(now));
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        boolean room = feed.get().kind() == Feed.Kind.RESOURCE;
        List<Booking> found = new ArrayList<>();
        String cursor = null;
        do {
            PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, cursor);
            Page<Booking> p = room
                    ? bookings.ofResource(feed.get().targetId(), now.minus(BACK), now.plus(AHEAD), page)
                    : bookings.ofOrganiser(feed.get().targetId(), now.minus(BACK), now.plus(AHEAD), page);
            p.items().stream().filter(Booking::isActive).forEach(found::add);
            cursor = p.nextCursor();
        } while (cursor != null && found.size() < MAX_EVENTS);
        return Optional.of(Ics.feed(found, settings.require("SENDER_EMAIL"), now,
                room ? Ics.Detail.WITHOUT_NOTES : Ics.Detail.WITH_NOTES, found.isEmpty() ? emptyZone(feed.get()) : null));
    }

    /** The zone an empty feed's calendar names: the room's, or the default site zone. */
    private ZoneId emptyZone(Feed feed) {
        Optional<ZoneId> roomZone = feed.kind() == Feed.Kind.RESOURCE
                ? resources.byId(feed.targetId()).map(Resource::zone) : Optional.empty();
        return roomZone.orElseGet(() -> ZoneId.of(settings.optional("DEFAULT_SITE_ZONE", "Europe/Amsterdam")));
    }
}
