package nl.spil.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtClaimsTest {

    private static Map<String, String> claims(String sub, String email, String groups) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("email", email);
        claims.put("email_verified", "true");
        claims.put("cognito:groups", groups);
        claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc");
        return claims;
    }

    @Test
    void readsSubEmailAndGroupsAsTheCaller() {
        Caller caller = JwtClaims.caller(claims("sub-1", "anna@example.nl", "[staff office-manager]")).orElseThrow();

        assertThat(caller.id()).isEqualTo("sub-1");
        assertThat(caller.email()).contains("anna@example.nl");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.OFFICE_MANAGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[staff office-manager]",           // how the HTTP API flattens the array
        "[\"staff\",\"office-manager\"]",   // a JSON array
        "[\"staff\", \"office-manager\"]",
        "staff,office-manager",             // a comma list
        "staff, office-manager",
        " staff  office-manager ",
        "[Staff OFFICE-MANAGER]",           // case of the identity provider's console
    })
    void readsGroupsInEachShapeTheAuthorizerMayPassThem(String groups) {
        assertThat(JwtClaims.groups(groups)).containsExactlyInAnyOrder(Role.STAFF, Role.OFFICE_MANAGER);
    }

    @Test
    void readsEveryRoleByItsGroupName() {
        assertThat(JwtClaims.groups("[staff reception office-manager management]"))
                .containsExactlyInAnyOrder(Role.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[staff admins eu-west-1_abc_Google]", "[\"admin\",\"staff\",\"officemanager\"]",
        "staff,root,office_manager", "[staff staff]"})
    void ignoresUnknownGroups(String groups) {
        assertThat(JwtClaims.groups(groups)).containsExactly(Role.STAFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "[ ]", "\"\"", ",", "admins"})
    void noKnownGroupMeansNoRole(String groups) {
        assertThat(JwtClaims.groups(groups)).isEmpty();
    }

    @Test
    void aCallerWithoutGroupsIsStillACallerWithoutRoles() {
        Caller caller = JwtClaims.caller(claims("sub-1", "a@x.nl", null)).orElseThrow();

        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void noSubMeansNoCaller() {
        assertThat(JwtClaims.caller(claims(null, "a@x.nl", "[office-manager]"))).isEmpty();
        assertThat(JwtClaims.caller(claims("", "a@x.nl", "[office-manager]"))).isEmpty();
        assertThat(JwtClaims.caller(claims("  ", "a@x.nl", "[office-manager]"))).isEmpty();
        assertThat(JwtClaims.caller(Map.of())).isEmpty();
        assertThat(JwtClaims.caller(null)).isEmpty();
    }

    @Test
    void theEmailIsLowerCasedAndTrimmed() {
        Caller caller = JwtClaims.caller(claims("s", "  Anna.De.Vries@Example.NL ", "[staff]")).orElseThrow();

        assertThat(caller.email()).contains("anna.de.vries@example.nl");
    }

    @Test
    void aMissingOrBlankEmailIsEmpty() {
        assertThat(JwtClaims.caller(claims("s", null, "[staff]")).orElseThrow().email()).isEmpty();
        assertThat(JwtClaims.caller(claims("s", " ", "[staff]")).orElseThrow().email()).isEqualTo(Optional.empty());
    }
}
