package nl.spil.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    private static void assertProblem(ProblemException e, int status, String slug) {
        assertThat(e.problem().status()).isEqualTo(status);
        assertThat(e.problem().type()).isEqualTo("https://spil.nl/problems/" + slug);
        assertThat(e.problem().title()).isNotBlank();
        assertThat(e.extensions()).isEmpty();
    }

    @Test
    void badRequestWithOneFieldIs400InvalidRequestNamingTheField() {
        ProblemException e = ProblemException.badRequest("email", "is required");

        assertProblem(e, 400, "invalid-request");
        assertThat(e.problem().detail()).isEqualTo("email: is required");
        assertThat(e.problem().errors()).containsExactly(new FieldError("email", "is required"));
    }

    @Test
    void badRequestWithSeveralFieldsCountsThemAndKeepsEach() {
        List<FieldError> errors = List.of(new FieldError("a", "x"), new FieldError("b", "y"), new FieldError("c", "z"));

        ProblemException e = ProblemException.badRequest(errors);

        assertProblem(e, 400, "invalid-request");
        assertThat(e.problem().detail()).isEqualTo("3 fields are invalid");
        assertThat(e.problem().errors()).isEqualTo(errors);
    }

    @Test
    void unauthorizedIs401() {
        ProblemException e = ProblemException.unauthorized("no token");

        assertProblem(e, 401, "unauthorized");
        assertThat(e.problem().detail()).isEqualTo("no token");
    }

    @Test
    void forbiddenIs403() {
        assertProblem(ProblemException.forbidden("not yours"), 403, "forbidden");
    }

    @Test
    void notFoundIs404NamingWhatAndWhich() {
        ProblemException e = ProblemException.notFound("person", "01J0000000000000000000000");

        assertProblem(e, 404, "not-found");
        assertThat(e.problem().detail()).isEqualTo("person 01J0000000000000000000000 does not exist");
    }

    @Test
    void conflictIs409WithTheGivenSlug() {
        ProblemException e = ProblemException.conflict("email-taken", "E-mail taken", "someone has it");

        assertProblem(e, 409, "email-taken");
        assertThat(e.problem().title()).isEqualTo("E-mail taken");
    }

    @Test
    void staleIs412StaleVersion() {
        assertProblem(ProblemException.stale("version 3 is not 4"), 412, "stale-version");
    }

    @Test
    void tooLargeIs413() {
        assertProblem(ProblemException.tooLarge("over 64 KiB"), 413, "too-large");
    }

    @Test
    void unprocessableIs422WithTheGivenSlug() {
        assertProblem(ProblemException.unprocessable("idempotency-key-reused", "Key reused", "other body"), 422,
                "idempotency-key-reused");
    }

    @Test
    void carriesExtensionsAsAnImmutableCopy() {
        Map<String, Object> ext = new java.util.HashMap<>(Map.of("slot", "10:00"));
        ProblemException e = new ProblemException(Problem.of(409, "taken", "Taken", "busy"), ext);

        ext.put("other", 1);

        assertThat(e.extensions()).containsExactly(Map.entry("slot", "10:00"));
    }

    @Test
    void isCheapToThrowWithoutAStackTraceAndSaysTitleAndDetail() {
        ProblemException e = ProblemException.forbidden("not yours");

        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("Not allowed: not yours");
    }

    @Test
    void aProblemCopiesItsErrorsAndTreatsNullAsNone() {
        assertThat(new Problem("t", "x", 400, "d", null).errors()).isEmpty();
        java.util.ArrayList<FieldError> list = new java.util.ArrayList<>(List.of(new FieldError("a", "b")));
        Problem p = Problem.of(400, "s", "t", "d").withErrors(list);
        list.clear();
        assertThat(p.errors()).hasSize(1);
    }
}
