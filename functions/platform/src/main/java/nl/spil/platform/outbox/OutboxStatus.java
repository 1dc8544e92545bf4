package nl.spil.platform.outbox;

/** Where an outbox item is in its life. New items are {@link #PENDING}. */
public enum OutboxStatus {
    /** Waiting to be delivered (or to be retried). */
    PENDING,
    /**
     * Claimed by one notifier invocation, which holds a lease ({@code leaseOwner},
     * {@code leaseUntil}) while it sends; an expired lease is re-driven by the sweep.
     */
    SENDING,
    /** Delivered (sent): the e-mail was accepted by SES or the event by EventBridge. */
    DONE,
    /** Gave up after the last attempt; listed for the office manager, who can retry it. */
    FAILED;

    /**
     * Status index partitions per status. Every item in one status would otherwise share one
     * index partition, which caps the writes of a backlog; an item's shard follows from its key.
     */
    public static final int SHARDS = 4;

    /** The status index's partition key of the item {@code pk} in this status: {@code STATUS#PENDING#2}. */
    public String gsiKey(String pk) {
        return gsiKey(Math.floorMod(pk.hashCode(), SHARDS));
    }

    /** The partition key of one shard of this status, 0 ≤ shard < {@link #SHARDS}. */
    public String gsiKey(int shard) {
        return "STATUS#" + name() + "#" + shard;
    }
}
