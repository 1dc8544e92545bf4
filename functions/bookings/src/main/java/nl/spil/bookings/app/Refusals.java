package nl.spil.bookings.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spil.bookings.domain.ChangedMeanwhile;
import nl.spil.bookings.domain.NotActive;
import nl.spil.bookings.domain.Refusal;
import nl.spil.bookings.domain.ResourceRemoved;
import nl.spil.bookings.domain.SeriesConflicts;
import nl.spil.bookings.domain.Skipped;
import nl.spil.bookings.domain.SlotTaken;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/**
 * The one translation of the domain's refusals into problem+json: a broken rule is a 422 of its
 * own type, a taken slot a 409 naming it, a stale version a 412.
 */
public final class Refusals {

    private Refusals() {
    }

    public static ProblemException problem(Refusal refusal) {
        if (refusal instanceof SlotTaken t) {
            return new ProblemException(Problem.of(409, t.slug(), t.title(), t.detail()), Map.of("conflict", conflict(t)));
        }
        if (refusal instanceof SeriesConflicts s) {
            return new ProblemException(Problem.of(409, s.slug(), s.title(), s.detail()),
                    Map.of("occurrences", occurrences(s)));
        }
        if (refusal instanceof NotActive || refusal instanceof ResourceRemoved) {
            return ProblemException.conflict(refusal.slug(), refusal.title(), refusal.detail());
        }
        if (refusal instanceof ChangedMeanwhile) {
            return ProblemException.stale(refusal.detail());
        }
        // a broken rule: 422 of its own type
        return ProblemException.unprocessable(refusal.slug(), refusal.title(), refusal.detail());
    }

    /** The slot a 409 names: {resourceId, start, end, bookingId?}, times in the site's zone with seconds. */
    public static Map<String, Object> conflict(SlotTaken t) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("resourceId", t.resourceId());
        slot.put("start", Times.text(t.quarter(), t.zone()));
        slot.put("end", Times.text(t.quarterEnd(), t.zone()));
        t.holder().ifPresent(id -> slot.put("bookingId", id));
        return slot;
    }

    private static List<Map<String, Object>> occurrences(SeriesConflicts s) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Skipped skipped : s.occurrences()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", Times.text(skipped.start(), s.zone()));
            m.put("end", Times.text(skipped.end(), s.zone()));
            m.put("type", skipped.why().slug());
            m.put("detail", skipped.why().detail());
            if (skipped.why() instanceof SlotTaken t) {
                m.put("conflict", conflict(t));
            }
            list.add(m);
        }
        return list;
    }
}
