package nl.spil.budget.app;

import java.time.Month;
import java.time.format.TextStyle;
import nl.spil.budget.domain.BudgetThresholdCrossed;
import nl.spil.budget.domain.Cents;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailTemplate;

/** The alert e-mail, in Dutch and English (the monthly report is {@link MonthlyReportMail}). */
public final class BudgetMails {

    private BudgetMails() {
    }

    /** What an alert names. */
    public record Alert(BudgetThresholdCrossed crossing, String costCentreName, String categoryName, String recipientName) {
    }

    static String month(Language language, int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, language.locale());
    }

    /** Used to date (or for the year where nothing was planned to date) in percent with two decimals. */
    static String used(Language language, long actual, long budget) {
        return budget > 0 ? Cents.percent(Cents.basisPoints(actual, budget), language.pick(',', '.')) + " %" : "—";
    }

    public static final EmailTemplate<Alert> ALERT = EmailTemplate.of(
            (lang, a) -> (a.crossing().threshold() >= 100 ? lang.pick("Budget overschreden: ", "Over budget: ")
                    : lang.pick("Budget bijna op: ", "Budget nearly spent: "))
                    + a.categoryName() + " (" + a.costCentreName() + ") " + a.crossing().year(),
            (lang, a, body) -> {
                BudgetThresholdCrossed c = a.crossing();
                body.paragraph(lang.pick("Hallo ", "Hello ") + a.recipientName() + ",")
                        .paragraph(c.threshold() >= 100
                                ? lang.pick("De uitgaven van deze categorie zijn het budget gepasseerd.",
                                        "Spending in this category has gone past its budget.")
                                : lang.pick("De uitgaven van deze categorie zijn de " + c.threshold() + " % van het budget gepasseerd.",
                                        "Spending in this category has passed " + c.threshold() + " % of its budget."))
                        .row(lang.pick("Kostenplaats", "Cost centre"), a.costCentreName() + " (" + c.costCentre() + ")")
                        .row(lang.pick("Categorie", "Category"), a.categoryName())
                        .row(lang.pick("Periode", "Period"), lang.pick("januari t/m ", "January to ") + month(lang, c.asOfMonth())
                                + " " + c.year())
                        .row(lang.pick("Budget t/m deze maand", "Budget to date"), Cents.euro(c.budgetToDate().amountCents(), lang))
                        .row(lang.pick("Uitgegeven t/m deze maand", "Spent to date"), Cents.euro(c.actualToDate().amountCents(), lang)
                                + " (" + used(lang, c.actualToDate().amountCents(), c.budgetToDate().amountCents()) + ")")
                        .row(lang.pick("Budget voor het jaar", "Budget for the year"), Cents.euro(c.budgetYear().amountCents(), lang))
                        .row(lang.pick("Uitgegeven dit jaar", "Spent this year"), Cents.euro(c.actualYear().amountCents(), lang)
                                + " (" + used(lang, c.actualYear().amountCents(), c.budgetYear().amountCents()) + ")")
                        .row(lang.pick("Door uitgave", "Caused by expense"), c.expenseId())
                        .note(lang.pick("Je krijgt dit bericht als eigenaar van de kostenplaats, office manager of lid van de directie. "
                                        + "Je hoort het pas weer als de uitgaven eerst onder deze grens zakken en er dan opnieuw overheen gaan.",
                                "You get this as the cost centre's owner, an office manager or management. You will hear about this "
                                        + "threshold again only if spending first drops below it and then crosses it again."));
            });
}
