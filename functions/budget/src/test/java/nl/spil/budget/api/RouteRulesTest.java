package nl.spil.budget.api;

import io.micronaut.context.ApplicationContext;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RouteRulesContract;
import nl.spil.localkit.Template;

/**
 * The budget function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * the office manager everything, management only the reports, staff and reception nothing.
 */
class RouteRulesTest extends RouteRulesContract {

    private static final BudgetFunction FN = BudgetFunction.get();

    @Override
    protected ApplicationContext context() {
        return FN.context();
    }

    @Override
    protected Template template() {
        return FN.aws.template();
    }

    @Override
    protected String functionId() {
        return BudgetFunction.ID;
    }

    @Override
    protected HttpEvent event() {
        return BudgetFunction.event("get-expense.json");
    }

    @Override
    protected HttpAnswer send(HttpEvent event) {
        return FN.send(event);
    }
}
