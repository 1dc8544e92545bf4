package nl.spil.notifier.app;

import java.time.Instant;
import java.util.Optional;

/** Whether e-mail is paused for the whole account, shared by every notifier invocation (port). */
public interface AccountPause {

    /** Until when e-mail is paused, if it is paused at all (a past instant means no longer). */
    Optional<Instant> until();

    /** Pauses e-mail until {@code until} (never shortens a pause already longer). */
    void pause(Instant until, String reason, Instant now);
}
