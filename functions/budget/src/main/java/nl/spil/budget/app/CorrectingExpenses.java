package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.Bookkeeping;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Refusal;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager corrects an expense: never in place, but by its reversal (who and why) and,
 * usually, a new expense with the right figures, in one transaction with the running totals of
 * both. Requests: 1 GetItem + 1 Query per category-year touched (1 or 2) + 1 TransactWriteItems.
 */
@Singleton
public class CorrectingExpenses {

    static final String SCOPE = "corrections";

    private final Ledger ledger;
    private final Organisation organisation;
    private final Ids ids;
    private final Clock clock;

    public CorrectingExpenses(Ledger ledger, Organisation organisation, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.organisation = organisation;
        this.ids = ids;
        this.clock = clock;
    }

    /** The reversal and the new expense (if any). */
    public record Corrected(Expense reversal, Optional<Expense> replacement) {
    }

    public Response correct(String id, String reason, Optional<NewExpense> replacement, Caller caller, CreateRequest request,
                            Function<Corrected, Response> answer) {
        Function<String, Optional<Response>> reread = created -> {
            List<Optional<Expense>> read = Arrays.stream(created.split(",")).map(ledger::expense).toList();
            if (read.isEmpty() || read.get(0).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(answer.apply(new Corrected(read.get(0).get(), read.size() > 1 ? read.get(1) : Optional.empty())));
        };
        return Contention.retried(() -> {
            Expense original = ledger.expense(id).orElseThrow(() -> ProblemException.notFound("expense", id));
            Instant now = clock.instant();
            Expense reversal;
            try {
                reversal = original.reversal(ids.next(), caller.id(), reason, now);
            } catch (Refusal.Refused refused) {
                return ledger.refuseUnlessReplay(request, SCOPE + ":" + id, Refusals.of(refused.refusal()), reread);
            }
            List<Expense> expenses = new ArrayList<>(List.of(reversal));
            replacement.ifPresent(w -> expenses.add(Expense.manual(ids.next(), w.date(), w.amountCents(), w.supplier(),
                    w.description(), w.costCentre(), w.category(), caller.id(), now)));
            Map<BudgetKey, CategoryYear> read = new LinkedHashMap<>();
            for (Expense e : expenses) {
                BudgetKey key = new BudgetKey(e.costCentre(), e.category(), e.year());
                if (!read.containsKey(key)) {
                    read.put(key, ledger.categoryYear(key));
                }
            }
            Bookkeeping.Result booked = Bookkeeping.book(read, expenses, Map.of(), organisation.today(clock), now);
            Optional<Expense> added = expenses.size() > 1 ? Optional.of(expenses.get(1)) : Optional.empty();
            Posting posting = new Posting(booked.changes(), expenses, Optional.of(original.reversedBy(reversal.id())),
                    Optional.empty(), List.copyOf(booked.crossings()), added.map(e -> List.of(e.costCentre())).orElse(List.of()),
                    added.map(e -> List.of(e.category())).orElse(List.of()), Optional.empty(), Optional.empty());
            String created = reversal.id() + added.map(e -> "," + e.id()).orElse("");
            return ledger.post(posting, request, SCOPE + ":" + id, created, answer.apply(new Corrected(reversal, added)), reread);
        });
    }
}
