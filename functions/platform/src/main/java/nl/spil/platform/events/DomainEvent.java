package nl.spil.platform.events;

/**
 * A fact one function tells the others, as a record in the producing domain (its components
 * are the event's detail; amounts as {@code Money}). It travels in the producer's business
 * transaction as an outbox item, then through the notifier onto the EventBridge bus, where the
 * template's rules deliver it to its consumers. Consumers read it into their own record of the
 * same shape ({@link EventJson#fromEventBridge}) and deduplicate on {@code detail.eventId}.
 * docs/architecture.md lists every event with its fields, producer and consumers.
 */
public interface DomainEvent {

    /** The producing function, e.g. {@code nl.spil.stock}. */
    String source();

    /** The event's name, e.g. {@code PurchaseOrderReceived}; its component names are its contract. */
    String detailType();

    /**
     * One logical event, e.g. {@code stock:po-received:<order>:<version>}: enqueued twice, it is
     * refused the second time (the outbox item's key is derived from it).
     */
    String dedupeKey();
}
