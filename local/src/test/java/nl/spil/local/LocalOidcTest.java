package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local sign-in's checks that need no running cloud. */
class LocalOidcTest {

    @Test
    void pkceS256IsTheRfc7636Transform() {
        // RFC 7636, appendix B
        assertThat(LocalOidc.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void onlyAddressesOnThisMachineAreRedirectTargets() {
        assertThat(LocalOidc.localAddress("http://127.0.0.1:3000/")).isTrue();
        assertThat(LocalOidc.localAddress("http://localhost:5173/")).isTrue();
        assertThat(LocalOidc.localAddress("https://evil.example.com/")).isFalse();
        assertThat(LocalOidc.localAddress("http://127.0.0.1.evil.example.com/")).isFalse();
        assertThat(LocalOidc.localAddress("javascript:alert(1)")).isFalse();
        assertThat(LocalOidc.localAddress(null)).isFalse();
    }
}
