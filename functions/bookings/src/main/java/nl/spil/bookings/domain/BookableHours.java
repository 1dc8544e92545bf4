package nl.spil.bookings.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a resource can be booked, in its site's zone: from {@code opens} to {@code closes} on
 * {@code days}, and within one site day (a booking never crosses local midnight).
 */
public record BookableHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    public static final String SLUG = "outside-bookable-hours";
    public static final BookableHours OFFICE = new BookableHours(LocalTime.of(7, 0), LocalTime.of(20, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public BookableHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("bookable hours open before they close");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("bookable on at least one day");
        }
        days = Set.copyOf(days);
    }

    public Optional<RuleBroken> check(BookingRequest r) {
        ZonedDateTime start = r.localStart();
        ZonedDateTime end = r.localEnd();
        if (!start.toLocalDate().equals(end.toLocalDate()) && !(end.toLocalTime().equals(LocalTime.MIDNIGHT)
                && end.toLocalDate().equals(start.toLocalDate().plusDays(1)))) {
            return refuse("a booking starts and ends on the same day in the site's time zone (" + r.zone().getId() + ")");
        }
        if (!days.contains(start.getDayOfWeek())) {
            return refuse("this resource cannot be booked on " + start.getDayOfWeek().name().toLowerCase(Locale.ROOT));
        }
        LocalTime endTime = end.toLocalDate().equals(start.toLocalDate()) ? end.toLocalTime() : LocalTime.MAX;
        if (start.toLocalTime().isBefore(opens) || endTime.isAfter(closes)) {
            return refuse("this resource can be booked from " + opens + " to " + closes + " (" + r.zone().getId() + ")");
        }
        return Optional.empty();
    }

    private static Optional<RuleBroken> refuse(String detail) {
        return Optional.of(new RuleBroken(SLUG, "Outside bookable hours", detail));
    }
}
