package nl.spil.mailroom.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One logged item of post: a letter (or a bundle of them), a registered letter, a parcel or a
 * pallet, from arrival at reception until it is handed out, forwarded or returned, and then kept
 * {@link SiteSettings#keepDays()} days before it is deleted with its photo.
 *
 * <p>The pickup code is shared by everything one logging request brought for one recipient
 * (their e-mail names it once); after {@value #MAX_WRONG_CODES} wrong codes the item locks until
 * reception unlocks it.
 */
public record MailItem(String id, String batchId, String siteId, ZoneId zone, MailDetails details, Recipient recipient, String shelf,
                       Instant receivedAt, Instant loggedAt, String loggedBy, String pickupCode, List<String> notified,
                       MailStatus status, Scan scan, int wrongCodes, boolean locked, int remindedLevel,
                       boolean returnListed, Optional<HandOut> handOut, Optional<Forwarding> forwarding,
                       Optional<Returned> returned, Optional<Instant> keepUntil, long version) {

    public static final int MAX_WRONG_CODES = 5;
    public static final int CODE_DIGITS = 6;

    public MailItem {
        notified = List.copyOf(notified);
    }

    /** A newly logged item, waiting on its shelf. */
    public static MailItem log(String id, String batchId, String siteId, ZoneId zone, MailDetails details, Recipient recipient,
                               String shelf, Instant receivedAt, Instant now, String loggedBy, String pickupCode,
                               List<String> notified, Scan scan) {
        return new MailItem(id, batchId, siteId, zone, details, recipient, shelf, receivedAt, now, loggedBy, pickupCode,
                notified, MailStatus.WAITING, scan, 0, false, 0, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 1);
    }

    /** A well-formed pickup code: six digits. */
    public static boolean isWellFormedCode(String code) {
        return code != null && code.length() == CODE_DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The attempt to hand an item out: with the code, or with the recipient there in person. */
    public record Attempt(Optional<String> code, String collectorId, String collectorName, boolean byDelegate,
                          String receptionistId, String receptionistName) {
    }

    /** What an attempt did: handed the item out, or counted a wrong code (and perhaps locked it). */
    public sealed interface Outcome {
        MailItem item();
    }

    public record HandedOut(MailItem item) implements Outcome {
    }

    public record WrongCode(MailItem item, int triesLeft) implements Outcome {
    }

    /**
     * Hands the item out, or counts a wrong code.
     *
     * @throws Refusal.Refused 409 when it is no longer here, 422 when it is locked
     */
    public Outcome handOut(Attempt attempt, Instant now, int keepDays) {
        requireOnShelf("handed out");
        if (locked) {
            throw Refusal.rule("pickup-locked", "Locked after wrong codes",
                    "item " + id + " was locked after " + MAX_WRONG_CODES + " wrong pickup codes; reception must unlock it first").refused();
        }
        if (attempt.code().isPresent() && !sameCode(attempt.code().get())) {
            int tries = wrongCodes + 1;
            MailItem counted = with(status, tries, tries >= MAX_WRONG_CODES, handOut, forwarding, returned, keepUntil);
            return new WrongCode(counted, Math.max(0, MAX_WRONG_CODES - tries));
        }
        HandOut done = new HandOut(now, attempt.collectorId(), attempt.collectorName(), attempt.byDelegate(),
                attempt.receptionistId(), attempt.receptionistName(),
                attempt.code().isPresent() ? HandOut.Check.CODE : HandOut.Check.IDENTITY);
        return new HandedOut(with(MailStatus.COLLECTED, wrongCodes, false, Optional.of(done),
                forwarding.map(Forwarding::withoutAddress), returned, Optional.of(keep(now, keepDays))));
    }

    private boolean sameCode(String code) {
        return MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), pickupCode.getBytes(StandardCharsets.UTF_8));
    }

    /** Reception lifts the lock after wrong codes; the count starts again. */
    public MailItem unlocked() {
        requireOnShelf("unlocked");
        return with(status, 0, false, handOut, forwarding, returned, keepUntil);
    }

    /** The recipient asks for the item to be sent on to them. */
    public MailItem forwardingRequested(boolean toHome, Address address, Instant now) {
        if (status == MailStatus.FORWARD_REQUESTED) {
            throw Refusal.conflict("forward-already-requested", "Forwarding already requested",
                    "item " + id + " is already waiting to be forwarded").refused();
        }
        requireOnShelf("forwarded");
        if (details.kind() == MailKind.PALLET) {
            throw Refusal.rule("not-forwardable", "A pallet is not forwarded", "pallets are collected at the site").refused();
        }
        return with(MailStatus.FORWARD_REQUESTED, wrongCodes, locked, handOut,
                Optional.of(Forwarding.requested(now, toHome, address)), returned, keepUntil);
    }

    /** Reception or the office manager sent it on, with the carrier's tracking number. */
    public MailItem forwarded(Carrier carrier, String trackingNumber, String by, Instant now, int keepDays) {
        if (status == MailStatus.WAITING) {
            throw Refusal.rule("no-forwarding-requested", "No forwarding requested",
                    "the recipient has not asked for item " + id + " to be forwarded").refused();
        }
        requireOnShelf("forwarded");
        return with(MailStatus.FORWARDED, wrongCodes, false, handOut,
                forwarding.map(f -> f.sent(carrier, trackingNumber, by, now)), returned, Optional.of(keep(now, keepDays)));
    }

    /** Sent back to its sender. */
    public MailItem returnedToSender(Carrier carrier, String trackingNumber, String by, Instant now, int keepDays) {
        requireOnShelf("returned");
        return with(MailStatus.RETURNED, wrongCodes, false, handOut, forwarding.map(Forwarding::withoutAddress),
                Optional.of(new Returned(now, by, carrier, trackingNumber)), Optional.of(keep(now, keepDays)));
    }

    /** The recipient left the organisation: no name, no code, nobody to tell; it goes back to its sender. */
    public MailItem recipientLeft() {
        return new MailItem(id, batchId, siteId, zone, details, new Recipient.Left(), shelf, receivedAt, loggedAt, loggedBy, "",
                List.of(), status == MailStatus.FORWARD_REQUESTED ? MailStatus.WAITING : status, scan, wrongCodes, locked,
                remindedLevel, false, handOut, Optional.empty(), returned, keepUntil, version + 1);
    }

    public MailItem withScan(Scan attached) {
        return new MailItem(id, batchId, siteId, zone, details, recipient, shelf, receivedAt, loggedAt, loggedBy, pickupCode,
                notified, status, attached, wrongCodes, locked, remindedLevel, returnListed, handOut, forwarding, returned,
                keepUntil, version + 1);
    }

    /**
     * The reminder due today (1 or 2; 0 for none): an item waiting since {@code receivedAt} gets the
     * first after {@link SiteSettings#firstReminderDays()} days, the second after
     * {@link SiteSettings#secondReminderDays()}, each once, counted in the site's days.
     */
    public int reminderDue(LocalDate today, ZoneId zone, SiteSettings settings) {
        if (status != MailStatus.WAITING || recipient instanceof Recipient.Left) {
            return 0;
        }
        long days = daysWaiting(today, zone);
        int level = days >= settings.secondReminderDays() ? 2 : days >= settings.firstReminderDays() ? 1 : 0;
        return level > remindedLevel ? level : 0;
    }

    /** Due for the office manager's return-to-sender list (once): waiting too long, or its recipient left. */
    public boolean returnDue(LocalDate today, ZoneId zone, SiteSettings settings) {
        return status == MailStatus.WAITING && !returnListed
                && (recipient instanceof Recipient.Left || daysWaiting(today, zone) >= settings.returnAfterDays());
    }

    public long daysWaiting(LocalDate today, ZoneId zone) {
        return ChronoUnit.DAYS.between(receivedAt.atZone(zone).toLocalDate(), today);
    }

    public MailItem reminded(int level) {
        return new MailItem(id, batchId, siteId, zone, details, recipient, shelf, receivedAt, loggedAt, loggedBy, pickupCode,
                notified, status, scan, wrongCodes, locked, Math.max(remindedLevel, level), returnListed, handOut, forwarding,
                returned, keepUntil, version + 1);
    }

    public MailItem listedForReturn() {
        return new MailItem(id, batchId, siteId, zone, details, recipient, shelf, receivedAt, loggedAt, loggedBy, pickupCode,
                notified, status, scan, wrongCodes, locked, remindedLevel, true, handOut, forwarding, returned, keepUntil,
                version + 1);
    }

    /** When it left the shelf (handed out, forwarded or returned). */
    public Optional<Instant> doneAt() {
        return switch (status) {
            case COLLECTED -> handOut.map(HandOut::at);
            case FORWARDED -> forwarding.flatMap(Forwarding::forwardedAt);
            case RETURNED -> returned.map(Returned::at);
            default -> Optional.empty();
        };
    }

    private void requireOnShelf(String what) {
        if (!status.onShelf()) {
            throw Refusal.conflict("already-" + status.code(), "Already " + status.code(),
                    "item " + id + " was " + status.code() + " already and cannot be " + what).refused();
        }
    }

    private static Instant keep(Instant now, int keepDays) {
        return now.plus(Duration.ofDays(keepDays));
    }

    private MailItem with(MailStatus newStatus, int codes, boolean isLocked, Optional<HandOut> out,
                          Optional<Forwarding> forward, Optional<Returned> back, Optional<Instant> keep) {
        return new MailItem(id, batchId, siteId, zone, details, recipient, shelf, receivedAt, loggedAt, loggedBy, pickupCode,
                notified, newStatus, scan, codes, isLocked, remindedLevel, returnListed, out, forward, back, keep, version + 1);
    }
}
