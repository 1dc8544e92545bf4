package nl.spil.budget.domain;

import java.util.regex.Pattern;

/**
 * Codes of cost centres and categories ({@code 4100.10}, {@code OPS}, {@code office-supplies}):
 * letters, digits, '.', '_' and '-', at most 40, starting with a letter or digit, compared exactly:
 * the same rule as stock's purchase orders, which carry them. They are keys (in item keys, budget
 * ids, CSV files and events), so they never hold '#', '~' or spaces.
 */
public final class Codes {

    public static final int MAX_LENGTH = 40;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    public static final String EXPECTED = "must be 1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Codes() {
    }

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
