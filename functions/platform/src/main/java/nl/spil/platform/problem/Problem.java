package nl.spil.platform.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of refusal so clients can
 * branch on it; {@code errors} names each bad field.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String BASE = "https://spil.nl/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }
}
