package nl.spil.platform.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the caller from the claims the HTTP API JWT authorizer passes in
 * {@code requestContext.authorizer.jwt.claims}. API Gateway flattens the groups array to a
 * string such as {@code [staff office-manager]}; a JSON array or a comma list is read too.
 */
public final class JwtClaims {

    private JwtClaims() {
    }

    public static Optional<Caller> caller(Map<String, String> claims) {
        if (claims == null) {
            return Optional.empty();
        }
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            return Optional.empty();
        }
        String email = claims.get("email");
        // An unverified address could be anyone's (a user may change their own e-mail attribute):
        // only a verified one identifies the caller.
        boolean verified = "true".equalsIgnoreCase(String.valueOf(claims.get("email_verified")).trim());
        Optional<String> mail = email == null || email.isBlank() || !verified
                ? Optional.empty()
                : Optional.of(email.trim().toLowerCase(Locale.ROOT));
        return Optional.of(new Caller(sub, mail, groups(claims.get("cognito:groups"))));
    }

    static Set<Role> groups(String raw) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (raw == null) {
            return roles;
        }
        String cleaned = raw.replace("[", " ").replace("]", " ").replace("\"", " ").replace(",", " ");
        for (String part : cleaned.trim().split("\\s+")) {
            Role.fromGroup(part).ifPresent(roles::add);
        }
        return roles;
    }
}
