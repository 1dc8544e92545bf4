package nl.spil.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nl.spil.bench.PlainHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The plain baseline with Powertools for AWS Lambda (Java) 2.x doing the same as
 * {@link EmfPlainHandler}, through its functional API (no AspectJ): one metric per request
 * (added, then flushed as EMF) and one log line through Powertools logging on log4j2 (its
 * documented first choice, with the JSON layout it ships: log4j2.xml).
 */
public class PowertoolsPlainHandler extends PlainHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsPlainHandler.class);
    private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

    static {
        METRICS.setNamespace("Spil");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            APIGatewayV2HTTPResponse answer = super.handleRequest(event, context);
            try {
                METRICS.addMetric("BookingMade", 1, MetricUnit.COUNT);
            } finally {
                METRICS.flush();
            }
            LOG.info("answered {}", answer.getStatusCode());
            return answer;
        });
    }
}
