package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.BlockEntry;

/** The office manager's block list: name, optional e-mail and company, reason, until a day. */
@Singleton
public class KeepingTheBlockList {

    private final SiteRules rules;
    private final Ids ids;
    private final Clock clock;

    public KeepingTheBlockList(SiteRules rules, Ids ids, Clock clock) {
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    public List<BlockEntry> list() {
        return rules.blockList();
    }

    public BlockEntry add(Caller caller, String name, Optional<String> email, Optional<String> company, String reason,
                          LocalDate until) {
        if (until.isBefore(LocalDate.now(clock))) {
            throw ProblemException.unprocessable("until-in-the-past", "Until-day has passed", "until must be today or later");
        }
        BlockEntry entry = new BlockEntry(ids.next(), name, email, company, reason, until, caller.id(), clock.instant());
        if (entry.foldedName().isEmpty()) {
            throw ProblemException.badRequest("name", "must contain letters or digits");
        }
        rules.addToBlockList(entry);
        return entry;
    }

    public void remove(String id) {
        BlockEntry entry = rules.blockEntry(id).orElseThrow(() -> ProblemException.notFound("block-list entry", id));
        rules.removeFromBlockList(entry);
    }
}
