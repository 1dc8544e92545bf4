package nl.spil.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings of(Map<String, String> env) {
        return new Settings(env::get);
    }

    @Test
    void readsAValueTrimmed() {
        Settings s = of(Map.of("TABLE_NAME", "  spil-directory \n"));

        assertThat(s.optional("TABLE_NAME")).contains("spil-directory");
        assertThat(s.require("TABLE_NAME")).isEqualTo("spil-directory");
        assertThat(s.tableName()).isEqualTo("spil-directory");
    }

    @Test
    void treatsAMissingOrBlankValueAsAbsent() {
        Settings s = of(Map.of("BLANK", "   "));

        assertThat(s.optional("BLANK")).isEmpty();
        assertThat(s.optional("MISSING")).isEmpty();
        assertThat(s.optional("BLANK", "fallback")).isEqualTo("fallback");
        assertThat(s.optional("MISSING", "fallback")).isEqualTo("fallback");
    }

    @Test
    void requireNamesTheMissingVariable() {
        Settings s = of(Map.of());

        assertThatIllegalStateException().isThrownBy(() -> s.require("CURSOR_SIGNING_KEY"))
                .withMessageContaining("CURSOR_SIGNING_KEY")
                .withMessageContaining("template.yaml");
        assertThatIllegalStateException().isThrownBy(s::tableName).withMessageContaining("TABLE_NAME");
        assertThatIllegalStateException().isThrownBy(s::outboxTable).withMessageContaining("OUTBOX_TABLE");
    }

    @Test
    void officeNameDefaultsToSpil() {
        assertThat(of(Map.of()).officeName()).isEqualTo("Spil");
        assertThat(of(Map.of("OFFICE_NAME", "Kantoor Delft")).officeName()).isEqualTo("Kantoor Delft");
    }

    @Test
    void fromEnvironmentFallsBackToASystemPropertyWhenTheVariableIsAbsent() {
        String name = "SPIL_SETTINGS_TEST_" + System.nanoTime();
        assumeTrue(System.getenv(name) == null);
        System.setProperty(name, "from-property");
        try {
            assertThat(Settings.fromEnvironment().require(name)).isEqualTo("from-property");
        } finally {
            System.clearProperty(name);
        }
        assertThat(Settings.fromEnvironment().optional(name)).isEmpty();
    }

    @Test
    void fromEnvironmentPrefersTheEnvironmentVariableOverTheProperty() {
        String name = System.getenv().keySet().stream()
                .filter(n -> !System.getenv(n).isBlank() && System.getProperty(n) == null)
                .findFirst().orElse(null);
        assumeTrue(name != null, "needs one non-blank environment variable");
        System.setProperty(name, "from-property");
        try {
            assertThat(Settings.fromEnvironment().require(name)).isEqualTo(System.getenv(name).trim());
        } finally {
            System.clearProperty(name);
        }
    }
}
