package nl.spil.mailroom.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.spil.mailroom.app.Refusals;
import nl.spil.mailroom.domain.Refusal;
import nl.spil.platform.http.ProblemResponses;

/** A mailroom rule that refused a request: its 409 or 422 problem, never an error in the log. */
@Produces
@Singleton
@Requires(classes = {Refusal.Refused.class, ExceptionHandler.class})
public class RefusalHandler implements ExceptionHandler<Refusal.Refused, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal.Refused refused) {
        return ProblemResponses.of(Refusals.of(refused.refusal()));
    }
}
