package nl.spil.budget.app;

import java.time.LocalDate;

/** What the office manager says was spent (the request, checked field by field). */
public record NewExpense(LocalDate date, long amountCents, String supplier, String description, String costCentre,
                         String category) {
}
