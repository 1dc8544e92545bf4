package nl.spil.visitors.app;

import java.util.Locale;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.Visit;

/** Who may see and act on a visit: its host, reception and the office manager. */
public final class Access {

    private Access() {
    }

    public static boolean isDesk(Caller caller) {
        return caller.has(Role.RECEPTION) || caller.has(Role.OFFICE_MANAGER);
    }

    public static boolean isHost(Caller caller, Visit visit) {
        return caller.email().map(e -> e.toLowerCase(Locale.ROOT))
                .filter(e -> e.equals(visit.host().email().toLowerCase(Locale.ROOT))).isPresent();
    }

    /** The visit, if the caller may act on it; another's visit is a 404 to staff (it does not exist for them). */
    public static Visit check(Caller caller, Visit visit) {
        if (isDesk(caller) || isHost(caller, visit)) {
            return visit;
        }
        throw ProblemException.notFound("visit", visit.id());
    }
}
