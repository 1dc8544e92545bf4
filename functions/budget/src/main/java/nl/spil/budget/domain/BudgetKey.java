package nl.spil.budget.domain;

import java.util.Optional;

/**
 * Which budget: one per year, cost centre and category. Its id is {@code <year>~<cost centre>~<category>}
 * ({@code 2027~OPS~catering}): codes hold no '~' (they may hold '.', as cost centres such as 4100.10
 * do), so the id reads back unambiguously, and '~' is one of the characters every Spil id may have.
 */
public record BudgetKey(String costCentre, String category, int year) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public BudgetKey {
        if (!Codes.valid(costCentre) || !Codes.valid(category) || year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("not a budget key: " + year + "/" + costCentre + "/" + category);
        }
    }

    public String id() {
        return year + "~" + costCentre + "~" + category;
    }

    public static Optional<BudgetKey> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("~", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{4}") || !Codes.valid(parts[1]) || !Codes.valid(parts[2])) {
            return Optional.empty();
        }
        int year = Integer.parseInt(parts[0]);
        return year < FIRST_YEAR || year > LAST_YEAR ? Optional.empty() : Optional.of(new BudgetKey(parts[1], parts[2], year));
    }
}
