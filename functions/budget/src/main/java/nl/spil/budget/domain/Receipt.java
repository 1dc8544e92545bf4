package nl.spil.budget.domain;

import java.time.Instant;

/**
 * The proof of an expense, checked after its upload: the object's key, the version that was
 * checked (a later upload to the same key is not it), its type and size.
 */
public record Receipt(String key, String versionId, ReceiptType type, long size, Instant checkedAt) {
}
