package nl.spil.directory.api;

import nl.spil.testkit.RouteRulesContract;

/**
 * The directory function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    RouteRulesTest() {
        super(DirectoryFunction.ID, () -> DirectoryFunction.event("get-me.json"), DirectoryFunction.get()::send);
    }
}
