package nl.spil.bookings.api;

import io.micronaut.context.ApplicationContext;
import nl.spil.localkit.Template;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RouteRulesContract;

/**
 * The bookings function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    private static final BookingsFunction FN = BookingsFunction.get();

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
        return BookingsFunction.ID;
    }

    @Override
    protected HttpEvent event() {
        return BookingsFunction.event("get-booking.json");
    }

    @Override
    protected HttpAnswer send(HttpEvent event) {
        return FN.send(event);
    }
}
