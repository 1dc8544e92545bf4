package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import nl.spil.bookings.domain.Feed;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * A person subscribes their calendar app to their own bookings, or (the office manager and
 * reception, who keep the rooms) to a room's agenda: a secret token in the feed's URL (only its
 * SHA-256 is stored, which is also the feed's id). A feed records who made it and when, serves
 * for a year unless asked for less, is renewed and revoked by its owner (or the office manager),
 * and ends when its owner leaves (see {@link ForgettingALeaver}).
 */
@Singleton
public class SubscribingToCalendars {

    /** Who may subscribe to a room's agenda: the people who keep the rooms, not every colleague. */
    static final Set<Role> ROOM_SUBSCRIBERS = Set.of(Role.OFFICE_MANAGER, Role.RECEPTION);
    private final Feeds feeds;
    private final Resources resources;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubscribingToCalendars(Feeds feeds, Resources resources, Clock clock) {
        this.feeds = feeds;
        this.resources = resources;
        this.clock = clock;
    }

    /** A new feed and its token (answered once: a replay answers the feed with a null token). */
    public Response subscribe(Caller caller, Optional<String> resourceId, Optional<Duration> validFor,
                              CreateRequest request, BiFunction<Feed, String, Response> answer) {
        if (resourceId.isPresent()) {
            if (!caller.hasAny(ROOM_SUBSCRIBERS)) {
                throw ProblemException.forbidden("only the office manager and reception subscribe to a room's agenda");
            }
            resources.byId(resourceId.get())
                    .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Feed feed = Feed.open(idOf(token), caller.id(), resourceId.orElse(null),
                validFor.orElse(Feed.DEFAULT_VALIDITY), clock.instant());
        return feeds.add(feed, request, f -> answer.apply(f, token), f -> answer.apply(f, null));
    }

    /** The caller's feeds, newest first (never their tokens). */
    public Page<Feed> mine(Caller caller, PageRequest page) {
        return feeds.ofOwner(caller.id(), page);
    }

    /** Another period from now (a year unless asked for less), also for a feed that expired. */
    public Feed renew(Caller caller, String id, Optional<Duration> validFor) {
        Feed current = owned(caller, id);
        Feed renewed = current.renewed(validFor.orElse(Feed.DEFAULT_VALIDITY), clock.instant());
        feeds.renew(current, renewed);
        return renewed;
    }

    public void revoke(Caller caller, String id) {
        feeds.remove(owned(caller, id));
    }

    /** The caller's feed (any, for the office manager); 404 for a missing one and for someone else's. */
    private Feed owned(Caller caller, String id) {
        return feeds.byId(id).filter(f -> caller.mayActOnObjectOf(f.ownerId()))
                .orElseThrow(() -> ProblemException.notFound("calendar feed", id));
    }

    /** The feed id of a token: the first 128 bits of its SHA-256, in hex. */
    static String idOf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
