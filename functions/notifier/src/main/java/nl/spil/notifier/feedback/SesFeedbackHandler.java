package nl.spil.notifier.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.notifier.Notifier;
import nl.spil.notifier.app.RecordingBounces;
import nl.spil.notifier.domain.DeliveryFeedback;
import nl.spil.notifier.domain.EmailBounced;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.DynamoClients;

/**
 * SES's "Email Bounced" and "Email Complaint Received" events, sent by the configuration set's
 * EventBridge destination to the default bus and routed here by template.yaml. The event's detail
 * is SES's event record ({@code eventType}, {@code bounce} or {@code complaint}, {@code mail}); it
 * becomes a {@link DeliveryFeedback}. An event that is neither is ignored; one that is malformed
 * fails, so EventBridge tries it again and then it shows in the function's errors.
 */
public class SesFeedbackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final RecordingBounces bounces;

    public SesFeedbackHandler() {
        this(Notifier.recordingBounces(Settings.fromEnvironment(), DynamoClients.create(), Clock.systemUTC()));
    }

    public SesFeedbackHandler(RecordingBounces bounces) {
        this.bounces = bounces;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Optional<DeliveryFeedback> feedback = feedback(event);
        return Map.of("eventsEnqueued", feedback.map(bounces::record).orElse(0));
    }

    /** The feedback in an SES event; empty for an event that carries none. */
    static Optional<DeliveryFeedback> feedback(Map<String, Object> event) {
        Map<?, ?> detail = map(event.get("detail"));
        if (detail.get("bounce") instanceof Map<?, ?> bounce) {
            return Optional.of(new DeliveryFeedback(EmailBounced.Reason.BOUNCE, Optional.ofNullable(text(bounce, "bounceType")),
                    addresses(bounce.get("bouncedRecipients")), required(bounce, "feedbackId"), time(bounce)));
        }
        if (detail.get("complaint") instanceof Map<?, ?> complaint) {
            return Optional.of(new DeliveryFeedback(EmailBounced.Reason.COMPLAINT, Optional.empty(),
                    addresses(complaint.get("complainedRecipients")), required(complaint, "feedbackId"), time(complaint)));
        }
        return Optional.empty();
    }

    private static List<String> addresses(Object recipients) {
        List<String> out = new ArrayList<>();
        if (recipients instanceof List<?> list) {
            for (Object r : list) {
                String address = text(map(r), "emailAddress");
                if (address != null && !address.isBlank()) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    private static Instant time(Map<?, ?> feedback) {
        try {
            return Instant.parse(required(feedback, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("SES feedback has an unreadable timestamp", e);
        }
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Map<?, ?> map, String name) {
        return map.get(name) instanceof String s ? s : null;
    }

    private static String required(Map<?, ?> map, String name) {
        String value = text(map, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SES feedback lacks " + name);
        }
        return value;
    }
}
