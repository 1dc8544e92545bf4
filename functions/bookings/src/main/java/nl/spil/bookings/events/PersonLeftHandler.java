package nl.spil.bookings.events;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.bookings.app.ForgettingALeaver;
import nl.spil.bookings.domain.PersonLeft;
import nl.spil.platform.events.EventJson;

/**
 * The directory's {@code PersonLeft} event, as the template's EventBridgeRule on SpilBus delivers
 * it (source {@code nl.spil.directory}): their feeds stop, their bookings that have not ended are
 * cancelled and all of theirs pseudonymised (see {@link ForgettingALeaver}). A failure throws, so
 * EventBridge delivers the event again; a redelivery of a finished one changes nothing.
 */
public class PersonLeftHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ForgettingALeaver forgetting;

    public PersonLeftHandler() {
        super();
    }

    public PersonLeftHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /**
     * @param event the EventBridge event (a plain map): {@code detail-type} PersonLeft and the
     *              {@code detail} the contract names (docs/architecture.md), with the notifier's eventId
     * @return what was done, in counts: {"eventId", "alreadyHandled", "feedsRevoked", ...}
     */
    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        PersonLeft left = EventJson.fromEventBridge(event, "PersonLeft", PersonLeft.class);
        ForgettingALeaver.Receipt receipt = forgetting.forget(left);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", left.eventId());
        out.put("alreadyHandled", receipt.alreadyHandled());
        out.put("feedsRevoked", receipt.feedsRevoked());
        out.put("bookingsCancelled", receipt.bookingsCancelled());
        out.put("bookingsForgotten", receipt.bookingsForgotten());
        out.put("seriesForgotten", receipt.seriesForgotten());
        return out;
    }
}
