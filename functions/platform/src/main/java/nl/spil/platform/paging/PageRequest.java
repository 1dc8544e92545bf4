package nl.spil.platform.paging;

import nl.spil.platform.problem.ProblemException;

/** {@code ?limit=&cursor=} of a list request, checked: limit 1..200 (default 50). */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String limit, String cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (parsed < 1 || parsed > MAX_LIMIT) {
                throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(parsed, cursor == null || cursor.isBlank() ? null : cursor.trim());
    }
}
