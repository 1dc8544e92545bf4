package nl.spil.budget.domain;

import java.time.Instant;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.money.Money;

/**
 * A booking took a category across 80 % or 100 % of its budget to date or for the year. The
 * budget function tells the cost centre's owner, the office managers and management (by its own
 * consumer of this event, so that recording an expense never waits for the directory); other
 * functions may listen too. One event per crossing: its dedupe key names the crossing's generation.
 */
public record BudgetThresholdCrossed(String costCentre, String category, int year, int threshold, int generation,
                                     int asOfMonth, Money budgetToDate, Money budgetYear, Money actualToDate,
                                     Money actualYear, String expenseId, Instant crossedAt) implements DomainEvent {

    public static final String SOURCE = "nl.spil.budget";
    public static final String DETAIL_TYPE = "BudgetThresholdCrossed";

    public static BudgetThresholdCrossed of(CategoryYear totals, Crossing crossing, String expenseId, Instant at) {
        Usage u = crossing.usage();
        return new BudgetThresholdCrossed(totals.costCentre(), totals.category(), totals.year(),
                crossing.threshold().percent(), crossing.generation(), crossing.asOfMonth(), Money.eur(u.budgetToDate()),
                Money.eur(u.budgetYear()), Money.eur(u.actualToDate()), Money.eur(u.actualYear()), expenseId, at);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public String dedupeKey() {
        return "budget:threshold:" + costCentre + ":" + category + ":" + year + ":" + threshold + ":" + generation;
    }

    /** The crossing's key, shared by the e-mails it causes (each adds its recipient). */
    public String crossingKey() {
        return "budget:alert:" + costCentre + ":" + category + ":" + year + ":" + threshold + ":" + generation;
    }
}
