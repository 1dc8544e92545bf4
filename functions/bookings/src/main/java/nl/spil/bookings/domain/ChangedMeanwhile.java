package nl.spil.bookings.domain;

/** What someone changed was changed by someone else since they read it (412: reload and decide again). */
public record ChangedMeanwhile(String detail) implements Refusal {

    public static ChangedMeanwhile since(String what, String id) {
        return new ChangedMeanwhile(what + " " + id + " was changed meanwhile; reload it");
    }

    public static ChangedMeanwhile version(String what, String id, long current, long expected) {
        return new ChangedMeanwhile(what + " " + id + " is at version " + current + ", not " + expected);
    }

    @Override
    public String slug() {
        return "stale-version";
    }

    @Override
    public String title() {
        return "Changed by someone else";
    }
}
