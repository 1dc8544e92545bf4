package nl.spil.bookings.schedule;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.spil.bookings.app.ReleasingNoShows;

/**
 * The no-show schedule (EventBridge Scheduler, every 5 minutes, Europe/Amsterdam). The
 * schedule's Input carries {@code <aws.scheduler.scheduled-time>}, so a tick is identified by
 * its scheduled time: bookings whose check-in window closed by then are released. Running the
 * same tick again releases nothing more (see {@link ReleasingNoShows}).
 */
public class ReleaseNoShowsHandler extends MicronautRequestHandler<ReleaseNoShowsHandler.Tick, ReleaseNoShowsHandler.Result> {

    @Inject
    ReleasingNoShows releasing;

    public ReleaseNoShowsHandler() {
        super();
    }

    public ReleaseNoShowsHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** The schedule's Input: {"scheduledTime": "2027-03-29T08:15:00Z"}. */
    @Serdeable
    public record Tick(@Nullable String scheduledTime) {
    }

    /** What the tick did. */
    @Serdeable
    public record Result(String tick, int due, int released) {
    }

    @Override
    public Result execute(Tick input) {
        if (input == null || input.scheduledTime() == null) {
            throw new IllegalArgumentException("the schedule's Input must carry scheduledTime");
        }
        Instant tick;
        try {
            tick = Instant.parse(input.scheduledTime());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime is not an ISO-8601 UTC time: " + input.scheduledTime(), e);
        }
        ReleasingNoShows.Report report = releasing.release(tick);
        return new Result(tick.toString(), report.due(), report.released());
    }
}
