package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingRequest;
import nl.spil.bookings.domain.Recurrence;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.RuleBroken;
import nl.spil.bookings.domain.Series;
import nl.spil.bookings.domain.Slots;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * Someone books a recurring meeting: the rule is expanded (at most the resource's horizon and
 * {@link Recurrence#MAX_OCCURRENCES}), each occurrence is checked against the rules and booked in
 * its own conditional transaction, and the organiser chooses what happens to occurrences that
 * cannot be booked: {@code free-ones} books the others and reports them; {@code all-or-nothing}
 * books none (409 listing every conflict). One e-mail carries the invitations of all booked
 * occurrences. Occurrence ids derive from the series id, which derives from the Idempotency-Key
 * when there is one, so a retried series books nothing twice and answers the first answer.
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

    /** An occurrence that was not booked, and why. */
    public record Skipped(Instant start, Instant end, String type, String detail, Map<String, Object> conflict) {
    }

    /** What was booked and what was not. */
    public record Outcome(Series series, List<Booking> booked, List<Skipped> skipped) {
    }

    private final Resources resources;
    private final Bookings bookings;
    private final BookingMails mails;
    private final Ids ids;
    private final Clock clock;

    public BookingASeries(Resources resources, Bookings bookings, BookingMails mails, Ids ids, Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
    }

    public Response book(Caller caller, BookingAResource.Wanted wanted, Recurrence recurrence, Mode mode,
                         CreateRequest request, Function<Outcome, Response> answer) {
        Resource resource = resources.byId(wanted.resourceId())
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
        Instant now = clock.instant();
        ZonedDateTime first = wanted.start().atZone(resource.zone());
        Duration length = Duration.between(wanted.start(), wanted.end());
        ZonedDateTime horizon = now.plus(resource.rules().horizon().ahead()).atZone(resource.zone());
        List<ZonedDateTime> starts = recurrence.starts(first, horizon);
        String seriesId = seriesId(caller, request);

        List<Booking> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i).toInstant();
            Instant end = start.plus(length);
            List<RuleBroken> broken = resource.rules().broken(new BookingRequest(start, end, resource.zone(), now));
            if (!broken.isEmpty()) {
                skipped.add(new Skipped(start, end, broken.get(0).slug(), broken.get(0).detail(), Map.of()));
                continue;
            }
            candidates.add(new Booking(Series.occurrenceId(seriesId, i), resource.id(), resource.name(), resource.siteId(),
                    resource.zone(), caller.id(), caller.email().orElse(""), wanted.title(), start, end,
                    resource.rules().checkIn().closesAt(start), Booking.Status.BOOKED, Optional.empty(), wanted.notes(),
                    Optional.of(seriesId), 0, 1, now, now));
        }
        if (candidates.isEmpty() && skipped.isEmpty()) {
            throw ProblemException.unprocessable("series-empty", "Nothing to book",
                    "the rule gives no occurrence within the booking horizon");
        }
        if (mode == Mode.ALL_OR_NOTHING) {
            List<Optional<Instant>> taken = bookings.firstTaken(candidates);
            for (int i = 0; i < candidates.size(); i++) {
                Booking c = candidates.get(i);
                taken.get(i).ifPresent(q -> skipped.add(taken(c, q)));
            }
            if (!skipped.isEmpty()) {
                throw conflicts(skipped, resource.zone());
            }
        }
        List<Booking> booked = new ArrayList<>();
        for (Booking c : candidates) {
            try {
                bookings.bookOccurrence(c);
                booked.add(c);
            } catch (ProblemException e) {
                if (e.problem().status() != 409) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> conflict = (Map<String, Object>) e.extensions().getOrDefault("conflict", Map.of());
                skipped.add(new Skipped(c.start(), c.end(), "slot-taken", e.problem().detail(), conflict));
                if (mode == Mode.ALL_OR_NOTHING) {
                    // someone took a slot between the check and the write: take back what this request booked
                    booked.forEach(b -> bookings.cancel(b, b.cancelled(now), Optional.empty()));
                    throw conflicts(skipped, resource.zone());
                }
            }
        }
        if (booked.isEmpty()) {
            throw conflicts(skipped, resource.zone());
        }
        skipped.sort(java.util.Comparator.comparing(Skipped::start));
        Series series = new Series(seriesId, resource.id(), caller.id(), caller.email().orElse(""), recurrence.rule(),
                booked.stream().map(Booking::id).toList(), 0, false);
        Outcome outcome = new Outcome(series, booked, skipped);
        return bookings.addSeries(series, mails.seriesBooked(booked, skipped.size()), request, answer.apply(outcome),
                // a replay answers the series as it is now: its occurrences still booked, no skipped list
                id -> bookings.series(id).map(s -> answer.apply(new Outcome(s, s.bookingIds().stream()
                        .map(bookings::byId).flatMap(Optional::stream)
                        .filter(b -> b.status() == Booking.Status.BOOKED).toList(), List.of()))));
    }

    private static Skipped taken(Booking b, Instant quarter) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("resourceId", b.resourceId());
        slot.put("start", quarter.atZone(b.zone()).toOffsetDateTime().toString());
        slot.put("end", quarter.plus(Slots.QUARTER).atZone(b.zone()).toOffsetDateTime().toString());
        return new Skipped(b.start(), b.end(), "slot-taken", b.resourceName() + " is already booked from "
                + slot.get("start") + " to " + slot.get("end"), slot);
    }

    static ProblemException conflicts(List<Skipped> skipped, java.time.ZoneId zone) {
        List<Map<String, Object>> list = new ArrayList<>();
        skipped.stream().sorted(java.util.Comparator.comparing(Skipped::start)).forEach(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", s.start().atZone(zone).toOffsetDateTime().toString());
            m.put("end", s.end().atZone(zone).toOffsetDateTime().toString());
            m.put("type", s.type());
            m.put("detail", s.detail());
            if (!s.conflict().isEmpty()) {
                m.put("conflict", s.conflict());
            }
            list.add(m);
        });
        return new ProblemException(Problem.of(409, "series-conflicts", "Occurrences cannot be booked",
                list.size() + " occurrence(s) cannot be booked; nothing was booked"), Map.of("occurrences", list));
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
