package nl.spil.directory.api;

import io.micronaut.context.ApplicationContext;
import nl.spil.localkit.Template;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RouteRulesContract;

/**
 * The directory function keeps the route rules every HTTP function keeps (see RouteRulesContract):
 * a rule on every route, code/template/OpenAPI agreement, the generated authorization matrix.
 */
class RouteRulesTest extends RouteRulesContract {

    private static final DirectoryFunction FN = DirectoryFunction.get();

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
        return DirectoryFunction.ID;
    }

    @Override
    protected HttpEvent event() {
        return DirectoryFunction.event("get-me.json");
    }

    @Override
    protected HttpAnswer send(HttpEvent event) {
        return FN.send(event);
    }
}
