package nl.spil.platform.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;

/** Lets a controller method take a {@link Caller} parameter. */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Caller caller = Callers.of(source).orElseThrow(() -> ProblemException.unauthorized("no valid token"));
        return () -> Optional.of(caller);
    }
}
