package nl.spil.budget.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.OrderCommitment;
import nl.spil.budget.domain.Receipt;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * The books (port): running totals per category-year and month, expenses, budgets with their
 * history, and purchase orders as the budget knows them. Every change is one {@link Posting},
 * written in one transaction under the versions it was decided on.
 */
public interface Ledger {

    /** A category-year with its months (an empty one when nothing is stored): one read. */
    CategoryYear categoryYear(BudgetKey key);

    /** Every category-year of a cost centre in a year, with months: what a report reads. */
    List<CategoryYear> costCentreYear(String costCentre, int year);

    Optional<Expense> expense(String id);

    /** A cost centre's expenses of a year (optionally one month and one category), by date. */
    Page<Expense> expenses(String costCentre, int year, Optional<Integer> month, Optional<String> category, PageRequest page);

    Page<Budget> budgets(int year, Optional<String> costCentre, PageRequest page);

    /** A budget's changes, oldest first. */
    List<BudgetChange> history(BudgetKey key);

    OrderCommitment order(String orderId);

    /**
     * Writes a posting once per Idempotency-Key and scope (a replay re-reads {@code reread} of
     * {@code createdId}).
     *
     * @throws nl.spil.platform.retry.ConcurrentChange when something it was decided on changed
     * @throws nl.spil.platform.problem.ProblemException 422 {@code unknown-cost-centre} / {@code unknown-category}
     */
    Response post(Posting posting, CreateRequest request, String scope, String createdId, Response answer,
                  Function<String, Optional<Response>> reread);

    /**
     * A create the rules refuse now may be the replay of one that succeeded (its own effect is
     * what the rules see): with an Idempotency-Key used before in this scope, the first answer is
     * answered again; otherwise {@code refusal} is thrown. Writes nothing either way.
     */
    Response refuseUnlessReplay(CreateRequest request, String scope, ProblemException refusal,
                                Function<String, Optional<Response>> reread);

    /**
     * Writes a posting without an Idempotency-Key.
     *
     * @return false when the event it consumes was consumed before (nothing written)
     */
    boolean post(Posting posting);

    /** Adds a checked receipt; false when the expense got one meanwhile. */
    boolean attachReceipt(Expense expense, Receipt receipt);
}
