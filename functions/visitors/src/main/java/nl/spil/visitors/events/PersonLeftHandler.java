package nl.spil.visitors.events;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
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

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        PersonLeft left = EventJson.fromEventBridge(event, "PersonLeft", PersonLeft.class);
        int handed = handingOver.handOver(left.personId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", left.personId());
        out.put("handedOver", handed);
        return out;
    }
}
