package nl.spil.visitors.api;

import io.micronaut.context.ApplicationContext;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RouteRulesContract;
import nl.spil.localkit.Template;

/**
 * The visitors function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    private static final VisitorsFunction FN = VisitorsFunction.get();

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
        return VisitorsFunction.ID;
    }

    @Override
    protected HttpEvent event() {
        return VisitorsFunction.event("get-visit.json");
    }

    @Override
    protected HttpAnswer send(HttpEvent event) {
        return FN.send(event);
    }
}
