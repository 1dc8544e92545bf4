package nl.spil.bookings.app;

import static nl.spil.platform.metrics.Outcome.BOOKING_MADE;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Recurrence;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.RuleBroken;
import nl.spil.bookings.domain.Series;
import nl.spil.bookings.domain.SeriesConflicts;
import nl.spil.bookings.domain.Skipped;
import nl.spil.bookings.domain.SlotTaken;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.Outcomes;

/**
 * Someone books a recurring meeting: the rule is expanded (at most {@link Recurrence#MAX_OCCURRENCES};
 * a rule that gives more is refused), each occurrence is checked against the resource's rules
 * (one beyond the booking horizon is refused by the horizon rule, so it is reported, never
 * dropped) and booked in its own conditional transaction, and the organiser chooses what happens
 * to occurrences that cannot be booked: {@code free-ones} books the others and reports them;
 * {@code all-or-nothing} books none (409 listing every one). One e-mail carries the invitations
 * of all booked occurrences and names those not booked and why. Occurrence ids derive from the
 * series id, which derives from the Idempotency-Key when there is one, so a retried series books
 * nothing twice and answers the series as it is now.
 */
@Singleton
public class BookingASeries {

    public enum Mode {
        FREE_ONES, ALL_OR_NOTHING;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Mode> tryParse(String s) {
            for (Mode m : values()) {
                if (m.code().equals(s)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** What was booked and what was not. */
    public record Outcome(Series series, List<Booking> booked, List<Skipped> skipped) {
    }

    private final Resources resources;
    private final Bookings bookings;
    private final RecurringSeries allSeries;
    private final BookingMails mails;
    private final Ids ids;
    private final Clock clock;
    private final Outcomes outcomes;

    public BookingASeries(Resources resources, Bookings bookings, RecurringSeries allSeries, BookingMails mails,
                          Ids ids, Clock clock, Outcomes outcomes) {
        this.resources = resources;
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public Response book(Caller caller, String resourceId, Booking.Wanted wanted, Recurrence recurrence, Mode mode,
                         CreateRequest request, Function<Outcome, Response> answer) {
        Resource resource = BookingAResource.bookable(resources, resourceId);
        Booking.Organiser organiser = BookingAResource.organiser(caller);
        Instant now = clock.instant();
        List<ZonedDateTime> starts = recurrence.starts(wanted.start().atZone(resource.zone()));
        if (starts.size() > Recurrence.MAX_OCCURRENCES) {
            throw new RuleBroken("series-too-long", "Too many occurrences", "the rule gives more than "
                    + Recurrence.MAX_OCCURRENCES + " occurrences, and a series books at most that many at once: "
                    + "give a COUNT of at most " + Recurrence.MAX_OCCURRENCES + " or an earlier UNTIL").refused();
        }
        if (starts.isEmpty()) {
            throw new RuleBroken("series-empty", "Nothing to book", "the rule gives no occurrence from the start on")
                    .refused();
        }
        String seriesId = seriesId(caller, request);
        Duration length = Duration.between(wanted.start(), wanted.end());
        List<Booking> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i).toInstant();
            Instant end = start.plus(length);
            try {
                candidates.add(Booking.book(Series.occurrenceId(seriesId, i), resource, organiser,
                        new Booking.Wanted(start, end, wanted.title(), wanted.notes()), Optional.of(seriesId), now));
            } catch (Refused refused) {
                skipped.add(new Skipped(start, end, refused.refusal()));
            }
        }
        if (mode == Mode.ALL_OR_NOTHING) {
            List<Optional<Instant>> taken = candidates.isEmpty() ? List.of() : bookings.firstTaken(candidates);
            for (int i = 0; i < candidates.size(); i++) {
                Booking c = candidates.get(i);
                taken.get(i).ifPresent(q -> skipped.add(new Skipped(c.start(), c.end(), SlotTaken.of(c, q, Optional.empty()))));
            }
            if (!skipped.isEmpty()) {
                throw new Refused(new SeriesConflicts(skipped, resource.zone()));
            }
        }
        List<Booking> booked = bookEach(candidates, mode, skipped, now);
        if (booked.isEmpty()) {
            throw new Refused(new SeriesConflicts(skipped, resource.zone()));
        }
        skipped.sort(Comparator.comparing(Skipped::start));
        Series series = Series.of(seriesId, organiser, resource.id(), recurrence.rule(), booked);
        Outcome outcome = new Outcome(series, booked, skipped);
        return allSeries.add(series, mails.seriesBooked(booked, skipped), request, answer.apply(outcome),
                // a replay answers the series as it is now: its occurrences still booked, no skipped list
                id -> allSeries.byId(id).map(s -> answer.apply(new Outcome(s, s.bookingIds().stream()
                        .map(bookings::byId).flatMap(Optional::stream).filter(Booking::isActive).toList(), List.of()))));
    }

    /**
     * Each candidate in its own transaction; in all-or-nothing, a slot taken meanwhile takes back what was booked.
     * Counts the occurrences booked now (not those a retried series had booked before) once none can be taken back.
     */
    private List<Booking> bookEach(List<Booking> candidates, Mode mode, List<Skipped> skipped, Instant now) {
        List<Booking> booked = new ArrayList<>();
        int bookedNow = 0;
        for (Booking c : candidates) {
            try {
                if (bookings.bookOccurrence(c) == Bookings.Occurrence.BOOKED) {
                    bookedNow++;
                }
                booked.add(c);
            } catch (Refused refused) {
                skipped.add(new Skipped(c.start(), c.end(), refused.refusal()));
                if (mode == Mode.ALL_OR_NOTHING) {
                    booked.forEach(b -> bookings.cancel(b, b.cancelled(now), Optional.empty()));
                    throw new Refused(new SeriesConflicts(skipped, c.zone()));
                }
            }
        }
        outcomes.record(BOOKING_MADE, bookedNow);
        return booked;
    }

    private String seriesId(Caller caller, CreateRequest request) {
        if (request.idempotencyKey() == null) {
            return "S" + ids.next();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((caller.id() + "\u0000series\u0000"
                    + request.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
            return "S" + HexFormat.of().formatHex(hash, 0, 13).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
