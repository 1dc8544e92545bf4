package nl.spil.directory.events;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.directory.app.RecordingAnUndeliverableAddress;
import nl.spil.directory.domain.EmailBounced;
import nl.spil.platform.events.EventJson;

/**
 * The notifier's {@code EmailBounced}, as the template's EventBridgeRule on SpilBus delivers it
 * (source {@code nl.spil.notifier}): the person with that address is recorded as not reachable by
 * mail and the office managers are told (see {@link RecordingAnUndeliverableAddress}). A failure
 * throws, so the event is delivered again; a redelivery of a handled one changes nothing.
 */
public class EmailBouncedHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    RecordingAnUndeliverableAddress recording;

    /**
     * @param event the EventBridge event (a plain map): {@code detail-type} EmailBounced and the
     *              {@code detail} the contract names (docs/architecture.md), with the notifier's eventId
     * @return what was done, without the address: {"eventId", "outcome", "personId", "officeManagersTold"}
     */
    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        EmailBounced bounced = EventJson.fromEventBridge(event, "EmailBounced", EmailBounced.class);
        RecordingAnUndeliverableAddress.Receipt receipt = recording.record(bounced);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", bounced.eventId());
        out.put("outcome", receipt.outcome().name());
        receipt.personId().ifPresent(id -> out.put("personId", id));
        out.put("officeManagersTold", receipt.officeManagersTold());
        return out;
    }
}
