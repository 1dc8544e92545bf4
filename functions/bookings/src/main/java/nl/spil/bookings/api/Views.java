package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.spil.bookings.app.BookingASeries;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.Skipped;
import nl.spil.platform.time.Times;

/**
 * The JSON the bookings function answers with. Every instant goes through {@link Times#text}:
 * always with seconds, in the site's offset (creation and change times in UTC).
 */
final class Views {

    private Views() {
    }

    static String at(Instant t, ZoneId zone) {
        return Times.text(t, zone);
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
                    Times.text(r.createdAt()), Times.text(r.updatedAt()));
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
                    b.seriesId().orElse(null), b.sequence(), b.version(), Times.text(b.createdAt()),
                    Times.text(b.updatedAt()));
        }
    }

    /**
     * A resource's agenda as everyone sees it: when it is busy. Someone else's booking shows no
     * organiser, title or notes; the caller's own carries its id and title (they are theirs).
     */
    @Serdeable
    record BusyView(String start, String end, boolean mine, @Nullable String bookingId, @Nullable String title) {

        static BusyView of(Booking b, String callerId) {
            boolean mine = b.organiserId().equals(callerId);
            return new BusyView(at(b.start(), b.zone()), at(b.end(), b.zone()), mine, mine ? b.id() : null,
                    mine ? b.title() : null);
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

        static SkippedView of(Skipped s, ZoneId zone) {
            return new SkippedView(at(s.start(), zone), at(s.end(), zone), s.why().slug(), s.why().detail());
        }
    }

    @Serdeable
    record SeriesChangeView(List<BookingView> changed, List<SkippedView> skipped) {
    }

    @Serdeable
    record SeriesView(String seriesId, String rule, List<BookingView> booked, List<SkippedView> skipped) {

        static SeriesView of(BookingASeries.Outcome o) {
            ZoneId zone = o.booked().isEmpty() ? ZoneId.of("UTC") : o.booked().get(0).zone();
            return new SeriesView(o.series().id(), o.series().rule(), o.booked().stream().map(BookingView::of).toList(),
                    o.skipped().stream().map(s -> SkippedView.of(s, zone)).toList());
        }
    }

    /** A calendar feed; its token and path only in the first answer to its create. */
    @Serdeable
    record FeedView(String id, String kind, String targetId, String createdAt, String expiresAt,
                    @Nullable String token, @Nullable String path) {

        static FeedView of(Feed f, @Nullable String token) {
            return new FeedView(f.id(), f.kind().name().toLowerCase(Locale.ROOT), f.targetId(), Times.text(f.createdAt()),
                    Times.text(f.expiresAt()), token, token == null ? null : "/calendar/" + token);
        }
    }

    @Serdeable
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    static Optional<DayOfWeek> dayOfWeek(String code) {
        for (DayOfWeek w : DayOfWeek.values()) {
            if (day(w).equals(code)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
