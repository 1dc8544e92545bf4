package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void anHttpApiEventIsLoadedWithItsClaims() {
        APIGatewayV2HTTPEvent event = Events.load("testkit/get-me.json", APIGatewayV2HTTPEvent.class);
        assertThat(event.getRouteKey()).isEqualTo("GET /me");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getHeaders()).containsEntry("accept-language", "nl");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[staff]").containsEntry("email", "anna@example.org");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1806300000000L);
    }

    @Test
    void anHttpEventCanBeChangedWithoutTouchingTheOriginal() {
        APIGatewayV2HTTPEvent original = Events.load("testkit/get-me.json", APIGatewayV2HTTPEvent.class);
        HttpEvent changing = HttpEvent.of(original);
        APIGatewayV2HTTPEvent changed = changing
                .route("put", "/people/p-2").routeKey("PUT /people/{id}").pathParameter("id", "p-2")
                .queryParameter("scope", "all people").header("Content-Type", "application/json")
                .header("Accept-Language", null).body("{\"name\":\"Bo\"}")
                .groups("staff", "office-manager").claim("email", "bo@example.org").build();

        assertThat(changed.getRawPath()).isEqualTo("/people/p-2");
        assertThat(changed.getRequestContext().getHttp().getMethod()).isEqualTo("PUT");
        assertThat(changed.getRouteKey()).isEqualTo("PUT /people/{id}");
        assertThat(changed.getPathParameters()).containsEntry("id", "p-2");
        assertThat(changed.getRawQueryString()).isEqualTo("scope=all%20people");
        assertThat(changed.getHeaders()).containsEntry("content-type", "application/json").doesNotContainKey("accept-language");
        assertThat(changed.getBody()).isEqualTo("{\"name\":\"Bo\"}");
        assertThat(changed.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[staff office-manager]").containsEntry("email", "bo@example.org");
        assertThat(changed.getRequestContext().getRequestId()).isNotEqualTo(original.getRequestContext().getRequestId());
        assertThat(changing.build().getRequestContext().getRequestId()).isNotEqualTo(changed.getRequestContext().getRequestId());

        assertThat(original.getRawPath()).isEqualTo("/me");
        assertThat(original.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[staff]");
        assertThat(changing.toJson()).contains("\"rawPath\":\"/people/p-2\"").contains("\"isBase64Encoded\":false");
    }

    @Test
    void streamAndScheduleEventsAreLoaded() {
        DynamodbEvent stream = Events.load("testkit/outbox-stream.json", DynamodbEvent.class);
        assertThat(stream.getRecords()).hasSize(1);
        assertThat(stream.getRecords().get(0).getDynamodb().getNewImage().get("kind").getS()).isEqualTo("email");
        assertThat(stream.getRecords().get(0).getEventName()).isEqualTo("INSERT");

        ScheduledEvent tick = Events.load("testkit/schedule.json", ScheduledEvent.class);
        assertThat(tick.getSource()).isEqualTo("aws.scheduler");
        assertThat(tick.getTime().getMillis()).isEqualTo(1806300000000L);
    }

    @Test
    void aMissingEventSaysWhereItLooked() {
        assertThatThrownBy(() -> Events.load("nope/missing.json", APIGatewayV2HTTPEvent.class))
                .hasMessageContaining("events/nope/missing.json");
    }

    @Test
    void theTestContextCountsDown() {
        TestContext context = TestContext.forFunction(Template.ofRepo(), "DirectoryFunction");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(context.getRemainingTimeInMillis()).isBetween(19_000, 20_000);
        assertThat(context.getAwsRequestId()).isNotBlank();
        assertThat(context.getInvokedFunctionArn()).endsWith(":function:DirectoryFunction");
        context.getLogger().log("hello from the test context");
    }
}
