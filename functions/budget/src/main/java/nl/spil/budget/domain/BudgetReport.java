package nl.spil.budget.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Budget against actual per cost centre and category, as of the end of {@code month} of
 * {@code year}, read from the running totals (never from the expenses).
 */
public record BudgetReport(int year, int month, List<CostCentreReport> costCentres) {

    /** One category's line. */
    public record Line(String category, String categoryName, Figures figures) {
    }

    /** One cost centre: its lines (by category code) and their total. */
    public record CostCentreReport(String code, String name, Optional<String> ownerId, List<Line> lines, Figures total) {
    }

    /**
     * @param totals     each cost centre's category-years of {@code year}
     * @param categories names by code; a category booked from stock that nobody created shows its code
     */
    public static BudgetReport of(int year, int month, List<CostCentre> costCentres, Map<String, List<CategoryYear>> totals,
                                  Map<String, Category> categories) {
        if (month < 1 || month > Months.COUNT) {
            throw new IllegalArgumentException("month must be 1 to 12");
        }
        List<CostCentreReport> out = new ArrayList<>();
        for (CostCentre cc : costCentres) {
            out.add(costCentre(cc.code(), cc.name(), Optional.of(cc.ownerId()), totals.getOrDefault(cc.code(), List.of()),
                    month, categories));
        }
        return new BudgetReport(year, month, List.copyOf(out));
    }

    static CostCentreReport costCentre(String code, String name, Optional<String> owner, List<CategoryYear> years, int month,
                                       Map<String, Category> categories) {
        List<Line> lines = years.stream()
                .sorted(Comparator.comparing(CategoryYear::category))
                .map(y -> new Line(y.category(), Optional.ofNullable(categories.get(y.category())).map(Category::name)
                        .orElse(y.category()), Figures.of(y, month)))
                .toList();
        return new CostCentreReport(code, name, owner, lines, Figures.sum(lines.stream().map(Line::figures).toList()));
    }
}
