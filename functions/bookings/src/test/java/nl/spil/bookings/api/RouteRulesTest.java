package nl.spil.bookings.api;

import nl.spil.testkit.RouteRulesContract;

/**
 * The bookings function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    RouteRulesTest() {
        super(BookingsFunction.ID, () -> BookingsFunction.event("get-booking.json"), BookingsFunction.get()::send);
    }
}
