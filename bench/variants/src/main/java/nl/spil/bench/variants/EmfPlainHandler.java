package nl.spil.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nl.spil.bench.PlainHandler;
import nl.spil.platform.metrics.EmfOutcomes;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain baseline with what Spil's functions do for observability: one outcome per request
 * through the platform's EMF writer, one log line through the platform's SLF4J provider.
 */
public class EmfPlainHandler extends PlainHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EmfPlainHandler.class);
    private final Outcomes outcomes = EmfOutcomes.toStandardOutput("plain-emf");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse answer = super.handleRequest(event, context);
        outcomes.record(Outcome.BOOKING_MADE);
        LOG.info("answered {}", answer.getStatusCode());
        return answer;
    }
}
