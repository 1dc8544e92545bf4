package nl.spil.bookings.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.spil.bookings.app.BookingASeries;
import nl.spil.bookings.app.ChangingABooking;
import nl.spil.bookings.app.ManagingResources;
import nl.spil.bookings.domain.BookableHours;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingHorizon;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.CheckInWindow;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.MaxDuration;
import nl.spil.bookings.domain.MinimumNotice;
import nl.spil.bookings.domain.Recurrence;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;

/** Reads the bookings function's request bodies with the platform's strict JSON, naming every bad field. */
final class BookingRequests {

    static final List<String> BOOKING_FIELDS = List.of("resourceId", "start", "end", "title", "notes", "recurrence");
    static final List<String> CHANGE_FIELDS = List.of("version", "resourceId", "start", "end", "title", "notes");
    static final List<String> RESOURCE_FIELDS = List.of("siteId", "type", "name", "floor", "capacity", "features", "rules");
    static final List<String> RULE_FIELDS = List.of("maxMinutes", "horizonDays", "noticeMinutes", "opens", "closes", "days",
            "checkInBeforeMinutes", "checkInAfterMinutes");

    private BookingRequests() {
    }

    /** A series wish: the rule and what to do with occurrences that cannot be booked. */
    record Repeat(Recurrence recurrence, BookingASeries.Mode mode) {
    }

    /** A booking (or series) wish as {@code POST /bookings} gives it. */
    record NewBooking(String resourceId, Booking.Wanted wanted, Optional<Repeat> repeat) {
    }

    /** A feed wish: a room's agenda (or the caller's own bookings) for how long. */
    record NewFeed(Optional<String> resourceId, Optional<Duration> validFor) {
    }

    static NewBooking booking(String body) {
        JsonFields f = JsonBody.parse(body).only(BOOKING_FIELDS);
        String resourceId = f.text("resourceId", 64);
        OffsetDateTime start = f.instant("start");
        OffsetDateTime end = f.instant("end");
        String title = f.text("title", 200);
        Optional<String> notes = f.optionalMultiline("notes", 2000);
        if (start != null && end != null && !start.isBefore(end)) {
            f.error("end", "must be after start");
        }
        Optional<Repeat> repeat = f.optionalObject("recurrence").map(BookingRequests::repeat);
        f.done();
        return new NewBooking(resourceId, new Booking.Wanted(start.toInstant(), end.toInstant(), title, notes), repeat);
    }

    private static Repeat repeat(JsonFields r) {
        r.only("rule", "mode");
        String rule = r.text("rule", 200);
        BookingASeries.Mode mode = r.oneOf("mode", BookingASeries.Mode::tryParse, "free-ones or all-or-nothing", false);
        if (rule == null) {
            return null;
        }
        Recurrence.Reading reading = Recurrence.parse(rule);
        if (reading instanceof Recurrence.Invalid invalid) {
            r.error("rule", invalid.reason());
            return null;
        }
        return new Repeat(((Recurrence.Valid) reading).recurrence(), mode == null ? BookingASeries.Mode.FREE_ONES : mode);
    }

    static ChangingABooking.Change change(String body) {
        JsonFields f = JsonBody.parse(body).only(CHANGE_FIELDS);
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        Optional<String> resourceId = f.optionalText("resourceId", 64);
        Optional<Instant> start = optionalInstant(f, "start");
        Optional<Instant> end = optionalInstant(f, "end");
        Optional<String> title = f.optionalText("title", 200);
        Optional<Optional<String>> notes = f.has("notes") ? Optional.of(f.optionalMultiline("notes", 2000)) : Optional.empty();
        f.done();
        return new ChangingABooking.Change(version, resourceId, start, end, title, notes);
    }

    private static Optional<Instant> optionalInstant(JsonFields f, String name) {
        return f.has(name) ? Optional.ofNullable(f.instant(name)).map(OffsetDateTime::toInstant) : Optional.empty();
    }

    static NewFeed feed(String body) {
        JsonFields f = JsonBody.parse(body == null || body.isBlank() ? "{}" : body).only("resourceId", "validForDays");
        Optional<String> resourceId = f.optionalText("resourceId", 64);
        Optional<Duration> validFor = validFor(f);
        f.done();
        return new NewFeed(resourceId, validFor);
    }

