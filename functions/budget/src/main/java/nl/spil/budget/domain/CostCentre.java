package nl.spil.budget.domain;

import java.time.Instant;

/** A cost centre: a code, a name and the directory person who owns its budget. */
public record CostCentre(String code, String name, String ownerId, long version, Instant createdAt, Instant updatedAt) {

    public CostCentre {
        if (!Codes.valid(code)) {
            throw new IllegalArgumentException("cost centre code " + Codes.EXPECTED);
        }
    }

    public CostCentre changed(String newName, String newOwnerId, Instant now) {
        return new CostCentre(code, newName, newOwnerId, version + 1, createdAt, now);
    }
}
