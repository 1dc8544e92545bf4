package nl.spil.directory.app;

import java.util.Optional;
import java.util.Set;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * People's sign-in accounts (port): the user pool whose groups grant access. The directory is
 * the one writer of those groups, so a person's groups are their directory roles (see
 * {@link AccountGroups} for the order that keeps it so). Accounts are named by their subject.
 * Every method is idempotent; an identity provider that does not answer is a 503.
 */
public interface SignInAccounts {

    /** An account and whether this call opened it (a new account is in no group yet). */
    record Account(String sub, boolean opened) {
    }

    /**
     * The account for an e-mail: opened when there is none (the identity provider mails the
     * person an invitation), else the existing one, enabled again if it was disabled (someone
     * who left and is registered again).
     */
    Account open(String email);

    /** The subject of the account with this e-mail, if there is one. */
    Optional<String> find(String email);

    /** Puts the account in the groups of these roles. */
    void grant(String sub, Set<Role> roles);

    /** Takes the account out of the groups of these roles. */
    void revoke(String sub, Set<Role> roles);

    /**
     * Disables the account and signs it out on every device (its refresh tokens stop working).
     *
     * @return false when there is no such account
     */
    boolean close(String sub);

    /** The 503 for an identity provider that did not answer; {@code detail} says what to do. */
    static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "accounts-unavailable", "Sign-in accounts unavailable", detail));
    }
}
