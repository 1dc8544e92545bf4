package nl.spil.budget.app;

import java.util.List;
import java.util.Optional;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.CategoryYearChange;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.OrderCommitment;
import nl.spil.platform.events.DomainEvent;

/**
 * Everything one booking writes, in one transaction: the running totals it changes (each under the
 * version it was read at), new expenses, the original a reversal marks, a budget's history entry,
 * domain events for the outbox, the cost centres and categories that must exist, the event it
 * consumes and the purchase order it changes.
 */
public record Posting(List<CategoryYearChange> totals, List<Expense> expenses, Optional<Expense> reversed,
                      Optional<BudgetChange> budgetChange, List<DomainEvent> events, List<String> costCentresThatMustExist,
                      List<String> categoriesThatMustExist, Optional<String> consumesEvent, Optional<OrderChange> order) {

    /** A purchase order as read and as it is to be written. */
    public record OrderChange(OrderCommitment before, OrderCommitment after) {
    }

    public Posting {
        totals = List.copyOf(totals);
        expenses = List.copyOf(expenses);
        events = List.copyOf(events);
        costCentresThatMustExist = costCentresThatMustExist.stream().distinct().toList();
        categoriesThatMustExist = categoriesThatMustExist.stream().distinct().toList();
    }
}
