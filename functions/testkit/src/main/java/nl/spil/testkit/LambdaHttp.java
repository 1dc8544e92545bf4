package nl.spil.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Sends payload 2.0 events through a function's real handler, as API Gateway would. */
public final class LambdaHttp {

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Context context;

    public LambdaHttp(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Context context) {
        this.handler = handler;
        this.context = context;
    }

    public HttpAnswer send(HttpEvent event) {
        return send(event.build());
    }

    public HttpAnswer send(APIGatewayV2HTTPEvent event) {
        // Round-trip through JSON as Lambda does, so the handler sees exactly what a real event carries.
        APIGatewayV2HTTPEvent delivered = Events.fromJson(Events.toJson(event), APIGatewayV2HTTPEvent.class);
        return HttpAnswer.of(handler.handleRequest(delivered, context));
    }
}
