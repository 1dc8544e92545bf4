package nl.spil.bookings.app;

import java.time.Instant;

/** Which events from other functions were handled to the end (port): a redelivered one is skipped. */
public interface HandledEvents {

    boolean handled(String eventId);

    void remember(String eventId, Instant now);
}
