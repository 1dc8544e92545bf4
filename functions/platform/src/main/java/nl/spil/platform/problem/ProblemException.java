package nl.spil.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in a request to answer with a problem+json; never logged as an error. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, Object> extensions;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, Object> extensions) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.extensions = Map.copyOf(extensions);
    }

    public Problem problem() {
        return problem;
    }

    /** Extra members of the problem object (for example the conflicting slot of a 409). */
    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException badRequest(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "invalid-request", "The request is invalid", detail).withErrors(errors));
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(List.of(new FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Not signed in", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public static ProblemException stale(String detail) {
        return new ProblemException(Problem.of(412, "stale-version", "Changed by someone else", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "too-large", "Request too large", detail));
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail));
    }
}
