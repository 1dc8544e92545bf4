package nl.spil.mailroom.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The directory's {@code PersonLeft} event as the mailroom reads it (docs/architecture.md,
 * "Events between functions"): their post history goes with them.
 */
public record PersonLeft(String personId, Optional<String> sub, Instant leftAt) {
}
