package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract checker itself: it finds what breaks docs/openapi.yaml, and passes what keeps it. */
class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.ofRepo();

    private static final String SITE = "{\"id\":\"01JA7B5C8629163445BBB0C238\",\"name\":\"Utrecht\",\"timeZone\":\"Europe/Amsterdam\","
            + "\"workingHours\":{\"opens\":\"08:00\",\"closes\":\"18:00\",\"days\":[\"mon\"]},\"version\":1,"
            + "\"createdAt\":\"2027-01-05T09:00:00Z\",\"updatedAt\":\"2027-01-05T09:00:00Z\"}";

    @Test
    void anAnswerAsDocumentedKeepsIt() {
        assertThat(contract.violations("GET", "/sites/01JA7B5C8629163445BBB0C238", 200, "application/json", SITE)).isEmpty();
    }

    @Test
    void aDateTimeWithoutSecondsBreaksIt() {
        String noSeconds = SITE.replace("2027-01-05T09:00:00Z\",\"updatedAt", "2027-01-05T10:00+01:00\",\"updatedAt");
        assertThat(contract.violations("GET", "/sites/01JA7B5C8629163445BBB0C238", 200, "application/json", noSeconds))
                .singleElement().asString().contains("createdAt");
    }

    @Test
    void undocumentedStatusesPathsAndTypesBreakIt() {
        assertThat(contract.violations("GET", "/sites/x", 418, "application/json", "{}")).singleElement().asString()
                .contains("status 418 is not documented");
        assertThat(contract.violations("GET", "/nowhere", 200, "application/json", "{}")).singleElement().asString()
                .contains("not in docs/openapi.yaml");
        assertThat(contract.violations("GET", "/sites/x", 200, "text/html", "<p>")).singleElement().asString()
                .contains("content type text/html is not documented");
    }

    @Test
    void aProblemIsCheckedAgainstTheProblemSchema() {
        String problem = "{\"type\":\"https://spil.nl/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"site x does not exist\",\"errors\":[]}";
        assertThat(contract.violations("GET", "/sites/x", 404, "application/problem+json", problem)).isEmpty();
        assertThat(contract.violations("GET", "/sites/x", 404, "application/problem+json", "{\"status\":\"404\"}")).isNotEmpty();
    }
}
