package nl.spil.notifier.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import nl.spil.notifier.Notifier;

/**
 * The sweep, fired by EventBridge Scheduler every 10 minutes. The scheduler's event is read as a
 * plain map (nothing in it is needed: the sweep looks at the clock and the status index).
 * Answers the counts, e.g. {@code {"found":3,"sent":2,"skipped":1,"errors":0}}.
 */
public class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    static final long MARGIN_MILLIS = 20_000;
    private final Notifier notifier;

    public SweepHandler() {
        this(Notifier.fromEnvironment());
    }

    public SweepHandler(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        return notifier.sweeping().sweep(() -> context == null || context.getRemainingTimeInMillis() > MARGIN_MILLIS);
    }
}
