package nl.spil.budget.domain;

import java.time.Instant;

/** What money is spent on (office supplies, catering, facilities…): a code and a name. */
public record Category(String code, String name, Instant createdAt) {

    public Category {
        if (!Codes.valid(code)) {
            throw new IllegalArgumentException("category code " + Codes.EXPECTED);
        }
    }
}
