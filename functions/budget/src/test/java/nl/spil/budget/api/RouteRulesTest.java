package nl.spil.budget.api;

import nl.spil.testkit.RouteRulesContract;

/**
 * The budget function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * the office manager everything, management only the reports, staff and reception nothing.
 */
class RouteRulesTest extends RouteRulesContract {

    RouteRulesTest() {
        super(BudgetFunction.ID, () -> BudgetFunction.event("get-expense.json"), BudgetFunction.get()::send);
    }
}
