package nl.spil.mailroom.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    @Inject
    JsonMapper json;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        if (event == null || !(event.get("detail") instanceof Map<?, ?> detail)) {
            throw new IllegalArgumentException("not an EventBridge event with a detail");
        }
        Object eventId = detail.get("eventId");
        if (!(eventId instanceof String id) || id.isBlank()) {
            throw new IllegalArgumentException("the event's detail has no eventId");
        }
        PersonLeft left;
        try {
            left = EventJson.read(json.writeValueAsString(detail), PersonLeft.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
