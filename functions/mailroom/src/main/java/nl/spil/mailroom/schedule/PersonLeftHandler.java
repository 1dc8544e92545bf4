package nl.spil.mailroom.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.mailroom.app.ForgettingLeavers;
import nl.spil.mailroom.domain.PersonLeft;
import nl.spil.platform.events.EventJson;

/**
 * The directory's {@code PersonLeft} event, delivered by the SpilBus rule of template.yaml as an
 * EventBridge event: {@code detail} is the event's fields plus the notifier's {@code eventId}.
 */
public class PersonLeftHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ForgettingLeavers forgetting;

    /** The notifier's id for the event, added to its detail: what a redelivery is known by. */
    record EventId(String eventId) {
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        PersonLeft left = EventJson.fromEventBridge(event, "PersonLeft", PersonLeft.class);
        String id = EventJson.fromEventBridge(event, "PersonLeft", EventId.class).eventId();
        if (id.isBlank()) {
            throw new IllegalArgumentException("the event's detail has no eventId");
        }
        ForgettingLeavers.Report report = forgetting.forget(left, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", id);
        out.put("skipped", report.skipped());
        out.put("itemsDeleted", report.deleted());
        out.put("itemsSentBack", report.sentBack());
        return out;
    }
}
