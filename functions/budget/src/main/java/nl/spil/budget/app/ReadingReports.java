package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.spil.budget.domain.AsOf;
import nl.spil.budget.domain.BudgetReport;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.CostCentre;
import nl.spil.budget.domain.ReportCsv;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager and management read budget against actual. The report reads the running
 * totals, never the expenses: 1 Query per cost centre and year whatever the number of expenses,
 * plus the cost centre (1 GetItem) or all of them (1 Query), and the category names (1
 * BatchGetItem).
 */
@Singleton
public class ReadingReports {

    private final CostCentres costCentres;
    private final Categories categories;
    private final Ledger ledger;
    private final Organisation organisation;
    private final Clock clock;

    public ReadingReports(CostCentres costCentres, Categories categories, Ledger ledger, Organisation organisation, Clock clock) {
        this.costCentres = costCentres;
        this.categories = categories;
        this.ledger = ledger;
        this.organisation = organisation;
        this.clock = clock;
    }

    /**
     * @param month the month the report counts to (default: this month in the current year, else December)
     */
    public BudgetReport report(int year, Optional<Integer> month, Optional<String> costCentre) {
        int asOf = month.orElseGet(() -> AsOf.reportMonth(year, organisation.today(clock)));
        List<CostCentre> which = costCentre.map(code -> List.of(costCentres.byCode(code)
                .orElseThrow(() -> ProblemException.notFound("cost centre", code)))).orElseGet(costCentres::all);
        Map<String, List<CategoryYear>> totals = new LinkedHashMap<>();
        Set<String> codes = new TreeSet<>();
        for (CostCentre cc : which) {
            List<CategoryYear> years = ledger.costCentreYear(cc.code(), year);
            totals.put(cc.code(), years);
            years.forEach(y -> codes.add(y.category()));
        }
        return BudgetReport.of(year, asOf, which, totals, codes.isEmpty() ? Map.of() : categories.byCodes(codes));
    }

    public byte[] csv(BudgetReport report, ReportCsv.Dialect dialect, Language language) {
        return ReportCsv.write(report, dialect, language);
    }
}
