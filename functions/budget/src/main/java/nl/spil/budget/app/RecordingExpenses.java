package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.Bookkeeping;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.Expense;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager records an expense. It lands on its category-year's running totals in the
 * same transaction, and a threshold it crosses becomes a {@code BudgetThresholdCrossed} event in
 * that transaction too (the alert e-mails follow from the event). Requests: 1 Query (the
 * category-year) + 1 TransactWriteItems (expense, totals under their version, checks that the cost
 * centre and category exist, the event, the idempotency record).
 */
@Singleton
public class RecordingExpenses {

    static final String SCOPE = "expenses";

    private final Ledger ledger;
    private final Organisation organisation;
    private final Ids ids;
    private final Clock clock;
    private final Outcomes outcomes;

    public RecordingExpenses(Ledger ledger, Organisation organisation, Ids ids, Clock clock, Outcomes outcomes) {
        this.ledger = ledger;
        this.organisation = organisation;
        this.ids = ids;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public Response record(NewExpense wanted, Caller caller, CreateRequest request, Function<Expense, Response> answer) {
        Response response = Contention.retried(() -> {
            Instant now = clock.instant();
            Expense expense = Expense.manual(ids.next(), wanted.date(), wanted.amountCents(), wanted.supplier(),
                    wanted.description(), wanted.costCentre(), wanted.category(), caller.id(), now);
            BudgetKey key = new BudgetKey(expense.costCentre(), expense.category(), expense.year());
            Bookkeeping.Result booked = Bookkeeping.book(Map.of(key, ledger.categoryYear(key)), List.of(expense), Map.of(),
                    organisation.today(clock), now);
            Posting posting = new Posting(booked.changes(), List.of(expense), Optional.empty(), Optional.empty(),
                    List.copyOf(booked.crossings()), List.of(key.costCentre()), List.of(key.category()), Optional.empty(),
                    Optional.empty());
            return ledger.post(posting, request, SCOPE, expense.id(), answer.apply(expense), id -> ledger.expense(id).map(answer));
        });
        if (!response.replayed()) {
            outcomes.record(Outcome.EXPENSE_BOOKED);
        }
        return response;
    }

    public Expense get(String id) {
        return ledger.expense(id).orElseThrow(() -> ProblemException.notFound("expense", id));
    }

    public Page<Expense> list(String costCentre, int year, Optional<Integer> month, Optional<String> category, PageRequest page) {
        return ledger.expenses(costCentre, year, month, category, page);
    }
}
