package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Grants;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * The directory's event consumer in template.yaml: it hears only the notifier's EmailBounced on
 * SpilBus, keeps a failed event, logs to its own group, and may do exactly what recording an
 * undeliverable address does: read a person by e-mail and the office managers, put the person's
 * items, and add e-mails to the outbox.
 */
class DirectoryEventsTemplateTest {

    private static final String FN = "DirectoryEventsFunction";
    private final Template template = Template.ofRepo();

    @Test
    @SuppressWarnings("unchecked")
    void itHearsOnlyEmailBouncedFromTheNotifierOnTheBus() {
        Map<String, Object> rule = (Map<String, Object>) template.events(FN).get("EmailBounced");
        assertThat(rule.get("Type")).isEqualTo("EventBridgeRule");
        Map<String, Object> properties = (Map<String, Object>) rule.get("Properties");
        assertThat(properties.get("EventBusName")).isEqualTo(new Cfn.Ref("SpilBus"));
        assertThat(properties.get("Pattern")).isEqualTo(Map.of("source", List.of("nl.spil.notifier"),
                "detail-type", List.of("EmailBounced")));
        assertThat(template.events(FN)).hasSize(1);
        assertThat(template.handler(FN)).isEqualTo("nl.spil.directory.events.EmailBouncedHandler");
        assertThat(template.functionProperty(FN, "CodeUri")).isEqualTo("functions/directory/target/directory-events.jar");
        Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                template.functionProperty(FN, "EventInvokeConfig")).get("DestinationConfig")).get("OnFailure");
        assertThat(onFailure.get("Destination")).isEqualTo(new Cfn.GetAtt("ScheduleFailuresQueue", "Arn"));
        Map<String, Object> logging = (Map<String, Object>) template.functionProperty(FN, "LoggingConfig");
        assertThat(logging.get("LogGroup")).isEqualTo(new Cfn.Ref("DirectoryEventsFunctionLogs"));
    }

    @Test
    void itReadsAndPutsThePersonsItemsAndOnlyAddsToTheOutbox() {
        // it neither pages (no cursor keys) nor touches sign-in accounts (no user pool)
        assertThat(template.environment(FN)).doesNotContainKeys("CURSOR_KEYS_SECRET", "USER_POOL_ID", "DIRECTORY_TABLE")
                .containsEntry("TABLE_NAME", new Cfn.Ref("DirectoryTable"))
                .containsEntry("SENDER_EMAIL", new Cfn.Ref("SenderEmail"));
        assertThat(Grants.resources(template, FN))
                .containsExactlyInAnyOrder("DirectoryTable", "DirectoryTable/index/gsi1", "OutboxTable");
        assertThat(Grants.actionsOn(template, FN, "DirectoryTable"))
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem");
        assertThat(Grants.actionsOn(template, FN, "OutboxTable")).containsExactly("dynamodb:PutItem");
    }
}
