package nl.spil.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @Test
    void codes() {
        assertThat(Language.NL.code()).isEqualTo("nl");
        assertThat(Language.EN.code()).isEqualTo("en");
        assertThat(Language.NL.pick("hallo", "hello")).isEqualTo("hallo");
        assertThat(Language.EN.pick("hallo", "hello")).isEqualTo("hello");
    }

    @ParameterizedTest
    @CsvSource({"nl,NL", "NL,NL", "Nl,NL", "nl-NL,NL", "nl-BE,NL", "nl_nl,NL", " nl ,NL", "en,EN", "EN,EN",
            "en-GB,EN", "en-us,EN", "en_GB,EN", "en-Latn-GB,EN"})
    void parsesCodesAndTags(String value, Language expected) {
        assertThat(Language.parse(value)).isEqualTo(expected);
        assertThat(Language.tryParse(value)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "de", "fr-FR", "nld", "eng", "nl-", "-nl", "n", "english", "nl\r\nX"})
    void refusesOthers(String value) {
        assertThatThrownBy(() -> Language.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of: nl, en");
        assertThat(Language.tryParse(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-GB,en;q=0.9,nl;q=0.8 | NL | EN",
        "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7 | EN | NL",
        "de-DE,de;q=0.9,nl;q=0.5,en;q=0.4 | EN | NL",
        "en;q=0.5, nl;q=0.9 | EN | NL",
        "en, nl | NL | EN",
        "NL | EN | NL",
        "fr-FR, de | NL | NL",
        "fr-FR, de | EN | EN",
        "* | EN | EN",
        "fr, * | NL | NL",
        "nl;q=0, * | NL | EN",
        "en;q=0, nl;q=0 | NL | NL",
        "en;q=1.0, nl;q=1 | NL | EN",
        "en;q=abc, nl;q=0.2 | EN | NL",
        "en;q=1.5, nl;q=0.2 | EN | NL",
        "x-klingon!!, ;;, nl | EN | NL",
        "' ' | NL | NL",
        "en;Q=0.3,nl;q=0.4 | EN | NL"
    })
    void choosesFromAcceptLanguage(String header, Language fallback, Language expected) {
        assertThat(Language.fromAcceptLanguage(header, fallback)).isEqualTo(expected);
    }

    @Test
    void acceptLanguageEdgeCases() {
        assertThat(Language.fromAcceptLanguage(null, Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("", Language.NL)).isEqualTo(Language.NL);
        String huge = "fr;q=0.9,".repeat(10_000) + "en";
        assertThat(Language.fromAcceptLanguage(huge, Language.NL)).isEqualTo(Language.NL);
        assertThatThrownBy(() -> Language.fromAcceptLanguage("nl", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