    /** {@code POST /calendar/feeds/{id}/renew}: an optional period (a year when absent). */
    static Optional<Duration> renewal(String body) {
        JsonFields f = JsonBody.parse(body == null || body.isBlank() ? "{}" : body).only("validForDays");
        Optional<Duration> validFor = validFor(f);
        f.done();
        return validFor;
    }

    private static Optional<Duration> validFor(JsonFields f) {
        return f.optionalInteger("validForDays", 1, Feed.MAX_VALIDITY.toDays()).map(Duration::ofDays);
    }

    /** A resource's fields (create, or a PUT that replaces them all: absent rules are the defaults). */
    static ManagingResources.Given resource(JsonFields f) {
        String siteId = f.text("siteId", 64);
        ResourceType type = f.oneOf("type", ResourceType::tryParse, "room or desk", true);
        String name = f.text("name", 120);
        String floor = f.optionalText("floor", 40).orElse("");
        Long capacity = f.integer("capacity", 1, 10_000);
        Set<String> features = new LinkedHashSet<>();
        if (f.has("features")) {
            List<String> given = f.textList("features", 20, 40, false);
            for (int i = 0; i < given.size(); i++) {
                if (!given.get(i).matches("[a-z0-9-]+")) {
                    f.error("features[" + i + "]", "must be lower-case letters, digits and dashes, such as video");
                } else {
                    features.add(given.get(i));
                }
            }
        }
        BookingRules rules = f.optionalObject("rules").map(BookingRequests::rules).orElse(BookingRules.DEFAULT);
        return new ManagingResources.Given(siteId, type, name, floor, capacity == null ? 1 : capacity.intValue(),
                features, rules);
    }

    static List<String> resourceChangeFields() {
        List<String> allowed = new ArrayList<>(RESOURCE_FIELDS);
        allowed.add("version");
        return allowed;
    }

    private static BookingRules rules(JsonFields r) {
        r.only(RULE_FIELDS);
        BookingRules d = BookingRules.DEFAULT;
        long max = r.optionalInteger("maxMinutes", 15, MaxDuration.LIMIT.toMinutes()).orElse(d.maxDuration().max().toMinutes());
        long horizon = r.optionalInteger("horizonDays", 1, 730).orElse(d.horizon().ahead().toDays());
        long notice = r.optionalInteger("noticeMinutes", 0, 60L * 24 * 30).orElse(d.notice().notice().toMinutes());
        LocalTime opens = time(r, "opens", d.hours().opens());
        LocalTime closes = time(r, "closes", d.hours().closes());
        long before = r.optionalInteger("checkInBeforeMinutes", 0, 240).orElse(d.checkIn().before().toMinutes());
        long after = r.optionalInteger("checkInAfterMinutes", 5, 240).orElse(d.checkIn().after().toMinutes());
        Set<DayOfWeek> days = r.has("days") ? days(r) : EnumSet.copyOf(d.hours().days());
        if (!opens.isBefore(closes)) {
            r.error("closes", "must be after opens");
            return d;
        }
        if (days.isEmpty()) {
            r.error("days", "must name at least one day");
            return d;
        }
        return new BookingRules(new MaxDuration(Duration.ofMinutes(max)), new BookingHorizon(Duration.ofDays(horizon)),
                new MinimumNotice(Duration.ofMinutes(notice)), new BookableHours(opens, closes, days),
                new CheckInWindow(Duration.ofMinutes(before), Duration.ofMinutes(after)));
    }

    /** A time of day; absent is the default, but an empty one is refused (it is no time, and no wish for the default). */
    private static LocalTime time(JsonFields r, String name, LocalTime fallback) {
        boolean fine = r.valid();
        Optional<LocalTime> t = r.optionalTime(name);
        if (t.isEmpty() && r.has(name) && fine && r.valid()) {
            r.error(name, "must be a time of day such as 08:30");
        }
        return t.orElse(fallback);
    }

    private static Set<DayOfWeek> days(JsonFields r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> given = r.textList("days", 7, 3, true);
        for (int i = 0; i < given.size(); i++) {
            Optional<DayOfWeek> found = Views.dayOfWeek(given.get(i));
            if (found.isEmpty()) {
                r.error("days[" + i + "]", "must be one of mon, tue, wed, thu, fri, sat, sun");
            } else {
                days.add(found.get());
            }
        }
        return days;
    }
}
