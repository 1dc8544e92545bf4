package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.CategoryYearChange;
import nl.spil.budget.domain.Phasing;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager sets a year's budget per cost centre and category, with its monthly phasing,
 * and changes it later; every change is kept (who, when, before and after). Requests: 1 Query
 * (the category-year) + 1 TransactWriteItems (its running totals under their version, the history
 * entry, checks that the cost centre and category exist).
 */
@Singleton
public class SettingBudgets {

    static final String SCOPE = "budgets";

    private final Ledger ledger;
    private final Ids ids;
    private final Clock clock;

    public SettingBudgets(Ledger ledger, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    /** A budget with its history, oldest change first. */
    public record BudgetInDetail(Budget budget, List<BudgetChange> history) {
    }

    public Response set(BudgetKey key, Phasing phasing, Caller caller, CreateRequest request, Function<Budget, Response> answer) {
        Function<String, Optional<Response>> reread = id -> BudgetKey.parse(id).flatMap(k -> ledger.categoryYear(k).budget()).map(answer);
        return Contention.retried(() -> {
            CategoryYear read = ledger.categoryYear(key);
            if (read.budget().isPresent()) {
                return ledger.refuseUnlessReplay(request, SCOPE, ProblemException.conflict("budget-exists", "Budget exists",
                        "budget " + key.id() + " is set already; change it with PUT /budgets/" + key.id()), reread);
            }
            Instant now = clock.instant();
            Budget budget = new Budget(key, phasing, 1, now, caller.id());
            BudgetChange change = new BudgetChange(ids.next(), key.id(), 1, caller.id(), now, Optional.empty(), phasing);
            return ledger.post(posting(read, budget, change, List.of(key.costCentre()), List.of(key.category())),
                    request, SCOPE, key.id(), answer.apply(budget), reread);
        });
    }

    /** A new phasing under the version the office manager saw (412 when it moved on). */
    public Budget change(String id, Phasing phasing, long version, Caller caller) {
        BudgetKey key = BudgetKey.parse(id).orElseThrow(() -> ProblemException.notFound("budget", id));
        return Contention.retried(() -> {
            CategoryYear read = ledger.categoryYear(key);
            Budget current = read.budget().orElseThrow(() -> ProblemException.notFound("budget", id));
            if (current.version() != version) {
                throw ProblemException.stale("budget " + id + " is at version " + current.version() + "; reload it");
            }
            Instant now = clock.instant();
            Budget changed = new Budget(key, phasing, current.version() + 1, now, caller.id());
            BudgetChange change = new BudgetChange(ids.next(), id, changed.version(), caller.id(), now,
                    Optional.of(current.phasing()), phasing);
            ledger.post(posting(read, changed, change, List.of(), List.of()));
            return changed;
        });
    }

    public BudgetInDetail get(String id) {
        BudgetKey key = BudgetKey.parse(id).orElseThrow(() -> ProblemException.notFound("budget", id));
        Budget budget = ledger.categoryYear(key).budget().orElseThrow(() -> ProblemException.notFound("budget", id));
        return new BudgetInDetail(budget, ledger.history(key));
    }

    public Page<Budget> list(int year, Optional<String> costCentre, PageRequest page) {
        return ledger.budgets(year, costCentre, page);
    }

    private static Posting posting(CategoryYear read, Budget budget, BudgetChange change, List<String> costCentres,
                                   List<String> categories) {
        return new Posting(List.of(new CategoryYearChange(read, read.withBudget(budget))), List.of(), Optional.empty(),
                Optional.of(change), List.of(), costCentres, categories, Optional.empty(), Optional.empty());
    }
}
