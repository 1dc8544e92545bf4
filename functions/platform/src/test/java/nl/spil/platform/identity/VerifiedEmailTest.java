package nl.spil.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only a verified e-mail identifies a caller: a user may change their own, unverified, e-mail. */
class VerifiedEmailTest {

    @Test
    void anUnverifiedEmailIsNotTheCallers() {
        var caller = JwtClaims.caller(Map.of("sub", "u1", "email", "boss@example.org", "email_verified", "false"));
        assertThat(caller).isPresent();
        assertThat(caller.get().email()).isEmpty();
    }

    @Test
    void aMissingVerificationClaimCountsAsUnverified() {
        assertThat(JwtClaims.caller(Map.of("sub", "u1", "email", "a@example.org")).get().email()).isEmpty();
    }

    @Test
    void aVerifiedEmailIsTheCallers() {
        var caller = JwtClaims.caller(Map.of("sub", "u1", "email", "A@Example.org", "email_verified", "true"));
        assertThat(caller.get().email()).contains("a@example.org");
    }
}
