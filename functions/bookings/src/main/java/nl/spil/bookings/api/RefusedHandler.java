package nl.spil.bookings.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.spil.bookings.app.Refusals;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.http.ProblemResponses;

/** A refusal of the domain, answered as the problem of its kind (never logged as an error). */
@Produces
@Singleton
public class RefusedHandler implements ExceptionHandler<Refused, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refused refused) {
        return ProblemResponses.of(Refusals.problem(refused.refusal()));
    }
}
