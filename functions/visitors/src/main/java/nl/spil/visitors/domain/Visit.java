package nl.spil.visitors.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One visitor's visit to one site. Created by {@link #register}; every change is a new value
 * with {@code version + 1}, written by the store under the condition that the version read is
 * still the stored one.
 *
 * @param groupId     the registration it came with (a group shares one; a single visit its own id)
 * @param zone        the site's zone: the visit's day, and every time shown, is local there
 * @param sequence    how many times the visitor was e-mailed about it (invitation, changes)
 * @param mailKeys    dedupe keys of every e-mail that names the visitor, so erasure can remove them
 * @param expiresAt   when the visit's personal data goes (retention after its day)
 */
public record Visit(String id, String groupId, String siteId, String siteName, ZoneId zone, Instant expectedAt,
                    int minutes, Purpose purpose, Visitor visitor, Host host, VisitStatus status, CheckInCode code,
                    String registeredBy, Instant registeredAt, boolean walkIn, Optional<Acceptance> acceptance,
                    Optional<Instant> checkedInAt, Optional<Instant> checkedOutAt, Optional<String> checkedOutBy,
                    Optional<BlockHit> blockHit, Optional<ReviewDecision> override, int sequence, long version,
                    Set<String> mailKeys, Instant expiresAt) {

    public static final int MAX_MINUTES = 24 * 60;
    public static final int MAX_GROUP = 50;

    public Visit {
        Objects.requireNonNull(id, "id");
        acceptance = acceptance == null ? Optional.empty() : acceptance;
        checkedInAt = checkedInAt == null ? Optional.empty() : checkedInAt;
        checkedOutAt = checkedOutAt == null ? Optional.empty() : checkedOutAt;
        checkedOutBy = checkedOutBy == null ? Optional.empty() : checkedOutBy;
        blockHit = blockHit == null ? Optional.empty() : blockHit;
        override = override == null ? Optional.empty() : override;
        mailKeys = Set.copyOf(mailKeys == null ? Set.of() : mailKeys);
    }

    /** What a registration asks for, one visitor of it. */
    public record Registration(String id, String groupId, String siteId, String siteName, ZoneId zone,
                               Instant expectedAt, int minutes, Purpose purpose, Visitor visitor, Host host,
                               CheckInCode code, String registeredBy, boolean walkIn, Retention retention) {
    }

    /**
     * A new visit: expected, or waiting for the office manager's review when a block-list entry
     * matched the visitor ({@code hit}).
     */
    public static Visit register(Registration r, Optional<BlockHit> hit, Instant now) {
        if (r.minutes() < 1 || r.minutes() > MAX_MINUTES) {
            throw Refusal.rule("visit-too-long", "Visit too long", "a visit lasts 1 to " + MAX_MINUTES + " minutes");
        }
        LocalDate day = r.expectedAt().atZone(r.zone()).toLocalDate();
        if (day.isBefore(now.atZone(r.zone()).toLocalDate())) {
            throw Refusal.rule("visit-in-the-past", "Visit in the past", "the expected arrival is on a day that has passed at the site");
        }
        return new Visit(r.id(), r.groupId(), r.siteId(), r.siteName(), r.zone(), r.expectedAt(), r.minutes(),
                r.purpose(), r.visitor(), r.host(), hit.isPresent() ? VisitStatus.NEEDS_REVIEW : VisitStatus.EXPECTED,
                r.code(), r.registeredBy(), now, r.walkIn(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), hit, Optional.empty(), 0, 1, Set.of(), r.retention().expiresAt(day, r.zone()));
    }

    /** The visit's day at its site. */
    public LocalDate day() {
        return expectedAt.atZone(zone).toLocalDate();
    }

    public boolean isOnSite() {
        return status == VisitStatus.CHECKED_IN;
    }

    /** Still to come (expected or waiting for review), so a leaver's or a change's concern. */
    public boolean isUpcoming() {
        return status == VisitStatus.EXPECTED || status == VisitStatus.NEEDS_REVIEW;
    }

    /**
     * The visitor arrives, having accepted {@code accepted}; the site's rules are at
     * {@code currentRules} now (0: the site has none, and then nothing needs accepting).
     */
    public Visit checkIn(Acceptance accepted, int currentRules, Instant now) {
        switch (status) {
            case CHECKED_IN, CHECKED_OUT -> throw Refusal.conflict("already-checked-in", "Already checked in",
                    "this visitor was checked in already");
            case CANCELLED, REFUSED -> throw Refusal.conflict("visit-not-expected", "Visit not expected",
                    "this visit was " + status.word());
            case NEEDS_REVIEW -> throw new Refusal(Refusal.Kind.NOT_ALLOWED, "visitor-see-reception", "Please see reception",
                    "reception must help this visitor; the office manager reviews the visit").refused();
            default -> { }
        }
        if (!day().equals(now.atZone(zone).toLocalDate())) {
            throw Refusal.rule("not-today", "Not expected today", "this visit is expected on " + day());
        }
        if (currentRules > 0 && accepted.version() != currentRules) {
            throw Refusal.rule("house-rules-not-accepted", "House rules not accepted",
                    "the visitor must accept the current house rules, version " + currentRules);
        }
        return new Visit(id, groupId, siteId, siteName, zone, expectedAt, minutes, purpose, visitor, host,
                VisitStatus.CHECKED_IN, code, registeredBy, registeredAt, walkIn, Optional.of(accepted), Optional.of(now),
                Optional.empty(), Optional.empty(), blockHit, override, sequence, version + 1, mailKeys, expiresAt);
    }

    /** The visitor leaves (or is signed out at the day's end, {@code by} "day-end"). */
    public Visit checkOut(String by, Instant now) {
        if (status != VisitStatus.CHECKED_IN) {
            throw Refusal.conflict("not-on-site", "Not on site", "this visitor is not checked in");
        }
        return new Visit(id, groupId, siteId, siteName, zone, expectedAt, minutes, purpose, visitor, host,
                VisitStatus.CHECKED_OUT, code, registeredBy, registeredAt, walkIn, acceptance, checkedInAt,
                Optional.of(now), Optional.of(by), blockHit, override, sequence, version + 1, mailKeys, expiresAt);
    }

    /** Minutes on site, once checked out. */
    public Optional<Long> minutesOnSite() {
        return checkedInAt.flatMap(in -> checkedOutAt.map(out -> Duration.between(in, out).toMinutes()));
    }

    public Visit cancel() {
        if (!isUpcoming()) {
            throw Refusal.conflict("visit-not-upcoming", "Visit cannot be cancelled", "this visit is " + status.word());
        }
        return with(VisitStatus.CANCELLED, expectedAt, minutes, purpose, host, code, override, sequence + 1, expiresAt);
    }

    /** Another arrival time, length or purpose; the visitor is told again. */
    public Visit change(Instant newExpectedAt, int newMinutes, Purpose newPurpose, CheckInCode newCode,
                        Retention retention, Instant now) {
        if (!isUpcoming()) {
            throw Refusal.conflict("visit-not-upcoming", "Visit cannot be changed", "this visit is " + status.word());
        }
        if (newMinutes < 1 || newMinutes > MAX_MINUTES) {
            throw Refusal.rule("visit-too-long", "Visit too long", "a visit lasts 1 to " + MAX_MINUTES + " minutes");
        }
        LocalDate day = newExpectedAt.atZone(zone).toLocalDate();
        if (day.isBefore(now.atZone(zone).toLocalDate())) {
            throw Refusal.rule("visit-in-the-past", "Visit in the past", "the expected arrival is on a day that has passed at the site");
        }
        return with(status, newExpectedAt, newMinutes, newPurpose, host, newCode, override, sequence + 1,
                retention.expiresAt(day, zone));
    }

    /** Another host (the first left the organisation); the visit stays as it was. */
    public Visit handTo(Host newHost) {
        return with(status, expectedAt, minutes, purpose, newHost, code, override, sequence, expiresAt);
    }

    /** The office manager's review of a visit the block list stopped. */
    public Visit review(ReviewDecision decision) {
        if (status != VisitStatus.NEEDS_REVIEW) {
            throw Refusal.conflict("not-in-review", "Not waiting for review", "this visit is " + status.word());
        }
        return with(decision.approved() ? VisitStatus.EXPECTED : VisitStatus.REFUSED, expectedAt, minutes, purpose,
                host, code, Optional.of(decision), decision.approved() ? sequence + 1 : sequence, expiresAt);
    }

    /** The same visit, having also e-mailed under {@code dedupeKey}. */
    public Visit mailed(String dedupeKey) {
        Set<String> keys = new LinkedHashSet<>(mailKeys);
        keys.add(dedupeKey);
        return new Visit(id, groupId, siteId, siteName, zone, expectedAt, minutes, purpose, visitor, host, status, code,
                registeredBy, registeredAt, walkIn, acceptance, checkedInAt, checkedOutAt, checkedOutBy, blockHit,
                override, sequence, version, keys, expiresAt);
    }

    /** A block-list match at check-in, recorded on the visit (which stays expected). */
    public Visit hit(BlockHit atCheckIn) {
        return new Visit(id, groupId, siteId, siteName, zone, expectedAt, minutes, purpose, visitor, host, status, code,
                registeredBy, registeredAt, walkIn, acceptance, checkedInAt, checkedOutAt, checkedOutBy,
                Optional.of(atCheckIn), override, sequence, version + 1, mailKeys, expiresAt);
    }

    /** True when an office manager let this visitor in despite the block list. */
    public boolean overridden() {
        return override.map(ReviewDecision::approved).orElse(false);
    }

    private Visit with(VisitStatus newStatus, Instant newExpectedAt, int newMinutes, Purpose newPurpose, Host newHost,
                       CheckInCode newCode, Optional<ReviewDecision> newOverride, int newSequence, Instant newExpiresAt) {
        return new Visit(id, groupId, siteId, siteName, zone, newExpectedAt, newMinutes, newPurpose, visitor, newHost,
                newStatus, newCode, registeredBy, registeredAt, walkIn, acceptance, checkedInAt, checkedOutAt,
                checkedOutBy, blockHit, newOverride, newSequence, version + 1, mailKeys, newExpiresAt);
    }

    @Override
    public String toString() {
        return "Visit[" + id + ", " + status.word() + "]";
    }
}
