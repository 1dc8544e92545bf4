package nl.spil.bookings.domain;

import java.util.Locale;

/** A cancelled or released booking cannot be changed, cancelled or checked in again (409). */
public record NotActive(String bookingId, Booking.Status status) implements Refusal {

    @Override
    public String slug() {
        return "booking-not-active";
    }

    @Override
    public String title() {
        return "Booking no longer active";
    }

    @Override
    public String detail() {
        return "booking " + bookingId + " is " + status.name().toLowerCase(Locale.ROOT);
    }
}
