package nl.spil.stock.api;

import nl.spil.testkit.RouteRulesContract;

/**
 * The stock function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    RouteRulesTest() {
        super(StockFunction.ID, () -> StockFunction.event("get-item.json"), StockFunction.get()::send);
    }
}
