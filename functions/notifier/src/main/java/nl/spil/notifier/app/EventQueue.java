package nl.spil.notifier.app;

import nl.spil.platform.events.DomainEvent;

/** Enqueues the notifier's own domain events as outbox items, delivered like any other (port). */
public interface EventQueue {

    /** @return false when the event was enqueued before (its dedupe key is taken) */
    boolean enqueue(DomainEvent event);
}
