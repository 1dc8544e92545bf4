package nl.spil.visitors.events;

import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.platform.events.EventJson;
import nl.spil.visitors.app.HandingOverALeaversVisits;
import nl.spil.visitors.domain.PersonLeft;

/**
 * The directory's {@code PersonLeft} on the bus (EventBridgeRule): the leaver's visits still to
 * come are handed to their site's office manager. Idempotent by what it does: a second delivery,
 * or one arriving late, finds no visit of the leaver left to hand over, and the e-mail to the
 * office manager carries a dedupe key per leaver and manager.
 */
public class PersonLeftHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    HandingOverALeaversVisits handingOver;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        Object detail = event == null ? null : event.get("detail");
        if (!(detail instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("an EventBridge event with a detail object is expected");
        }
        PersonLeft left;
        try {
            left = EventJson.read(json.writeValueAsString(detail), PersonLeft.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int handed = handingOver.handOver(left.personId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", left.personId());
        out.put("handedOver", handed);
        return out;
    }
}
