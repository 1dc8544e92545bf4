package nl.spil.visitors.app;

import java.time.Instant;
import java.util.Optional;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.CheckInCode;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.WrongCodes;
import org.slf4j.LoggerFactory;

/**
 * A typed code at a site's kiosk, found or counted: a site locked out by 10 wrong codes in 10
 * minutes is refused (429) before the code is even looked at, so a locked kiosk tells nothing
 * about codes; a wrong code counts towards the lock-out.
 */
final class VisitByCode {

    private VisitByCode() {
    }

    static Visit find(Visits visits, String siteId, String typed, Instant now) {
        Optional<String> code = CheckInCode.normalize(typed);
        Visits.CodeLookup lookup = visits.lookUp(siteId, code.orElse("-"), now);
        lookup.wrongCodes().lockedFor(now).ifPresent(wait -> {
            throw new Refusals.TooManyWrongCodes(wait);
        });
        for (String id : lookup.visitIds()) {
            Optional<Visit> v = visits.byId(id);
            // the code is unique per site and day; the visit's own day decides among adjacent days
            if (v.isPresent() && v.get().siteId().equals(siteId) && v.get().code().matches(typed)
                    && v.get().day().equals(now.atZone(v.get().zone()).toLocalDate())) {
                return v.get();
            }
        }
        WrongCodes after = lookup.wrongCodes().plusOne(now);
        if (!visits.countWrongCode(siteId, lookup.wrongCodes(), after)) {
            // counted by a concurrent wrong code: count again on what is stored now
            WrongCodes stored = visits.lookUp(siteId, "-", now).wrongCodes();
            after = stored.plusOne(now);
            visits.countWrongCode(siteId, stored, after);
        }
        if (after.lockedFor(now).isPresent()) {
            LoggerFactory.getLogger(VisitByCode.class).warn("kiosk of site {} locked out: {} wrong codes since {}",
                    siteId, after.count(), after.windowStart());
            throw new Refusals.TooManyWrongCodes(after.lockedFor(now).get());
        }
        throw ProblemException.unprocessable("unknown-code", "Unknown code",
                "no visit is expected today at this site with this code");
    }
}
