package nl.spil.directory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.events.DomainEvent;

/**
 * Someone left: the other functions remove or hand over what they keep about them. Carries no
 * name or e-mail (the directory record is gone in the same transaction); {@code sub} is the
 * sign-in account's subject, which bookings are keyed by, when the directory knew the account.
 */
public record PersonLeft(String personId, Optional<String> sub, Instant leftAt) implements DomainEvent {

    /** Who acts on the event and what they do (docs/architecture.md, "Events between functions"). */
    public record Consumer(String function, String does) {
    }

    public static final List<Consumer> CONSUMERS = List.of(
            new Consumer("bookings", "revokes their calendar feeds, cancels their future bookings (organisers of shared "
                    + "rooms are told) and pseudonymises their past ones"),
            new Consumer("mailroom", "removes their post history"),
            new Consumer("visitors", "hands their future visits as host to the office manager"));

    @Override
    public String source() {
        return "nl.spil.directory";
    }

    @Override
    public String detailType() {
        return "PersonLeft";
    }

    @Override
    public String dedupeKey() {
        return "directory:person-left:" + personId;
    }
}
