package nl.spil.visitors.domain;

import java.time.Instant;

/** A block-list entry matched this visit, at registration or at check-in. Erased with the visit. */
public record BlockHit(String entryId, Instant at, Where where) {

    public enum Where { REGISTRATION, CHECK_IN }
}
