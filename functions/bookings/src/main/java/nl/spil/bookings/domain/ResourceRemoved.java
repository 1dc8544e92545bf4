package nl.spil.bookings.domain;

/** The booking's room or desk was removed since it was booked (409). */
public record ResourceRemoved(String resourceId) implements Refusal {

    @Override
    public String slug() {
        return "resource-gone";
    }

    @Override
    public String title() {
        return "Resource removed";
    }

    @Override
    public String detail() {
        return "the room or desk " + resourceId + " was removed";
    }
}
