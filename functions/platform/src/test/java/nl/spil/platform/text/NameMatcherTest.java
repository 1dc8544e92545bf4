package nl.spil.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

    private static final List<String> DIRECTORY = List.of(
            "Anne van den Berg", "Tom Berg", "Vincent Berg", "Anna Bergman", "Hans Müller", "Jan Peter Balkenende",
            "Sanne Jansen-de Vries", "Piet 't Hart", "Karin Meijer", "Dirk de Bruijn", "Sam Jansen", "Rita Ouali",
            "Olga Schröder", "Lotte van der Linden", "Van Nguyen", "Zoë d'Ávila", "Willem-Alexander van Oranje");

    private static List<String> find(String typed) {
        NameMatcher matcher = NameMatcher.of(typed);
        return matcher.best(DIRECTORY.stream().map(NameMatcher::prepare).toList(), Function.identity(), 5).stream()
                .map(PreparedName::folded).toList();
    }

    private static String first(String typed) {
        List<String> found = find(typed);
        return found.isEmpty() ? "(nothing)" : found.get(0);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "v.d. Berg | anne van den berg",
            "A. v.d. Berg | anne van den berg",
            "v/d Berg | anne van den berg",
            "vd Berg | anne van den berg",
            "VandenBerg | anne van den berg",
            "Berg, Anne van den | anne van den berg",
            "T.a.v. mevr. A. van den Berg | anne van den berg",
            "Acme BV t.a.v. A vd Berg | anne van den berg",
            "muller | hans muller",
            "MÜLLER | hans muller",
            "Mueller | hans muller",
            "Dhr. H. Muller | hans muller",
            "Annne Berg | anne van den berg",
            "anne vd Bergh | anne van den berg",
            "JP Balkenende | jan peter balkenende",
            "J.P. Balkenende | jan peter balkenende",
            "Balkenede | jan peter balkenende",
            "de Vries | sanne jansen de vries",
            "devries | sanne jansen de vries",
            "Jansen-de Vries | sanne jansen de vries",
            "'t Hart | piet t hart",
            "P. 't Hart | piet t hart",
            "Meyer | karin meijer",
            "Meier | karin meijer",
            "D. de Bruyn | dirk de bruijn",
            "schroeder | olga schroder",
            "v.d. Linden | lotte van der linden",
            "vdr Linden | lotte van der linden",
            "van der linden | lotte van der linden",
            "Van Nguyen | van nguyen",
            "d'Avila | zoe d avila",
            "zoe | zoe d avila",
            "balk | jan peter balkenende",
            "Rita Ouali kamer 3.12 | rita ouali",
            "Willem Alexander | willem alexander van oranje",
    })
    void findsTheRightPersonFirst(String typed, String expected) {
        assertThat(first(typed)).as(typed + " → " + find(typed)).isEqualTo(expected);
    }

    @Test
    void initialsAndParticlesRankTheBetterFitFirst() {
        assertThat(find("A. Berg")).startsWith("anne van den berg");
        assertThat(find("V. Berg").get(0)).isEqualTo("vincent berg");
        assertThat(find("T Berg").get(0)).isEqualTo("tom berg");
        assertThat(find("berg")).contains("tom berg", "vincent berg", "anne van den berg", "anna bergman");
        assertThat(find("berg").indexOf("anna bergman")).isEqualTo(3);
    }

    @Test
    void aNameNotInTheDirectoryFindsNoOne() {
        assertThat(find("Klaas Vaak")).isEmpty();
        assertThat(find("xq")).isEmpty();
        assertThat(find("Jansen Balkenende")).isEmpty();
    }

    @Test
    void shortWordsAreNotGuessedAtButMayBeTypedOn() {
        assertThat(find("sem")).isEmpty(); // three letters: no typo tolerance, "sam" is not meant
        assertThat(find("sa")).contains("sam jansen", "sanne jansen de vries");
    }

    @Test
    void blankAndPunctuationOnlyQueriesFindNothing() {
        assertThat(NameMatcher.of("  .,- ").isBlank()).isTrue();
        assertThat(find("")).isEmpty();
        assertThat(find("12 34")).isEmpty();
        assertThat(NameMatcher.of(null).isBlank()).isTrue();
    }

    @Test
    void aTitleAloneIsStillSearchedFor() {
        assertThat(NameMatcher.of("Ing").isBlank()).isFalse();
    }

    @Test
    void theEditDistanceCountsTranspositionsAsOneAndGivesUpEarly() {
        assertThat(Spelling.distance("berg", "berg", 1)).isZero();
        assertThat(Spelling.distance("mulelr", "muller", 2)).isEqualTo(1);
        assertThat(Spelling.distance("anne", "annne", 1)).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(Spelling.distance("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(Spelling.distance("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void soundFormsFoldSpellingVariants() {
        assertThat(Spelling.sound("meijer")).isEqualTo(Spelling.sound("meyer"));
        assertThat(Spelling.sound("mueller")).isEqualTo(Spelling.sound("muller"));
        assertThat(Spelling.sound("dirck")).isEqualTo(Spelling.sound("dirk"));
        assertThat(Spelling.sound("philips")).isEqualTo(Spelling.sound("filips"));
    }
}
