package nl.spil.bookings.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.spil.bookings.domain.Booking;

/**
 * iCalendar (RFC 5545) for bookings, built with ical4j: an invitation (METHOD:REQUEST) or
 * cancellation (METHOD:CANCEL) per booking with a stable UID ({@code <bookingId>@spil}), the
 * booking's SEQUENCE; and feeds (METHOD:PUBLISH) of many bookings.
 *
 * <p>Times are written in the site's zone with its VTIMEZONE, except when a local time is
 * ambiguous: a start or end in the hour that repeats when clocks go back (02:15 happens twice
 * in Amsterdam on the last Sunday of October). RFC 5545 reads such a local time as the first
 * one, so a booking in the second would show an hour early and one across the change would end
 * before it starts; that event's DTSTART and DTEND are written in UTC instead, which no calendar
 * can read two ways.
 */
public final class Ics {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final String PRODUCT = "-//Spil//Bookings 1.0//EN";

    /** What a feed's events tell besides time, place and title. */
    public enum Detail {
        /** The organiser's own feed: their preparation notes too. */
        WITH_NOTES,
        /** A room's feed: no notes (they stay with the organiser and the office manager). */
        WITHOUT_NOTES
    }

    private Ics() {
    }

    public static String uid(String bookingId) {
        return bookingId + "@spil";
    }

    /** An invitation or update (REQUEST), or a cancellation (CANCEL) when the booking is no longer active. */
    public static byte[] invitation(Booking b, String organizerEmail, Instant stamp) {
        return invitation(List.of(b), organizerEmail, stamp);
    }

    /**
     * Invitations (REQUEST) or cancellations (CANCEL, when the first booking is no longer active)
     * of several bookings in one file, each a VEVENT with its own UID: a series' occurrences.
     */
    public static byte[] invitation(List<Booking> bookings, String organizerEmail, Instant stamp) {
        Method method = bookings.get(0).isActive() ? new Method(Method.VALUE_REQUEST) : new Method(Method.VALUE_CANCEL);
        return bytes(calendar(method, bookings, organizerEmail, stamp, Detail.WITH_NOTES, true, null));
    }

    /**
     * A subscribable feed of bookings (PUBLISH). A calendar needs at least one component, so an
     * empty feed carries the VTIMEZONE of {@code emptyZone} (the room's, or the default site zone).
     */
    public static byte[] feed(List<Booking> bookings, String organizerEmail, Instant stamp, Detail detail,
                              ZoneId emptyZone) {
        return bytes(calendar(new Method(Method.VALUE_PUBLISH), bookings, organizerEmail, stamp, detail, false,
                emptyZone));
    }

    private static Calendar calendar(Method method, List<Booking> bookings, String organizerEmail, Instant stamp,
                                     Detail detail, boolean withAttendee, ZoneId emptyZone) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODUCT));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(new CalScale(CalScale.VALUE_GREGORIAN));
        cal.add(method);
        Set<ZoneId> zones = new LinkedHashSet<>();
        bookings.stream().filter(Ics::inLocalTime).forEach(b -> zones.add(b.zone()));
        if (bookings.isEmpty() && emptyZone != null) {
            zones.add(emptyZone);
        }
        zones.forEach(zone -> cal.add(timeZone(zone)));
        for (Booking b : bookings) {
            cal.add(event(b, organizerEmail, stamp, detail, withAttendee));
        }
        return cal;
    }

    /** tzdb links some zones (Europe/Amsterdam to Europe/Brussels): the VTIMEZONE carries the TZID the events name. */
    private static VTimeZone timeZone(ZoneId zone) {
        VTimeZone vtz = (VTimeZone) ZONES.getTimeZone(zone.getId()).getVTimeZone().copy();
        vtz.removeAll("TZURL", "X-LIC-LOCATION");
        vtz.replace(new TzId(zone.getId()));
        return vtz;
    }

    /** Both ends name one moment each in the site's local time (none in a repeated hour). */
    static boolean inLocalTime(Booking b) {
        return unambiguous(b.start(), b.zone()) && unambiguous(b.end(), b.zone());
    }

    private static boolean unambiguous(Instant t, ZoneId zone) {
        return zone.getRules().getValidOffsets(t.atZone(zone).toLocalDateTime()).size() == 1;
    }

    private static VEvent event(Booking b, String organizerEmail, Instant stamp, Detail detail, boolean withAttendee) {
        boolean local = inLocalTime(b);
        Temporal start = local ? b.start().atZone(b.zone()) : b.start();
        Temporal end = local ? b.end().atZone(b.zone()) : b.end();
        VEvent event = new VEvent(start, end, b.title().isEmpty() ? "-" : b.title());
        event.add(new Uid(uid(b.id())));
        event.replace(new DtStamp(stamp));
        event.add(new Sequence(b.sequence()));
        event.add(new Location(b.resourceName()));
        event.add(b.isActive() ? new Status(Status.VALUE_CONFIRMED) : new Status(Status.VALUE_CANCELLED));
        if (detail == Detail.WITH_NOTES) {
            b.notes().ifPresent(n -> event.add(new Description(n)));
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + organizerEmail));
        organizer.add(new Cn("Spil"));
        event.add(organizer);
        if (withAttendee && !b.organiserEmail().isEmpty()) {
            Attendee attendee = new Attendee(URI.create("mailto:" + b.organiserEmail()));
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.ACCEPTED);
            event.add(attendee);
        }
        return event;
    }

    private static byte[] bytes(Calendar cal) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new CalendarOutputter(true).output(cal, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For logs and tests. */
    public static String text(byte[] ics) {
        return new String(ics, StandardCharsets.UTF_8);
    }
}
