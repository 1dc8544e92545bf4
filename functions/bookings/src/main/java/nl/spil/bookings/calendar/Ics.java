package nl.spil.bookings.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
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
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import nl.spil.bookings.domain.Booking;

/**
 * iCalendar (RFC 5545) for bookings, built with ical4j: an invitation (METHOD:REQUEST) or
 * cancellation (METHOD:CANCEL) per booking with a stable UID ({@code <bookingId>@spil}), the
 * booking's SEQUENCE, times in the site's zone with its VTIMEZONE; and feeds (METHOD:PUBLISH)
 * of many bookings.
 */
public final class Ics {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final String PRODUCT = "-//Spil//Bookings 1.0//EN";

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
        Calendar cal = calendar(method);
        Set<ZoneId> zones = new LinkedHashSet<>();
        bookings.forEach(b -> zones.add(b.zone()));
        addZones(cal, zones);
        for (Booking b : bookings) {
            cal.add(event(b, organizerEmail, stamp, true));
        }
        return bytes(cal);
    }

    /** A subscribable feed of bookings (PUBLISH). */
    public static byte[] feed(List<Booking> bookings, String organizerEmail, Instant stamp) {
        Calendar cal = calendar(new Method(Method.VALUE_PUBLISH));
        Set<ZoneId> zones = new LinkedHashSet<>();
        bookings.forEach(b -> zones.add(b.zone()));
        addZones(cal, zones);
        for (Booking b : bookings) {
            cal.add(event(b, organizerEmail, stamp, false));
        }
        return bytes(cal);
    }

    private static Calendar calendar(Method method) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODUCT));
        cal.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        cal.add(new CalScale(CalScale.VALUE_GREGORIAN));
        cal.add(method);
        return cal;
    }

    private static void addZones(Calendar cal, Iterable<ZoneId> zones) {
        for (ZoneId zone : zones) {
            // tzdb links some zones (Europe/Amsterdam -> Europe/Brussels); the VTIMEZONE must carry
            // the TZID the events name, and no URL or location of the linked zone
            net.fortuna.ical4j.model.component.VTimeZone vtz = (net.fortuna.ical4j.model.component.VTimeZone)
                    ZONES.getTimeZone(zone.getId()).getVTimeZone().copy();
            vtz.removeAll("TZURL", "X-LIC-LOCATION");
            vtz.replace(new net.fortuna.ical4j.model.property.TzId(zone.getId()));
            cal.add(vtz);
        }
    }

    private static VEvent event(Booking b, String organizerEmail, Instant stamp, boolean withAttendee) {
        VEvent event = new VEvent(b.start().atZone(b.zone()), b.end().atZone(b.zone()), b.title());
        event.add(new Uid(uid(b.id())));
        event.replace(new DtStamp(stamp));
        event.add(new Sequence(b.sequence()));
        event.add(new Location(b.resourceName()));
        event.add(b.isActive() ? new Status(Status.VALUE_CONFIRMED) : new Status(Status.VALUE_CANCELLED));
        b.notes().ifPresent(n -> event.add(new Description(n)));
        Organizer organizer = new Organizer(java.net.URI.create("mailto:" + organizerEmail));
        organizer.add(new Cn("Spil"));
        event.add(organizer);
        if (withAttendee && !b.organiserEmail().isEmpty()) {
            Attendee attendee = new Attendee(java.net.URI.create("mailto:" + b.organiserEmail()));
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.ACCEPTED);
            event.add(attendee);
        }
        return event;
    }

    private static byte[] bytes(Calendar cal) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            new CalendarOutputter(true).output(cal, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For logs and tests. */
    public static String text(byte[] ics) {
        return new String(ics, StandardCharsets.UTF_8);
    }
}
