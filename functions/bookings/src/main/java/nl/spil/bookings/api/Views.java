package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Resource;

/** The JSON the bookings function answers with. Times carry the site's offset. */
final class Views {

    private Views() {
    }

    static String at(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }

    @Serdeable
    record RulesView(long maxMinutes, long horizonDays, long noticeMinutes, String opens, String closes,
                     List<String> days, long checkInBeforeMinutes, long checkInAfterMinutes) {

        static RulesView of(BookingRules r) {
            return new RulesView(r.maxDuration().max().toMinutes(), r.horizon().ahead().toDays(),
                    r.notice().notice().toMinutes(), r.hours().opens().toString(), r.hours().closes().toString(),
                    r.hours().days().stream().sorted().map(Views::day).toList(), r.checkIn().before().toMinutes(),
                    r.checkIn().after().toMinutes());
        }
    }

    @Serdeable
    record ResourceView(String id, String siteId, String timeZone, String type, String name, String floor,
                        int capacity, List<String> features, RulesView rules, long version, String createdAt,
                        String updatedAt) {

        static ResourceView of(Resource r) {
            return new ResourceView(r.id(), r.siteId(), r.zone().getId(), r.type().code(), r.name(), r.floor(),
                    r.capacity(), r.features().stream().sorted().toList(), RulesView.of(r.rules()), r.version(),
                    r.createdAt().toString(), r.updatedAt().toString());
        }
    }

    @Serdeable
    record BookingView(String id, String resourceId, String resourceName, String siteId, String timeZone,
                       String organiserId, String organiserEmail, String title, String start, String end,
                       String checkInClosesAt, String status, @Nullable String checkedInAt, @Nullable String notes,
                       @Nullable String seriesId, int sequence, long version, String createdAt, String updatedAt) {

        static BookingView of(Booking b) {
            return new BookingView(b.id(), b.resourceId(), b.resourceName(), b.siteId(), b.zone().getId(),
                    b.organiserId(), b.organiserEmail(), b.title(), at(b.start(), b.zone()), at(b.end(), b.zone()),
                    at(b.releaseAt(), b.zone()), b.status().name().toLowerCase(Locale.ROOT),
                    b.checkedInAt().map(t -> at(t, b.zone())).orElse(null), b.notes().orElse(null),
                    b.seriesId().orElse(null), b.sequence(), b.version(), b.createdAt().toString(),
                    b.updatedAt().toString());
        }
    }

    @Serdeable
    record DayEntryView(String bookingId, String resourceId, String resourceName, String start, String end,
                        String title, String organiserEmail, @Nullable String notes, boolean checkedIn) {

        static DayEntryView of(DayEntry e, ZoneId zone) {
            return new DayEntryView(e.bookingId(), e.resourceId(), e.resourceName(), at(e.start(), zone),
                    at(e.end(), zone), e.title(), e.organiserEmail(), e.notes().orElse(null), e.checkedIn());
        }
    }

    @Serdeable
    record DayView(String siteId, String date, List<DayEntryView> items) {
    }

    @Serdeable
    record AvailabilityView(String siteId, String start, String end, List<ResourceView> free) {
    }

    @Serdeable
    record SkippedView(String start, String end, String type, String detail) {

        static SkippedView of(nl.spil.bookings.app.BookingASeries.Skipped s, ZoneId zone) {
            return new SkippedView(at(s.start(), zone), at(s.end(), zone), s.type(), s.detail());
        }
    }

    @Serdeable
    record SeriesChangeView(List<BookingView> changed, List<SkippedView> skipped) {
    }

    @Serdeable
    record SeriesView(String seriesId, String rule, List<BookingView> booked, List<SkippedView> skipped) {

        static SeriesView of(nl.spil.bookings.app.BookingASeries.Outcome o) {
            ZoneId zone = o.booked().get(0).zone();
            return new SeriesView(o.series().id(), o.series().rule(), o.booked().stream().map(BookingView::of).toList(),
                    o.skipped().stream().map(s -> new SkippedView(at(s.start(), zone), at(s.end(), zone), s.type(),
                            s.detail())).toList());
        }
    }

    @Serdeable
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
