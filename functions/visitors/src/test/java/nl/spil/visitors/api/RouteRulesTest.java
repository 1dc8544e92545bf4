package nl.spil.visitors.api;

import nl.spil.testkit.RouteRulesContract;

/**
 * The visitors function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    RouteRulesTest() {
        super(VisitorsFunction.ID, () -> VisitorsFunction.event("get-visit.json"), VisitorsFunction.get()::send);
    }
}
