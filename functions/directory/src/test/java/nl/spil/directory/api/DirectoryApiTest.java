package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/** The directory's routes through the real handler, driven by the events in events/directory. */
class DirectoryApiTest {

    private final DirectoryFunction fn = DirectoryFunction.get();

    private static String personBody(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"language\":\"en\",\"roles\":[\"staff\"]}";
    }

    private String createPerson(String name, String email) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body(personBody(name, email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void theWholeLifeOfAPersonThroughTheEvents() {
        HttpAnswer site = fn.send(DirectoryFunction.event("create-site.json").header("idempotency-key", "site-" + System.nanoTime()));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        String siteId = site.json().path("id").asText();

        // create-person.json registers sanne.devries@example.org; make it unique to this run and place her
        String email = DirectoryFunction.uniqueEmail("sanne");
        String body = DirectoryFunction.event("create-person.json").build().getBody()
                .replace("sanne.devries@example.org", email)
                .replace("\"roles\"", "\"siteId\":\"" + siteId + "\",\"roles\"");
        HttpEvent create = DirectoryFunction.event("create-person.json").header("idempotency-key", "p-" + System.nanoTime()).body(body);
        HttpAnswer created = fn.send(create);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode person = created.json();
        String id = person.path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/people/" + id);
        assertThat(person.path("email").asText()).isEqualTo(email);
        assertThat(person.path("siteId").asText()).isEqualTo(siteId);
        assertThat(person.path("homeAddress").path("city").asText()).isEqualTo("Amsterdam");
        assertThat(person.path("version").asLong()).isEqualTo(1);

        HttpAnswer me = fn.send(DirectoryFunction.event("get-me.json").claim("email", email.toUpperCase()));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(id);

        HttpAnswer got = fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("name").asText()).isEqualTo("Sanne de Vries");

        String changedEmail = DirectoryFunction.uniqueEmail("sanne.new");
        HttpEvent update = DirectoryFunction.event("update-person.json").pathParameter("id", id).path("/people/" + id);
        update.body(update.build().getBody().replace("sanne.devries@example.org", changedEmail));
        HttpAnswer updated = fn.send(update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(updated.json().path("costCentre").asText()).isEqualTo("CC-300");

        // the old e-mail is free again, the new one finds the person
        assertThat(fn.send(DirectoryFunction.event("get-me.json").claim("email", email)).status()).isEqualTo(404);
        assertThat(fn.send(DirectoryFunction.event("get-me.json").claim("email", changedEmail)).json().path("id").asText()).isEqualTo(id);

        HttpAnswer stale = fn.send(update);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();

        HttpAnswer left = fn.send(DirectoryFunction.event("delete-person.json").pathParameter("id", id).path("/people/" + id));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().path("personId").asText()).isEqualTo(id);
        assertThat(left.json().path("account").asText()).isEqualTo("closed");
        assertThat(fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id)).status()).isEqualTo(404);
        assertThat(fn.send(DirectoryFunction.event("get-me.json").claim("email", changedEmail)).status()).isEqualTo(404);
    }

    @Test
    void anEmailBelongsToOnePerson() {
        String email = DirectoryFunction.uniqueEmail("dup");
        createPerson("First", email);
        HttpAnswer second = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body(personBody("Second", email.toUpperCase())));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("type").asText()).endsWith("/email-taken");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstAnswerAndAnotherBodyIs422() {
        String key = "retry-" + System.nanoTime();
        String email = DirectoryFunction.uniqueEmail("retry");
        HttpEvent create = DirectoryFunction.event("create-person.json").header("idempotency-key", key).body(personBody("Retry", email));
        HttpAnswer first = fn.send(create);
        HttpAnswer again = fn.send(create);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        HttpAnswer other = fn.send(create.body(personBody("Someone else", DirectoryFunction.uniqueEmail("other"))));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void sitesAreListedForEveryoneAndChangedByTheOfficeManager() {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null)
                .body("{\"name\":\"Utrecht\",\"timeZone\":\"Europe/Amsterdam\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("workingHours").path("days").toString()).isEqualTo("[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]");

        HttpAnswer list = fn.send(DirectoryFunction.event("list-sites.json").queryParameter("limit", "200"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id);

        HttpAnswer got = fn.send(DirectoryFunction.event("get-site.json").pathParameter("id", id).path("/sites/" + id));
        assertThat(got.json().path("timeZone").asText()).isEqualTo("Europe/Amsterdam");

        HttpAnswer updated = fn.send(DirectoryFunction.event("update-site.json").pathParameter("id", id).path("/sites/" + id));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("Amsterdam Zuidas (toren B)");
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(fn.send(DirectoryFunction.event("update-site.json").pathParameter("id", id).path("/sites/" + id)).status())
                .isEqualTo(412);
    }

    @Test
    void aCsvImportAddsTheGoodRowsAndReportsTheBadOnesByLine() {
        String a = DirectoryFunction.uniqueEmail("jan");
        String b = DirectoryFunction.uniqueEmail("emily");
        String csv = "name;email;language;roles\n"
                + "Jan Jansen;" + a + ";nl;staff\n"
                + "Bad Mail;not-an-email;nl;staff\n"
                + "Emily Clark;" + b + ";en;staff|reception\n"
                + "Wrong Role;" + DirectoryFunction.uniqueEmail("x") + ";nl;boss\n";
        HttpAnswer report = fn.send(DirectoryFunction.event("import-people.json").body(csv));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().path("rows").asInt()).isEqualTo(4);
        assertThat(report.json().path("imported").asInt()).isEqualTo(2);
        assertThat(report.json().path("errors").toString()).contains("\"line\":3", "\"field\":\"email\"", "\"line\":5", "\"field\":\"roles\"");

        HttpAnswer again = fn.send(DirectoryFunction.event("import-people.json").body(csv));
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("errors").toString()).contains("is already registered");

        HttpAnswer emily = fn.send(DirectoryFunction.event("get-me.json").claim("email", b));
        assertThat(emily.json().path("roles").toString()).isEqualTo("[\"reception\",\"staff\"]");
        assertThat(emily.json().path("language").asText()).isEqualTo("en");
    }

    @Test
    void theShippedImportEventWorks() {
        HttpAnswer report = fn.send(DirectoryFunction.event("import-people.json"));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("rows").asInt()).isEqualTo(2);
        // imported the first time the suite runs against a fresh table, "already registered" after
        assertThat(report.json().path("imported").asInt() + report.json().path("errors").size()).isEqualTo(2);
    }

    @Test
    void listsArePagedWithCursorsThatCannotBeForged() {
        for (int i = 0; i < 5; i++) {
            createPerson("Page " + i, DirectoryFunction.uniqueEmail("page" + i));
        }
        HttpAnswer first = fn.send(DirectoryFunction.event("list-people.json").queryParameter("limit", "2"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();

        HttpAnswer second = fn.send(DirectoryFunction.event("list-people.json").queryParameter("limit", "2").queryParameter("cursor", cursor));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("items").get(0).path("id").asText())
                .isNotEqualTo(first.json().path("items").get(0).path("id").asText());

        // a changed first character changes the signed key (the last one of the signature may carry only padding bits)
        String forged = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        HttpAnswer tampered = fn.send(DirectoryFunction.event("list-people.json").queryParameter("cursor", forged));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.problemFields()).containsExactly("cursor");

        // a sites cursor is not a people cursor
        for (int i = 0; i < 2; i++) {
            assertThat(fn.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null)).status()).isEqualTo(201);
        }
        HttpAnswer sites = fn.send(DirectoryFunction.event("list-sites.json").queryParameter("limit", "1"));
        String sitesCursor = sites.json().path("nextCursor").asText();
        assertThat(sitesCursor).isNotEmpty();
        assertThat(fn.send(DirectoryFunction.event("list-people.json").queryParameter("cursor", sitesCursor)).status()).isEqualTo(400);
    }

    @Test
    void meIsOneGetItemAndACreateIsOneTransactionWithTheAccountOpened() {
        String email = DirectoryFunction.uniqueEmail("count");
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        createPerson("Count", email);
        RequestCounter.Usage create = before.since();
        // the e-mail checked before an account is opened for it, the account, its one group, the record
        assertThat(create.byOperation()).isEqualTo(Map.of("GetItem", 1L, "AdminCreateUser", 1L,
                "AdminAddUserToGroup", 1L, "TransactWriteItems", 1L));

        RequestCounter.Snapshot beforeMe = RequestCounter.snapshot();
        assertThat(fn.send(DirectoryFunction.event("get-me.json").claim("email", email)).status()).isEqualTo(200);
        assertThat(beforeMe.since().byOperation()).isEqualTo(Map.of("GetItem", 1L));
    }

    @Test
    void withoutAuthorizerClaimsEveryRouteIs401() {
        HttpAnswer answer = fn.send(DirectoryFunction.event("get-me-unauthorized.json"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void staffCannotListPeople() {
        HttpAnswer answer = fn.send(DirectoryFunction.event("list-people-as-staff.json"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aSignedInPersonWhoIsNotInTheDirectoryGetsAClear404() {
        HttpAnswer answer = fn.send(DirectoryFunction.event("get-me.json").claim("email", DirectoryFunction.uniqueEmail("ghost")));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).endsWith("/not-in-directory");
    }

    @Test
    void theDirectoryReadsTheItemsOtherFunctionsTestsWriteAsItsOwn() {
        // testkit DirectoryItems stands in for the directory in other modules' tests: same layout
        var items = new nl.spil.testkit.DirectoryItems(fn.aws);
        String siteId = items.site("Leiden", "Europe/Amsterdam", nl.spil.testkit.DirectoryItems.WEEKDAYS);
        String email = DirectoryFunction.uniqueEmail("layout");
        String personId = items.person("Lay Out", email, "en", siteId, java.util.List.of("staff", "reception"));
        String sub = fn.accountMadeByHand(email);

        HttpAnswer site = fn.send(DirectoryFunction.event("get-site.json").pathParameter("id", siteId).path("/sites/" + siteId));
        assertThat(site.status()).as(site.toString()).isEqualTo(200);
        assertThat(site.json().path("workingHours").path("days").size()).isEqualTo(5);
        HttpAnswer me = fn.send(DirectoryFunction.event("get-me.json").claim("email", email).claim("sub", sub));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(personId);
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"reception\",\"staff\"]");
        HttpAnswer byId = fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", personId).path("/people/" + personId));
        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.json().path("siteId").asText()).isEqualTo(siteId);
    }
}
