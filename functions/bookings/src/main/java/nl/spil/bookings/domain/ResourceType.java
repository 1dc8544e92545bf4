package nl.spil.bookings.domain;

import java.util.Locale;
import java.util.Optional;

public enum ResourceType {
    ROOM, DESK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResourceType> tryParse(String s) {
        for (ResourceType t : values()) {
            if (t.code().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
