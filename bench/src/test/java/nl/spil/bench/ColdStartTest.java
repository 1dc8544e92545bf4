package nl.spil.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command's options that name other builds to measure beside the functions and the baseline. */
class ColdStartTest {

    @Test
    void aPlainVariantNamesItsJarAndItsHandlerClass() {
        assertThatCode(() -> new ColdStart().parse("--plain-variant",
                "PlainEmf=bench/variants/target/plain-emf.jar:nl.spil.bench.variants.EmfPlainHandler")).doesNotThrowAnyException();
        for (String bad : new String[] {"PlainEmf=bench/variants/target/plain-emf.jar", "=x.jar:a.B", "PlainEmf=x.jar:", "PlainEmf=:a.B"}) {
            assertThatThrownBy(() -> new ColdStart().parse("--plain-variant", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME=JAR:HANDLER");
        }
    }
}
