package nl.spil.visitors.domain;

import java.time.Instant;

/** The house rules a visitor accepted at check-in: which version, when, and the name they typed. */
public record Acceptance(int version, Instant acceptedAt, String typedName) {

    @Override
    public String toString() {
        return "Acceptance[v" + version + " at " + acceptedAt + "]";
    }
}
