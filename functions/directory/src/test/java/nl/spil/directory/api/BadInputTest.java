package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Bad input is a 4xx problem+json naming the field, never a 500, and changes nothing. */
class BadInputTest {

    private static final DirectoryFunction FN = DirectoryFunction.get();

    static Stream<Arguments> badPeople() {
        String big = "x".repeat(70_000);
        return Stream.of(
                Arguments.of("empty body", "", 400, List.of("body")),
                Arguments.of("not JSON", "{name:", 400, List.of("body")),
                Arguments.of("an array", "[]", 400, List.of("body")),
                Arguments.of("trailing content", "{\"name\":\"A\",\"email\":\"a@example.org\"} {}", 400, List.of("body")),
                Arguments.of("duplicate key", "{\"name\":\"A\",\"name\":\"B\",\"email\":\"a@example.org\"}", 400, List.of("body")),
                Arguments.of("missing fields", "{}", 400, List.of("name", "email")),
                Arguments.of("wrong types", "{\"name\":12,\"email\":true,\"roles\":\"staff\"}", 400, List.of("name", "email", "roles")),
                Arguments.of("unknown field", "{\"name\":\"A\",\"email\":\"a@example.org\",\"admin\":true}", 400, List.of("admin")),
                Arguments.of("CRLF in the name", "{\"name\":\"A\\r\\nBcc: x@evil.example\",\"email\":\"a@example.org\"}", 400, List.of("name")),
                Arguments.of("control character", "{\"name\":\"A\\u0007\",\"email\":\"a@example.org\"}", 400, List.of("name")),
                Arguments.of("header injection in e-mail", "{\"name\":\"A\",\"email\":\"a@example.org\\r\\nBcc: b@example.org\"}", 400, List.of("email")),
                Arguments.of("bad language", "{\"name\":\"A\",\"email\":\"a@example.org\",\"language\":\"fr\"}", 400, List.of("language")),
                // issue 10.4: "" was stored as the default nl
                Arguments.of("blank language", "{\"name\":\"A\",\"email\":\"a@example.org\",\"language\":\"\"}", 400, List.of("language")),
                // issue 9.9: accepted here, then refused by the mailer, which stopped a whole reminder run
                Arguments.of("e-mail the mailer refuses", "{\"name\":\"A\",\"email\":\"x.@example.com\"}", 400, List.of("email")),
                Arguments.of("blank role", "{\"name\":\"A\",\"email\":\"a@example.org\",\"roles\":[\"\"]}", 400, List.of("roles[0]")),
                Arguments.of("bad role", "{\"name\":\"A\",\"email\":\"a@example.org\",\"roles\":[\"root\"]}", 400, List.of("roles[0]")),
                Arguments.of("unknown site", "{\"name\":\"A\",\"email\":\"a@example.org\",\"siteId\":\"nope\"}", 400, List.of("siteId")),
                Arguments.of("address without city", "{\"name\":\"A\",\"email\":\"a@example.org\",\"homeAddress\":{\"line1\":\"X 1\",\"postalCode\":\"1000 AA\"}}", 400, List.of("homeAddress.city")),
                Arguments.of("too long", "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@example.org\"}", 400, List.of("name")),
                Arguments.of("huge body", "{\"name\":\"" + big + "\",\"email\":\"a@example.org\"}", 413, List.of()),
                Arguments.of("deep nesting", "{\"homeAddress\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}", 400, List.of("body")));
    }

    @ParameterizedTest(name = "POST /people with {0}")
    @MethodSource("badPeople")
    void aBadPersonIsRefusedAndNothingIsWritten(String what, String body, int status, List<String> fields) {
        int before = items();
        HttpAnswer answer = FN.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null).body(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        if (!fields.isEmpty()) {
            assertThat(answer.problemFields()).as(answer.toString()).containsAll(fields);
        }
        assertThat(items()).isEqualTo(before);
    }

    static Stream<Arguments> badSites() {
        return Stream.of(
                Arguments.of("bad zone", "{\"name\":\"X\",\"timeZone\":\"Mars/Olympus\"}", List.of("timeZone")),
                Arguments.of("closing before opening", "{\"name\":\"X\",\"workingHours\":{\"opens\":\"18:00\",\"closes\":\"08:00\"}}", List.of("workingHours.closes")),
                Arguments.of("bad time", "{\"name\":\"X\",\"workingHours\":{\"opens\":\"8 uur\"}}", List.of("workingHours.opens")),
                Arguments.of("bad day", "{\"name\":\"X\",\"workingHours\":{\"days\":[\"maandag\"]}}", List.of("workingHours.days[0]")),
                // issue 10.4: blank times quietly became the defaults 08:00 and 18:00
                Arguments.of("blank opening time", "{\"name\":\"X\",\"workingHours\":{\"opens\":\"\"}}", List.of("workingHours.opens")),
                Arguments.of("blank closing time", "{\"name\":\"X\",\"workingHours\":{\"closes\":\" \"}}", List.of("workingHours.closes")),
                Arguments.of("blank zone", "{\"name\":\"X\",\"timeZone\":\"\"}", List.of("timeZone")),
                Arguments.of("cost centre not text", "{\"name\":\"X\",\"costCentre\":7}", List.of("costCentre")),
                Arguments.of("no name", "{\"timeZone\":\"Europe/Amsterdam\"}", List.of("name")));
    }

