package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Grants;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/** The bookings functions' policies name only their own table, read the directory, and only add to the outbox. */
class LeastPrivilegeTest {

    private final Template template = Template.ofRepo();

    @Test
    void theHttpFunctionAndTheScheduleWriteTheirTableReadTheDirectoryAndOnlyAddToTheOutbox() {
        for (String fn : List.of("BookingsFunction", "ReleaseNoShowsFunction")) {
            // only the function that pages reads the cursor keys
            assertThat(Grants.resources(template, fn)).as(fn).filteredOn(r -> !r.equals("CursorKeys"))
                    .containsExactlyInAnyOrder("BookingsTable", "BookingsTable/index/gsi1", "BookingsTable/index/gsi2",
                            "DirectoryTable", "DirectoryTable/index/gsi1", "OutboxTable");
            assertThat(Grants.resources(template, fn).contains("CursorKeys")).as(fn).isEqualTo(fn.equals("BookingsFunction"));
            assertThat(Grants.actionsOn(template, fn, "DirectoryTable")).as(fn)
                    .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
            assertThat(Grants.actionsOn(template, fn, "OutboxTable")).as(fn)
                    .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
            assertThat(template.environment(fn)).as(fn)
                    .containsEntry("TABLE_NAME", new Cfn.Ref("BookingsTable"))
                    .containsEntry("DIRECTORY_TABLE", new Cfn.Ref("DirectoryTable"))
                    .containsEntry("SENDER_EMAIL", new Cfn.Ref("SenderEmail"));
            // HTTP routes from the HTTP jar, the schedule from the events jar (no HTTP stack)
            assertThat(template.functionProperty(fn, "CodeUri")).isEqualTo(fn.equals("BookingsFunction")
                    ? "functions/bookings/target/bookings-lambda.jar" : "functions/bookings/target/bookings-events.jar");
        }
    }

    @Test
    void theFeedFunctionOnlyReadsTheBookingsTable() {
        assertThat(Grants.resources(template, "CalendarFeedFunction"))
                .containsExactlyInAnyOrder("BookingsTable", "BookingsTable/index/gsi1", "BookingsTable/index/gsi2");
        assertThat(Grants.actionsOn(template, "CalendarFeedFunction", "BookingsTable"))
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query");
        assertThat(template.handler("CalendarFeedFunction")).isEqualTo("nl.spil.bookings.feed.CalendarFeedHandler");
    }

    @Test
    void theScheduleRunsEveryFiveMinutesInAmsterdamWithItsScheduledTime() {
        @SuppressWarnings("unchecked")
        Map<String, Object> schedule = (Map<String, Object>) template.events("ReleaseNoShowsFunction").get("EveryFiveMinutes");
        assertThat(schedule.get("Type")).isEqualTo("ScheduleV2");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schedule.get("Properties");
        assertThat(properties).containsEntry("ScheduleExpression", "cron(0/5 * * * ? *)")
                .containsEntry("ScheduleExpressionTimezone", "Europe/Amsterdam");
        assertThat((String) properties.get("Input")).contains("<aws.scheduler.scheduled-time>");
        assertThat(template.handler("ReleaseNoShowsFunction")).isEqualTo("nl.spil.bookings.schedule.ReleaseNoShowsHandler");
    }

    @Test
    void theLeaverFunctionHearsOnlyPersonLeftOnTheBusAndTouchesOnlyTheBookingsTableAndItsOwnerIndex() {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) template.events("PersonLeftFunction").get("PersonLeft");
        assertThat(rule.get("Type")).isEqualTo("EventBridgeRule");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) rule.get("Properties");
        assertThat(properties.get("EventBusName")).isEqualTo(new Cfn.Ref("SpilBus"));
        assertThat(properties.get("Pattern")).isEqualTo(Map.of("source", List.of("nl.spil.directory"),
                "detail-type", List.of("PersonLeft")));
        assertThat(template.handler("PersonLeftFunction")).isEqualTo("nl.spil.bookings.events.PersonLeftHandler");
        assertThat(template.functionProperty("PersonLeftFunction", "CodeUri")).isEqualTo("functions/bookings/target/bookings-events.jar");
        assertThat(template.environment("PersonLeftFunction")).containsEntry("TABLE_NAME", new Cfn.Ref("BookingsTable"));
        assertThat(Grants.resources(template, "PersonLeftFunction"))
                .containsExactlyInAnyOrder("BookingsTable", "BookingsTable/index/gsi1");
        assertThat(Grants.actionsOn(template, "PersonLeftFunction", "BookingsTable")).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query");
    }
}
