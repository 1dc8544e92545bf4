package nl.spil.visitors.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The directory's {@code PersonLeft} event as the visitors function reads it (its contract is in
 * docs/architecture.md, "Events between functions"): no name, no e-mail.
 */
public record PersonLeft(String personId, Optional<String> sub, Instant leftAt) {
}