    @ParameterizedTest(name = "POST /sites with {0}")
    @MethodSource("badSites")
    void aBadSiteIsRefused(String what, String body, List<String> fields) {
        int before = items();
        HttpAnswer answer = FN.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null).body(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemFields()).containsAll(fields);
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aPutWithABlankOpeningTimeNeverResetsTheHours() {
        HttpAnswer created = FN.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null)
                .body("{\"name\":\"Late opener\",\"workingHours\":{\"opens\":\"09:00\",\"closes\":\"17:30\"}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        HttpAnswer put = FN.send(DirectoryFunction.event("update-site.json").pathParameter("id", id).path("/sites/" + id)
                .body("{\"name\":\"Late opener\",\"version\":1,\"workingHours\":{\"opens\":\"\",\"closes\":\"17:30\"}}"));
        assertThat(put.status()).as(put.toString()).isEqualTo(400);
        assertThat(put.problemFields()).containsExactly("workingHours.opens");

        HttpAnswer site = FN.send(DirectoryFunction.event("get-site.json").pathParameter("id", id).path("/sites/" + id));
        assertThat(site.json().path("workingHours").path("opens").asText()).isEqualTo("09:00");
        assertThat(site.json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void unicodeNamesAreWelcome() {
        HttpAnswer answer = FN.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"Zoë Ñúñez 日本 \uD83D\uDE00\",\"email\":\"" + DirectoryFunction.uniqueEmail("zoe") + "\"}"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("name").asText()).isEqualTo("Zoë Ñúñez 日本 \uD83D\uDE00");
    }

    @Test
    void badQueryParametersAre400() {
        for (String limit : List.of("0", "201", "-1", "ten", "1.5")) {
            HttpAnswer answer = FN.send(DirectoryFunction.event("list-people.json").queryParameter("limit", limit));
            assertThat(answer.status()).as(limit).isEqualTo(400);
            assertThat(answer.problemFields()).containsExactly("limit");
        }
        for (String cursor : List.of("garbage", "a.b", ".", "%%%", "x".repeat(5000))) {
            HttpAnswer answer = FN.send(DirectoryFunction.event("list-people.json").queryParameter("cursor", cursor));
            assertThat(answer.status()).as(cursor).isEqualTo(400);
        }
    }

    @Test
    void badIdempotencyKeysAre400() {
        HttpEvent event = DirectoryFunction.event("create-person.json").header("idempotency-key", "has spaces in it")
                .body("{\"name\":\"A\",\"email\":\"" + DirectoryFunction.uniqueEmail("k") + "\"}");
        HttpAnswer answer = FN.send(event);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void aBadCsvHeaderIsRefusedWhole() {
        HttpAnswer answer = FN.send(DirectoryFunction.event("import-people.json").body("naam,mail\nA,a@example.org\n"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").toString()).contains("naam", "is required");
    }

    @Test
    void aPathIdTooLongForDynamoDbIsA404NotA500() {
        String id = "A".repeat(3000);
        for (String event : List.of("get-person.json", "delete-person.json")) {
            HttpAnswer answer = FN.send(DirectoryFunction.event(event).pathParameter("id", id).path("/people/" + id));
            assertThat(answer.status()).as(event).isEqualTo(404);
        }
        HttpAnswer site = FN.send(DirectoryFunction.event("get-site.json").pathParameter("id", id).path("/sites/" + id));
        assertThat(site.status()).isEqualTo(404);
        // refused before the store is asked (the platform access filter does so for every function)
        HttpAnswer update = FN.send(DirectoryFunction.event("update-site.json").pathParameter("id", id).path("/sites/" + id));
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.isProblem()).isTrue();
    }

    @Test
    void unknownIdsAre404AndWrongMethods405() {
        assertThat(FN.send(DirectoryFunction.event("get-person.json").pathParameter("id", "nope").path("/people/nope")).status()).isEqualTo(404);
        HttpAnswer wrong = FN.send(DirectoryFunction.event("get-me.json").route("PATCH", "/me"));
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.isProblem()).isTrue();
    }

    private static int items() {
        return FN.aws.dynamoDb().scan(ScanRequest.builder().tableName(FN.table()).select("COUNT").build()).count();
    }
}
