package nl.spil.visitors.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import nl.spil.platform.i18n.Language;

/**
 * A site's house rules (and NDA) as visitors accept them, per language, versioned: every change
 * is a new version, and a check-in records which one was accepted. Version 0: none yet.
 */
public record HouseRules(String siteId, int version, Map<Language, String> texts, Instant updatedAt, String updatedBy) {

    public static final int MAX_TEXT = 20_000;

    public HouseRules {
        Objects.requireNonNull(siteId, "siteId");
        texts = texts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(texts));
    }

    public static HouseRules none(String siteId) {
        return new HouseRules(siteId, 0, Map.of(), Instant.EPOCH, "");
    }

    public boolean exists() {
        return version > 0;
    }

    /** The next version, written by {@code by}; {@code expectedVersion} is the version the writer saw. */
    public HouseRules next(int expectedVersion, Map<Language, String> newTexts, String by, Instant at) {
        if (expectedVersion != version) {
            throw Refusal.conflict("house-rules-changed", "House rules changed meanwhile",
                    "the current version is " + version + "; read it and write again");
        }
        if (newTexts.isEmpty()) {
            throw Refusal.rule("house-rules-empty", "No text", "give the house rules in at least one language");
        }
        return new HouseRules(siteId, version + 1, newTexts, at, by);
    }

    /** The text in a language, else in the other one. */
    public String text(Language language) {
        String own = texts.get(language);
        if (own != null) {
            return own;
        }
        return texts.values().stream().findFirst().orElse("");
    }
}
