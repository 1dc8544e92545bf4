package nl.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a function having answered, per trigger: the smoke test's and the bench's bar. */
class SubjectTest {

    private static final String NO_ROUTE = """
            {"statusCode":404,"headers":{"Content-Type":"application/problem+json"},
             "body":"{\\"type\\":\\"https://spil.nl/problems/not-found\\",\\"status\\":404}"}""";

    @Test
    void anHttpFunctionWhoseRouteIsMissingHasNotAnswered() {
        assertThat(Subject.Kind.HTTP.accepts(NO_ROUTE)).isEqualTo("statusCode is 404, not 2xx");
        assertThat(Subject.Kind.HTTP.accepts("{\"statusCode\":500,\"body\":\"x\"}")).isNotNull();
        assertThat(Subject.Kind.HTTP.accepts("{\"statusCode\":200,\"body\":\"\"}")).isEqualTo("the answer has no body");
        assertThat(Subject.Kind.HTTP.accepts("not json")).startsWith("the answer is not JSON");
    }

    @Test
    void anHttpFunctionAnswersWithA2xxAndABody() {
        assertThat(Subject.Kind.HTTP.accepts("{\"statusCode\":200,\"body\":\"{\\\"name\\\":\\\"x\\\"}\"}")).isNull();
        assertThat(Subject.Kind.PLAIN.accepts("{\"statusCode\":200,\"body\":\"{}\"}")).isNull();
    }

    @Test
    void aHandlerOfItsOwnMayRefuseButNotFail() {
        assertThat(Subject.Kind.HTTP_OWN.accepts(NO_ROUTE)).isNull();
        assertThat(Subject.Kind.HTTP_OWN.accepts("{\"statusCode\":502}")).isEqualTo("statusCode is 502");
    }

    @Test
    void anEventHandlerHasRunWhenItPostsAResponse() {
        assertThat(Subject.Kind.SCHEDULE.accepts("{\"released\":0}")).isNull();
        assertThat(Subject.Kind.STREAM.accepts("{\"batchItemFailures\":[]}")).isNull();
    }
}
