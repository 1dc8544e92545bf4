package nl.spil.budget.events;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.budget.app.AlertingOnThresholds;
import nl.spil.budget.app.BookingPurchaseOrders;
import nl.spil.budget.domain.BudgetThresholdCrossed;
import nl.spil.budget.domain.PurchaseOrderCancelled;
import nl.spil.budget.domain.PurchaseOrderReceived;
import nl.spil.budget.domain.PurchaseOrderSent;
import nl.spil.platform.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget's consumer of events from the bus (template.yaml: BudgetEventsFunction): stock's
 * purchase orders and the budget's own threshold crossings. An event that cannot be read (no
 * {@code detail.eventId} to deduplicate on, a field of the wrong type, a code that is no code) is
 * logged and answered, never retried: another delivery would not read better. A failure of the
 * table or the directory throws, and Lambda delivers the event again.
 */
public class BudgetEventsHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetEventsHandler.class);

    @Inject
    BookingPurchaseOrders orders;

    @Inject
    AlertingOnThresholds alerts;

    public BudgetEventsHandler() {
        super();
    }

    public BudgetEventsHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** The identity of an event on the bus: the notifier's id for it, added to its detail. */
    record EventId(String eventId) {
    }

    /**
     * @param event an EventBridge event: {"source", "detail-type", "detail": {…, "eventId"}}
     * @return what was done: {"detailType", "eventId", "outcome"}
     */
    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        Object source = event == null ? null : event.get("source");
        String type = event != null && event.get("detail-type") instanceof String t ? t : null;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("detailType", type);
        if (type == null) {
            return ignored(result, "the event has no detail-type");
        }
        try {
            String eventId = EventJson.fromEventBridge(event, type, EventId.class).eventId();
            result.put("eventId", eventId);
            Object outcome = switch (source + " " + type) {
                case "nl.spil.stock PurchaseOrderSent" -> orders.sent(EventJson.fromEventBridge(event, type, PurchaseOrderSent.class));
                case "nl.spil.stock PurchaseOrderReceived" ->
                        orders.received(EventJson.fromEventBridge(event, type, PurchaseOrderReceived.class));
                case "nl.spil.stock PurchaseOrderCancelled" ->
                        orders.cancelled(EventJson.fromEventBridge(event, type, PurchaseOrderCancelled.class));
                case BudgetThresholdCrossed.SOURCE + " " + BudgetThresholdCrossed.DETAIL_TYPE ->
                        alerts.alert(EventJson.fromEventBridge(event, type, BudgetThresholdCrossed.class), eventId)
                                ? "ALERTED" : "ALREADY_CONSUMED";
                default -> null;
            };
            if (outcome == null) {
                return ignored(result, "no consumer for " + source + " " + type);
            }
            result.put("outcome", outcome.toString());
            LOG.info("event {} {}: {}", type, eventId, outcome);
            return result;
        } catch (IllegalArgumentException e) {
            return ignored(result, e.getMessage());
        }
    }

    private static Map<String, Object> ignored(Map<String, Object> result, String why) {
        LOG.error("event {} {} ignored: {}", result.get("detailType"), result.get("eventId"), why);
        result.put("outcome", "IGNORED");
        result.put("reason", why);
        return result;
    }
}
