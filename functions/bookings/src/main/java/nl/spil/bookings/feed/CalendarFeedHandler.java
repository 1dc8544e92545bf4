package nl.spil.bookings.feed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import nl.spil.bookings.app.ServingFeeds;

/**
 * {@code GET /calendar/{feedToken}}: the iCalendar feed behind a secret token, for calendar apps
 * (which send no bearer token, so this route has no authorizer; the token is the credential).
 * An unknown, revoked or expired token is a 404 that does not say which.
 */
public class CalendarFeedHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Inject
    ServingFeeds serving;

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        String token = event == null || event.getPathParameters() == null ? null : event.getPathParameters().get("feedToken");
        if (token != null && token.endsWith(".ics")) {
            token = token.substring(0, token.length() - 4);
        }
        Optional<byte[]> feed = serving.render(token);
        if (feed.isEmpty()) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404)
                    .withHeaders(Map.of("Content-Type", "application/problem+json"))
                    .withBody("{\"type\":\"https://spil.nl/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                            + "\"detail\":\"no calendar feed has this address\",\"errors\":[]}")
                    .build();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/calendar; charset=UTF-8", "Cache-Control", "private, max-age=300"))
                .withBody(new String(feed.get(), StandardCharsets.UTF_8))
                .build();
    }
}
