package nl.spil.visitors.domain;

import java.time.Instant;

/** An office manager's decision on a visit the block list stopped: who, when, why. */
public record ReviewDecision(String by, Instant at, String why, boolean approved) {
}
