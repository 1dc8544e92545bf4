package nl.spil.bookings.app;

import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Series;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;

/** Where series of bookings are kept (port); their occurrences are bookings (see {@link Bookings}). */
public interface RecurringSeries {

    /** Writes the series with its e-mail, once per Idempotency-Key; a replay answers {@code reread} of the series id. */
    Response add(Series series, Optional<EmailMessage> mail, CreateRequest request, Response answer,
                 Function<String, Optional<Response>> reread);

    Optional<Series> byId(String id);

    /** Ends a series (once): false when it had ended already. */
    boolean end(Series series, Optional<EmailMessage> mail);

    /** Its organiser left: the series ends and keeps no e-mail address. */
    void forget(Series series);
}
