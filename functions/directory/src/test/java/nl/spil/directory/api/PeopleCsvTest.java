package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.spil.directory.app.ImportingPeople.Row;
import nl.spil.directory.domain.Address;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeopleCsvTest {

    private static final String EMAIL_MESSAGE = "must be an e-mail address such as name@example.org";

    private static Problem problemOf(String csv) {
        Throwable thrown = catchThrowable(() -> PeopleCsv.read(csv));
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return ((ProblemException) thrown).problem();
    }

    private static PersonDetails onlyPerson(String csv) {
        List<Row> rows = PeopleCsv.read(csv);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).errors()).isEmpty();
        return rows.get(0).person().orElseThrow();
    }

    private static List<FieldError> onlyErrors(String csv) {
        List<Row> rows = PeopleCsv.read(csv);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).person()).as("a row with errors describes nobody").isEmpty();
        return rows.get(0).errors();
    }

    @Test
    void readsACommaSeparatedFile() {
        String csv = """
                name,email,language,costCentre,site,roles
                Anna de Vries,anna@example.nl,en,CC-100,01JSITE0000000000000000000,office-manager
                Bram Jansen,bram@example.nl,nl,,,staff
                """;

        List<Row> rows = PeopleCsv.read(csv);

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L);
        assertThat(rows.get(0).person()).contains(new PersonDetails("Anna de Vries", "anna@example.nl", Language.EN,
                Optional.of("CC-100"), Optional.of("01JSITE0000000000000000000"), EnumSet.of(Role.OFFICE_MANAGER),
                Optional.empty()));
        assertThat(rows.get(1).person()).contains(new PersonDetails("Bram Jansen", "bram@example.nl", Language.NL,
                Optional.empty(), Optional.empty(), EnumSet.of(Role.STAFF), Optional.empty()));
    }

    @Test
    void readsASemicolonSeparatedFileWithCommasInsideValues() {
        PersonDetails p = onlyPerson("name;email;roles;homeAddressLine1;homePostalCode;homeCity\n"
                + "Jansen, Piet;piet@example.nl;staff,reception;Markt 1, achterom;2611 GP;Delft\n");

        assertThat(p.name()).isEqualTo("Jansen, Piet");
        assertThat(p.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.RECEPTION);
        assertThat(p.homeAddress()).contains(new Address("Markt 1, achterom", Optional.empty(), "2611 GP", "Delft", "NL"));
    }

    @Test
    void readsQuotedValuesWithTheDelimiterAndQuotesInside() {
        PersonDetails p = onlyPerson("name,email\n\"Vries, Anna \"\"Ans\"\" de\",anna@example.nl\n");

        assertThat(p.name()).isEqualTo("Vries, Anna \"Ans\" de");
    }

    @Test
    void skipsTheByteOrderMarkExcelWritesFirst() {
        PersonDetails p = onlyPerson("\uFEFFname;email\nAnna;anna@example.nl\n");

        assertThat(p.email()).isEqualTo("anna@example.nl");
    }

    @Test
    void matchesHeaderNamesWhateverTheirCaseAndSurroundingSpace() {
        PersonDetails p = onlyPerson(" NAME , Email ,LANGUAGE,CostCentre,HOMEADDRESSLINE1,homepostalcode,HomeCity\n"
                + "Anna,anna@example.nl,EN,cc,Markt 1,2611GP,Delft\n");

        assertThat(p.language()).isEqualTo(Language.EN);
        assertThat(p.costCentre()).contains("cc");
        assertThat(p.homeAddress()).map(Address::city).contains("Delft");
    }

    @Test
    void refusesAnEmailTheMailerWouldRefuseNamingTheRow() {
        // issue 9.9: the old shape check let x.@example.com in; the reorder reminder then stopped on it
        List<FieldError> errors = onlyErrors("name,email\nXavier,x.@example.com\n");

        assertThat(errors).containsExactly(new FieldError("email", EMAIL_MESSAGE));
    }

    @Test
    void readsColumnsInAnyOrder() {
        PersonDetails p = onlyPerson("email,language,name\nanna@example.nl,en,Anna\n");

        assertThat(p.name()).isEqualTo("Anna");
        assertThat(p.email()).isEqualTo("anna@example.nl");
    }

    @Test
    void refusesUnknownColumnsNamingEach() {
        Problem p = problemOf("name,email,phone,Department\nAnna,anna@example.nl,0612345678,IT\n");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).hasSize(2).allSatisfy(e -> assertThat(e.field()).isEqualTo("header"));
        assertThat(p.errors().get(0).message()).contains("\"phone\"").contains("costCentre");
        assertThat(p.errors().get(1).message()).contains("\"Department\"");
    }

    @Test
    void refusesMissingRequiredColumnsNamingEach() {
        Problem p = problemOf("language,site\nen,x\n");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).containsExactlyInAnyOrder(
                new FieldError("header", "the column \"name\" is required"),
                new FieldError("header", "the column \"email\" is required"));
    }

    @Test
    void reportsUnknownAndMissingColumnsTogether() {
        Problem p = problemOf("name,e-mail\nAnna,anna@example.nl\n");

        assertThat(p.errors()).extracting(FieldError::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("unknown column \"e-mail\""),
                m -> assertThat(m).isEqualTo("the column \"email\" is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name,email,email\nAnna,anna@example.nl,bob@example.nl\n",
        "name,email,Email\nAnna,anna@example.nl,bob@example.nl\n"})
    void refusesAColumnThatAppearsTwice(String csv) {
        Problem p = problemOf(csv);

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).containsExactly(new FieldError("header", "the column \"email\" appears more than once"));
    }

    @Test
    void refusesAnEmptyColumnName() {
        assertThat(problemOf("name,,email\nAnna,x,anna@example.nl\n").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n\n", "\r\n"})
    void refusesAnEmptyBody(String csv) {
        Problem p = problemOf(csv);

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void refusesAFileThatIsOnlyAByteOrderMark() {
        assertThat(problemOf("\uFEFF").status()).isEqualTo(400);
        assertThat(problemOf("\uFEFF\n").status()).isEqualTo(400);
    }

    @Test
    void aHeaderWithoutRowsHasNoRows() {
        assertThat(PeopleCsv.read("name,email\n")).isEmpty();
        assertThat(PeopleCsv.read("name,email")).isEmpty();
    }

    @Test
    void refusesAQuoteThatIsNeverClosedAsBadRequest() {
        Problem p = problemOf("name,email\n\"Anna,anna@example.nl\nBram,bram@example.nl\n");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void refusesTextAfterAClosingQuoteAsBadRequest() {
        assertThat(problemOf("name,email\n\"Anna\"x,anna@example.nl\n").status()).isEqualTo(400);
    }

    @Test
    void reportsEachBadRowOnItsOwnLineAndKeepsTheGoodOnes() {
        String csv = "name,email,language\n"           // line 1
                + "Anna,anna@example.nl,nl\n"          // line 2: fine
                + "Bram,not-an-address,nl\n"           // line 3: bad e-mail
                + "Cor,cor@example.nl,de\n"            // line 4: bad language
                + ",dirk@example.nl,\n"                // line 5: no name
                + "Eva,eva@example.nl,en\n";           // line 6: fine

        List<Row> rows = PeopleCsv.read(csv);

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(0).person()).isPresent();
        assertThat(rows.get(1).errors()).containsExactly(new FieldError("email", EMAIL_MESSAGE));
        assertThat(rows.get(2).errors()).containsExactly(new FieldError("language", "must be nl or en"));
        assertThat(rows.get(3).errors()).containsExactly(new FieldError("name", "is required"));
        assertThat(rows.get(4).person()).isPresent();
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.person()).isEmpty());
    }

    @Test
    void countsLinesTheSameWithWindowsLineEndingsAndWithoutAFinalLineBreak() {
        assertThat(PeopleCsv.read("name,email\r\nA,a@example.nl\r\nB,b@example.nl\r\n"))
                .extracting(Row::line).containsExactly(2L, 3L);
        assertThat(PeopleCsv.read("name,email\nA,a@example.nl\nB,b@example.nl"))
                .extracting(Row::line).containsExactly(2L, 3L);
    }

    @Test
    void countsEmptyLinesItSkips() {
        List<Row> rows = PeopleCsv.read("name,email\n\nA,a@example.nl\r\n\r\n\r\nB,bad\n");

        assertThat(rows).extracting(Row::line).containsExactly(3L, 6L);
    }

    @Test
    void givesARowSpanningLinesTheLineItStartsOnAndTheNextRowsTheirOwn() {
        String csv = "name,email,homeAddressLine1,homePostalCode,homeCity\n"   // line 1
                + "\"Anna\n\",anna@example.nl,\"Markt 1\n\",2611GP,Delft\n"   // lines 2-4: line breaks stripped at the ends
                + "\"Bram\nJansen\",bram@example.nl,,,\n"                      // lines 5-6: line break inside a name
                + "Cor,bad,,,\n";                                              // line 7

        List<Row> rows = PeopleCsv.read(csv);

        assertThat(rows).extracting(Row::line).containsExactly(2L, 5L, 7L);
        assertThat(rows.get(0).person()).map(PersonDetails::name).contains("Anna");
        assertThat(rows.get(1).errors()).contains(
                new FieldError("name", "must not contain control characters or line breaks"));
        assertThat(rows.get(2).errors()).containsExactly(new FieldError("email", EMAIL_MESSAGE));
    }

    @Test
    void reportsADuplicateEmailOnTheLaterRowWhateverItsCase() {
        List<Row> rows = PeopleCsv.read("name,email\nAnna,anna@example.nl\nBram,bram@example.nl\nAns,ANNA@Example.NL\n");

        assertThat(rows.get(0).person()).isPresent();
        assertThat(rows.get(1).person()).isPresent();
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).person()).isEmpty();
        assertThat(rows.get(2).errors()).containsExactly(
                new FieldError("email", "appears on an earlier row of this file"));
    }

    @Test
    void defaultsToDutchAndTheStaffRole() {
        PersonDetails p = onlyPerson("name,email,language,roles\nAnna,anna@example.nl,,\n");

        assertThat(p.language()).isEqualTo(Language.NL);
        assertThat(p.roles()).containsExactly(Role.STAFF);
        assertThat(p.costCentre()).isEmpty();
        assertThat(p.siteId()).isEmpty();
        assertThat(p.homeAddress()).isEmpty();
    }

    @Test
    void lowerCasesTheEmail() {
        assertThat(onlyPerson("name,email\nAnna,Anna.De.Vries@Example.NL\n").email()).isEqualTo("anna.de.vries@example.nl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staff|reception", "staff | reception", "Reception|STAFF", "staff||reception|staff"})
    void readsSeveralRolesSeparatedByBars(String roles) {
        assertThat(onlyPerson("name,email,roles\nAnna,anna@example.nl," + roles + "\n").roles())
                .containsExactlyInAnyOrder(Role.STAFF, Role.RECEPTION);
    }

    @Test
    void readsEveryRole() {
        assertThat(onlyPerson("name,email,roles\nA,a@example.nl,staff|reception|office-manager|management\n").roles())
                .containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void refusesAnUnknownRoleNamingIt() {
        assertThat(onlyErrors("name,email,roles\nAnna,anna@example.nl,staff|boss\n")).containsExactly(
                new FieldError("roles", "\"boss\" is not one of staff, reception, office-manager, management"));
    }

    @Test
    void refusesATooLongName() {
        assertThat(onlyErrors("name,email\n" + "A".repeat(201) + ",a@example.nl\n"))
                .containsExactly(new FieldError("name", "must be at most 200 characters"));
        assertThat(onlyPerson("name,email\n" + "A".repeat(200) + ",a@example.nl\n").name()).hasSize(200);
    }

    @Test
    void refusesTooLongCostCentreAndSite() {
        assertThat(onlyErrors("name,email,costCentre,site\nA,a@example.nl," + "c".repeat(65) + "," + "s".repeat(65) + "\n"))
                .containsExactly(new FieldError("costCentre", "must be at most 64 characters"),
                        new FieldError("site", "must be at most 64 characters"));
    }

    @Test
    void readsAFullHomeAddress() {
        PersonDetails p = onlyPerson("name,email,homeAddressLine1,homeAddressLine2,homePostalCode,homeCity,homeCountry\n"
                + "Anna,anna@example.nl,Rue Neuve 1,boîte 3,1000,Bruxelles,be\n");

        assertThat(p.homeAddress()).contains(new Address("Rue Neuve 1", Optional.of("boîte 3"), "1000", "Bruxelles", "BE"));
    }

    @Test
    void aHomeAddressDefaultsToTheNetherlands() {
        PersonDetails p = onlyPerson("name,email,homeAddressLine1,homePostalCode,homeCity\nA,a@example.nl,Markt 1,2611GP,Delft\n");

        assertThat(p.homeAddress()).map(Address::country).contains("NL");
    }

    @ParameterizedTest
    @ValueSource(strings = {",2611GP,Delft,", "Markt 1,,Delft,", "Markt 1,2611GP,,", ",,Delft,", ",,,NL"})
    void aHomeAddressNeedsLineOnePostalCodeAndCity(String addressCells) {
        List<FieldError> errors = onlyErrors("name,email,homeAddressLine1,homePostalCode,homeCity,homeCountry\n"
                + "A,a@example.nl," + addressCells + "\n");

        assertThat(errors).containsExactly(
                new FieldError("homeAddressLine1", "a home address needs line 1, postal code and city"));
    }

    @Test
    void aSecondAddressLineAloneIsNotAnAddress() {
        assertThat(onlyErrors("name,email,homeAddressLine2\nA,a@example.nl,2nd floor\n"))
                .extracting(FieldError::field).containsExactly("homeAddressLine1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"N1", "1L", "..", "NLD", "Nederland"})
    void refusesACountryThatIsNotATwoLetterCode(String country) {
        List<FieldError> errors = onlyErrors("name,email,homeAddressLine1,homePostalCode,homeCity,homeCountry\n"
                + "A,a@example.nl,Markt 1,2611GP,Delft," + country + "\n");

        assertThat(errors).singleElement().extracting(FieldError::field).isEqualTo("homeCountry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna\r\nBcc: x@example.nl", "Anna\nde Vries", "Anna\rde Vries", "An\tna", "An\u0000na",
        "An\u001bna", "An\u2028na"})
    void refusesLineBreaksAndControlCharactersInACell(String name) {
        List<FieldError> errors = onlyErrors("name,email\n\"" + name + "\",anna@example.nl\n");

        assertThat(errors).contains(new FieldError("name", "must not contain control characters or line breaks"));
    }

    @Test
    void refusesControlCharactersInEveryColumn() {
        List<FieldError> errors = onlyErrors("name,email,costCentre,site,homeAddressLine1,homePostalCode,homeCity\n"
                + "Anna,anna@example.nl,\"c\nc\",\"s\rs\",\"M\u0000x\",\"26\u000711\",\"D\u0085x\"\n");

        assertThat(errors).extracting(FieldError::field)
                .contains("costCentre", "site", "homeAddressLine1", "homePostalCode", "homeCity");
    }

    @Test
    void readsAShortRowAsEmptyCells() {
        PersonDetails p = onlyPerson("name,email,language,roles\nAnna,anna@example.nl\n");

        assertThat(p.language()).isEqualTo(Language.NL);
        assertThat(p.roles()).containsExactly(Role.STAFF);
    }

    @Test
    void reportsEveryBadFieldOfARowAtOnce() {
        List<FieldError> errors = onlyErrors("name,email,language,roles,homeCity\n,nope,fr,chef,Delft\n");

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "email", "language", "roles", "homeAddressLine1");
    }

    @Test
    void takesExactlyMaxRows() {
        assertThat(PeopleCsv.read(file(PeopleCsv.MAX_ROWS))).hasSize(PeopleCsv.MAX_ROWS)
                .allSatisfy(r -> assertThat(r.errors()).isEmpty());
    }

    @Test
    void refusesMoreThanMaxRowsWith413() {
        Problem p = problemOf(file(PeopleCsv.MAX_ROWS + 1));

        assertThat(p.status()).isEqualTo(413);
        assertThat(p.type()).isEqualTo(Problem.BASE + "too-large");
        assertThat(p.detail()).contains(String.valueOf(PeopleCsv.MAX_ROWS));
    }

    private static String file(int rows) {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@example.nl\n");
        }
        return csv.toString();
    }
}
