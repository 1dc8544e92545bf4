package nl.spil.platform.identity;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the API Gateway JWT authorizer vouched for it. */
public record Caller(String id, Optional<String> email, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Office managers act on everyone's objects; others only on their own. */
    public boolean mayActOnObjectOf(String ownerId) {
        return has(Role.OFFICE_MANAGER) || id.equals(ownerId);
    }
}
