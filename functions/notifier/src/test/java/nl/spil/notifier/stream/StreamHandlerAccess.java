package nl.spil.notifier.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;

/** Test access to the stream handler's record filter. */
public final class StreamHandlerAccess {

    private StreamHandlerAccess() {
    }

    public static String actionable(DynamodbEvent.DynamodbStreamRecord record, Instant now) {
        return StreamHandler.actionable(record, now);
    }
}
