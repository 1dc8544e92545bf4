package nl.spil.platform.problem;

/** One bad field of a request: a JSON pointer-ish name ("email", "rows[3].site") and why. */
public record FieldError(String field, String message) {
}
