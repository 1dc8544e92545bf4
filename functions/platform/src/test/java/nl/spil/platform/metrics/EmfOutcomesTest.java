package nl.spil.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each record is one line that is a valid CloudWatch embedded metric format document, read back
 * as CloudWatch Logs reads it: the _aws metadata (Timestamp in epoch milliseconds, one
 * MetricDirective: namespace, dimension sets, metric definitions) and the root members it names.
 */
class EmfOutcomesTest {

    private static final Instant AT = Instant.parse("2027-03-22T08:15:30.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final EmfOutcomes outcomes = new EmfOutcomes(lines::add, Clock.fixed(AT, ZoneOffset.UTC),
            "spil-BookingsFunction-1P1Z6B39FLU73");

    @Test
    void anOutcomeIsOneEmbeddedMetricFormatLine() throws Exception {
        outcomes.record(Outcome.BOOKING_MADE);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n").startsWith("{").endsWith("}");
        JsonNode doc = JSON.readTree(lines.get(0));
        JsonNode aws = doc.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.path("Timestamp").longValue()).isEqualTo(AT.toEpochMilli());
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertThat(directives.isArray()).isTrue();
        assertThat(directives).hasSize(1);
        JsonNode directive = directives.get(0);
        assertThat(fieldNames(directive)).containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
        assertThat(directive.path("Namespace").textValue()).isEqualTo("Spil");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        JsonNode metrics = directive.path("Metrics");
        assertThat(metrics).hasSize(1);
        assertThat(fieldNames(metrics.get(0))).containsExactlyInAnyOrder("Name", "Unit");
        assertThat(metrics.get(0).path("Name").textValue()).isEqualTo("BookingMade");
        assertThat(metrics.get(0).path("Unit").textValue()).isEqualTo("Count");
        // the target members: the dimension's value a string, the metric's a number
        assertThat(doc.path("Function").isTextual()).isTrue();
        assertThat(doc.path("Function").textValue()).isEqualTo("spil-BookingsFunction-1P1Z6B39FLU73");
        assertThat(doc.path("BookingMade").isNumber()).isTrue();
        assertThat(doc.path("BookingMade").intValue()).isEqualTo(1);
        assertThat(fieldNames(doc)).containsExactlyInAnyOrder("_aws", "Function", "BookingMade");
    }

    @Test
    void everyReferenceOfTheDirectiveIsAMemberOfTheRoot() throws Exception {
        for (Outcome outcome : Outcome.values()) {
            outcomes.record(outcome);
        }

        assertThat(lines).hasSize(Outcome.values().length);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode doc = JSON.readTree(lines.get(i));
            JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").get(0);
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.size()).isBetween(1, 30);
                set.forEach(d -> assertThat(doc.path(d.textValue()).isTextual()).as(d.textValue()).isTrue());
            }
            String name = directive.path("Metrics").get(0).path("Name").textValue();
            assertThat(name).isEqualTo(Outcome.values()[i].metricName()).matches("[A-Za-z]{1,255}");
            assertThat(doc.path(name).isNumber()).as(name).isTrue();
        }
    }

    @Test
    void aSeriesCountsItsOccurrencesInOneLineAndNothingIsWrittenForNone() throws Exception {
        outcomes.record(Outcome.BOOKING_MADE, 7);
        outcomes.record(Outcome.BOOKING_MADE, 0);

        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines.get(0)).path("BookingMade").intValue()).isEqualTo(7);
    }

    @Test
    void aFunctionNameThatWouldNeedEscapingIsMadePlain() throws Exception {
        List<String> written = new ArrayList<>();
        new EmfOutcomes(written::add, Clock.fixed(AT, ZoneOffset.UTC), "odd\"name\\with\nstuff").record(Outcome.MAIL_SENT);

        assertThat(JSON.readTree(written.get(0)).path("Function").textValue()).isEqualTo("odd_name_with_stuff");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
