package nl.spil.budget.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.budget.app.NewExpense;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.Codes;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Months;
import nl.spil.budget.domain.Phasing;
import nl.spil.budget.domain.Refusal;
import nl.spil.budget.app.Refusals;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.money.Money;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/** Reads the budget function's request bodies and query values, naming every bad field. */
final class BudgetRequests {

    static final long MAX_BUDGET_CENTS = 1_000_000_000_000L;
    static final List<String> EXPENSE_FIELDS = List.of("date", "amount", "supplier", "description", "costCentre", "category");

    private BudgetRequests() {
    }

    /** A code (cost centre or category) in a body. */
    static String code(JsonFields f, String name) {
        String code = f.text(name, Codes.MAX_LENGTH + 10);
        if (code != null && !Codes.valid(code)) {
            f.error(name, Codes.EXPECTED);
            return null;
        }
        return code;
    }

    /**
     * Money as the API writes it, {@code {"amountCents": 1250, "currency": "EUR"}}: whole cents in
     * {@code min..max}, and euro only (Spil keeps one currency; another is refused, never converted).
     */
    static Long money(JsonFields f, String name, long min, long max) {
        Optional<JsonFields> object = f.optionalObject(name);
        if (object.isEmpty()) {
            if (!f.has(name)) {
                f.error(name, "is required: {\"amountCents\": 1250, \"currency\": \"EUR\"}");
            }
            return null;
        }
        JsonFields m = object.get().only("amountCents", "currency");
        Long cents = m.integer("amountCents", min, max);
        String currency = m.text("currency", 16);
        if (currency != null && !currency.equals(Money.EUR)) {
            m.error("currency", "must be EUR: Spil keeps every amount in euro and converts nothing");
            return null;
        }
        return currency == null ? null : cents;
    }

    /** {@code amount} and optional {@code months} (twelve amounts, January to December) of a budget. */
    static Phasing phasing(JsonFields f) {
        Long amount = money(f, "amount", 0, MAX_BUDGET_CENTS);
        if (!f.has("months")) {
            return amount == null ? null : Phasing.evenly(amount);
        }
        List<JsonFields> months = f.objectList("months", Months.COUNT);
        if (months.size() != Months.COUNT) {
            f.error("months", "must have 12 amounts, January to December");
            return null;
        }
        List<Long> cents = new ArrayList<>();
        for (JsonFields month : months) {
            JsonFields m = month.only("amountCents", "currency");
            Long c = m.integer("amountCents", 0, MAX_BUDGET_CENTS);
            String currency = m.text("currency", 16);
            if (currency != null && !currency.equals(Money.EUR)) {
                m.error("currency", "must be EUR: Spil keeps every amount in euro and converts nothing");
            }
            cents.add(c);
        }
        if (amount == null || !f.valid()) {
            return null;
        }
        try {
            return Phasing.of(amount, cents);
        } catch (Refusal.Refused refused) {
            throw Refusals.of(refused.refusal());
        }
    }

    static NewExpense expense(JsonFields f) {
        LocalDate date = f.optionalDate("date").orElse(null);
        if (date == null && !f.has("date")) {
            f.error("date", "is required");
        }
        Long amount = money(f, "amount", 1, Expense.MAX_CENTS);
        String supplier = f.text("supplier", 200);
        String description = f.text("description", 500);
        String costCentre = code(f, "costCentre");
        String category = code(f, "category");
        f.done();
        return new NewExpense(date, amount, supplier, description, costCentre, category);
    }

    static int year(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required, a year such as 2027");
        }
        String v = value.trim();
        if (!v.matches("\\d{4}") || Integer.parseInt(v) < BudgetKey.FIRST_YEAR || Integer.parseInt(v) > BudgetKey.LAST_YEAR) {
            throw ProblemException.badRequest(field, "must be a year from " + Times.FIRST_YEAR + " to " + Times.LAST_YEAR);
        }
        return Integer.parseInt(v);
    }

    static Optional<Integer> month(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!v.matches("\\d{1,2}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > Months.COUNT) {
            throw ProblemException.badRequest("month", "must be a month from 1 to 12");
        }
        return Optional.of(Integer.parseInt(v));
    }

    static Optional<String> optionalCode(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!Codes.valid(value.trim())) {
            throw ProblemException.badRequest(field, Codes.EXPECTED);
        }
        return Optional.of(value.trim());
    }

    static String requiredCode(String value, String field) {
        return optionalCode(value, field).orElseThrow(() -> ProblemException.badRequest(field, "is required"));
    }
}
