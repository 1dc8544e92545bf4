package nl.spil.visitors.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.spil.platform.http.ProblemResponses;
import nl.spil.visitors.app.Refusals.TooManyWrongCodes;

/** 429 with Retry-After: a kiosk locked out by wrong codes knows when to try again. */
@Produces
@Singleton
public class TooManyWrongCodesHandler implements ExceptionHandler<TooManyWrongCodes, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, TooManyWrongCodes exception) {
        return ProblemResponses.of(exception).header("Retry-After", Long.toString(exception.retryAfterSeconds()));
    }
}
