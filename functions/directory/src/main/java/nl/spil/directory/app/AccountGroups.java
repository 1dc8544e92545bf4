package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;
import nl.spil.platform.identity.Role;

/**
 * The order in which a person's groups follow their directory roles, so that the groups (which
 * grant access) never give more than the record says: out of every other group before the record
 * is written, into the record's groups after. A failure in between leaves the account with fewer
 * rights than the record, never more, and the next save of the person sets all four again.
 */
@Singleton
public class AccountGroups {

    private final SignInAccounts accounts;

    public AccountGroups(SignInAccounts accounts) {
        this.accounts = accounts;
    }

    /** Before a record with {@code roles} is written: out of the groups of every other role. */
    public void beforeWriting(String sub, Set<Role> roles) {
        Set<Role> others = EnumSet.allOf(Role.class);
        others.removeAll(roles);
        accounts.revoke(sub, others);
    }

    /** After it is written: into the groups of its roles. */
    public void afterWriting(String sub, Set<Role> roles) {
        accounts.grant(sub, roles);
    }

    /** Someone left: out of every group. */
    public void removeAll(String sub) {
        accounts.revoke(sub, EnumSet.allOf(Role.class));
    }
}
