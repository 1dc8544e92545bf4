package nl.spil.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertThat(Names.fold("Müller")).isEqualTo("muller");
        assertThat(Names.fold(" MULLER ")).isEqualTo("muller");
        assertThat(Names.fold("Zoë  d'Ávila-Ørsted")).isEqualTo("zoe d avila orsted");
        assertThat(Names.fold("Straße")).isEqualTo("strasse");
        assertThat(Names.fold("Çelik Şahin")).isEqualTo("celik sahin");
        assertThat(Names.fold(null)).isEmpty();
    }
}
