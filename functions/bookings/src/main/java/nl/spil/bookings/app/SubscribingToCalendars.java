package nl.spil.bookings.app;

import nl.spil.platform.idempotency.CreateRequest;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.spil.bookings.calendar.Ics;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.config.Settings;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * A person subscribes their calendar app to their own bookings or to a room's agenda: a secret
 * token in the feed's URL (only its SHA-256 is stored, which is also the feed's id), revocable by
 * its owner. The feed holds the bookings from 30 days back to 180 days ahead (METHOD:PUBLISH).
 */
@Singleton
public class SubscribingToCalendars {

    static final Duration BACK = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(180);
    private static final int MAX_EVENTS = 400;
    private final Feeds feeds;
    private final Resources resources;
    private final Bookings bookings;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubscribingToCalendars(Feeds feeds, Resources resources, Bookings bookings, Settings settings, Clock clock) {
        this.feeds = feeds;
        this.resources = resources;
        this.bookings = bookings;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new feed and its token (shown once). */
    public Response subscribe(Caller caller, Optional<String> resourceId, CreateRequest request,
                              BiFunction<Feeds.Grant, String, Response> answer) {
        resourceId.ifPresent(id -> resources.byId(id)
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation")));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Feeds.Grant grant = new Feeds.Grant(idOf(token), caller.id(),
                resourceId.isPresent() ? Feeds.Kind.RESOURCE : Feeds.Kind.PERSON, resourceId.orElse(caller.id()));
        // A replay answers the feed without its token: only its hash was kept.
        return feeds.add(grant, request, g -> answer.apply(g, token), g -> answer.apply(g, null));
    }

    public void revoke(Caller caller, String id) {
        Feeds.Grant grant = feeds.byId(id).orElseThrow(() -> ProblemException.notFound("calendar feed", id));
        if (!caller.mayActOnObjectOf(grant.ownerId())) {
            throw ProblemException.forbidden("calendar feed " + id + " is someone else's");
        }
        feeds.remove(grant);
    }

    /** The feed behind a token, or empty when there is none (never says whether it existed). */
    public Optional<byte[]> render(String token) {
        if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        Optional<Feeds.Grant> grant = feeds.byId(idOf(token));
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Booking> found = new ArrayList<>();
        String cursor = null;
        do {
            PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, cursor);
            Page<Booking> p = grant.get().kind() == Feeds.Kind.PERSON
                    ? bookings.ofOrganiser(grant.get().targetId(), now.minus(BACK), now.plus(AHEAD), page)
                    : bookings.ofResource(grant.get().targetId(), now.minus(BACK), now.plus(AHEAD), page);
            p.items().stream().filter(Booking::isActive).forEach(found::add);
            cursor = p.nextCursor();
        } while (cursor != null && found.size() < MAX_EVENTS);
        return Optional.of(Ics.feed(found, settings.require("SENDER_EMAIL"), now));
    }

    static String idOf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
