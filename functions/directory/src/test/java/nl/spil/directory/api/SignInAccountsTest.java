package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for roles: the pool's groups grant access, and the directory is their one
 * writer, so after every write of a person their account's groups are their directory roles.
 * Driven through the real handler against the local AWS's Cognito (moto).
 */
class SignInAccountsTest {

    private final DirectoryFunction fn = DirectoryFunction.get();

    private HttpAnswer create(String email, String roles) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"Someone\",\"email\":\"" + email + "\",\"roles\":" + roles + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private HttpAnswer put(String id, long version, String email, String roles) {
        return fn.send(DirectoryFunction.event("update-person.json").pathParameter("id", id).path("/people/" + id)
                .body("{\"name\":\"Someone\",\"email\":\"" + email + "\",\"version\":" + version + ",\"roles\":" + roles + "}"));
    }

    /** The account's groups are the record's roles, and the record knows the account. */
    private void assertGroupsAreTheRoles(String id, String sub) {
        HttpAnswer record = fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id));
        List<String> roles = new java.util.ArrayList<>();
        record.json().path("roles").forEach(r -> roles.add(r.asText()));
        assertThat(fn.groupsOf(sub)).as("groups of %s", id).isEqualTo(roles.stream().sorted().toList());
        assertThat(fn.personItem(id).get("sub").s()).isEqualTo(sub);
    }

    @Test
    void aNewPersonGetsAnAccountWhoseGroupsAreTheirRoles() {
        String email = DirectoryFunction.uniqueEmail("new");
        String id = create(email, "[\"staff\",\"office-manager\"]").json().path("id").asText();

        DirectoryFunction.Account account = fn.account(email).orElseThrow();
        assertThat(account.enabled()).isTrue();
        assertThat(fn.groupsOf(account.sub())).containsExactly("office-manager", "staff");
        assertGroupsAreTheRoles(id, account.sub());
    }

    @Test
    void anAccountMadeByHandIsLinkedAndLosesTheGroupsTheRecordDoesNotGive() {
        String email = DirectoryFunction.uniqueEmail("byhand");
        String sub = fn.accountMadeByHand(email, "management", "staff");

        String id = create(email, "[\"reception\"]").json().path("id").asText();

        assertThat(fn.groupsOf(sub)).containsExactly("reception");
        assertGroupsAreTheRoles(id, sub);
    }

    @Test
    void groupsFollowEveryChangeOfRolesAndNeverDrift() {
        String email = DirectoryFunction.uniqueEmail("drift");
        String id = create(email, "[\"staff\"]").json().path("id").asText();
        String sub = fn.account(email).orElseThrow().sub();
        assertGroupsAreTheRoles(id, sub);

        HttpAnswer promoted = put(id, 1, email, "[\"staff\",\"office-manager\",\"management\"]");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertGroupsAreTheRoles(id, sub);

        HttpAnswer demoted = put(id, 2, email, "[\"reception\"]");
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertGroupsAreTheRoles(id, sub);

        // a stale save changes neither the record nor the groups
        HttpAnswer stale = put(id, 2, email, "[\"management\"]");
        assertThat(stale.status()).isEqualTo(412);
        assertGroupsAreTheRoles(id, sub);

        // a group added by hand in the pool is taken away by the next save
        fn.cognito().adminAddUserToGroup(b -> b.userPoolId(fn.pool()).username(sub).groupName("office-manager"));
        assertThat(put(id, 3, email, "[\"reception\",\"staff\"]").status()).isEqualTo(200);
        assertGroupsAreTheRoles(id, sub);
    }

    @Test
    void aChangeOfRolesCostsOneGroupCallPerGroupAndTheUsualWrites() {
        String email = DirectoryFunction.uniqueEmail("cost");
        String id = create(email, "[\"staff\"]").json().path("id").asText();

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        assertThat(put(id, 1, email, "[\"staff\",\"office-manager\"]").status()).isEqualTo(200);

        // out of the two other groups before the write, into the two of the record after
        assertThat(before.since().byOperation()).isEqualTo(java.util.Map.of("GetItem", 1L,
                "AdminRemoveUserFromGroup", 2L, "TransactWriteItems", 1L, "AdminAddUserToGroup", 2L));
    }

    @Test
    void anImportOpensEachNewcomersAccountWithTheirRoles() {
        String a = DirectoryFunction.uniqueEmail("imp.a");
        String b = DirectoryFunction.uniqueEmail("imp.b");
        String existing = DirectoryFunction.uniqueEmail("imp.c");
        String bySub = fn.accountMadeByHand(existing, "management");
        String csv = "name;email;roles\nAnna;" + a + ";staff\nBram;" + b + ";staff|office-manager\nCor;" + existing + ";reception\n";

        HttpAnswer report = fn.send(DirectoryFunction.event("import-people.json").body(csv));

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().path("imported").asInt()).isEqualTo(3);
        assertThat(fn.groupsOf(fn.account(a).orElseThrow().sub())).containsExactly("staff");
        assertThat(fn.groupsOf(fn.account(b).orElseThrow().sub())).containsExactly("office-manager", "staff");
        assertThat(fn.groupsOf(bySub)).containsExactly("reception");
        report.json().path("importedIds").forEach(id -> assertThat(fn.personItem(id.asText())).containsKey("sub"));
    }

    @Test
    void theFirstMeOfARecordWithoutAccountLinksTheCallersAccount() {
        // a record from before accounts were linked (written as the directory wrote them then)
        String email = DirectoryFunction.uniqueEmail("legacy");
        String id = new DirectoryItems(fn.aws).person("Leg Acy", email, "nl", null, List.of("reception"));
        String sub = fn.accountMadeByHand(email, "office-manager");

        HttpEvent me = DirectoryFunction.event("get-me.json").claim("email", email).claim("sub", sub);
        HttpAnswer first = fn.send(me);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).as("linking is a new version").isEqualTo(2);
        assertGroupsAreTheRoles(id, sub);

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        assertThat(fn.send(me).status()).isEqualTo(200);
        assertThat(before.since().byOperation()).as("linked once, then 'me' is one read again")
                .isEqualTo(java.util.Map.of("GetItem", 1L));
    }
}
