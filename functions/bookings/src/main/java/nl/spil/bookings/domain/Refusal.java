package nl.spil.bookings.domain;

/**
 * Why a booking, a change or a series is refused, as the domain says it: each kind a record
 * with a stable slug (the problem type the API answers with), a title and a detail a person can
 * act on. Thrown inside {@link Refused}; collected as {@link Skipped} where a series goes on.
 */
public sealed interface Refusal permits RuleBroken, SlotTaken, NotActive, ChangedMeanwhile, SeriesConflicts,
        ResourceRemoved {

    String slug();

    String title();

    String detail();
}
