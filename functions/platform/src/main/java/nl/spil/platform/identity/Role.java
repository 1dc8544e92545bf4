package nl.spil.platform.identity;

import java.util.Locale;
import java.util.Optional;

/** The four roles of domain.md, named as the identity provider's groups. */
public enum Role {
    STAFF("staff"),
    RECEPTION("reception"),
    OFFICE_MANAGER("office-manager"),
    MANAGEMENT("management");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> fromGroup(String group) {
        if (group == null) {
            return Optional.empty();
        }
        String wanted = group.trim().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.group.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
