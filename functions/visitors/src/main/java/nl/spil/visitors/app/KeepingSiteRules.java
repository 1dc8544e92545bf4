package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.Refusal;
import nl.spil.visitors.domain.Retention;
import nl.spil.visitors.domain.SiteSettings;

/** The office manager keeps each site's house rules (versioned, per language), address and retention. */
@Singleton
public class KeepingSiteRules {

    private final SiteRules rules;
    private final Sites sites;
    private final Clock clock;

    public KeepingSiteRules(SiteRules rules, Sites sites, Clock clock) {
        this.rules = rules;
        this.sites = sites;
        this.clock = clock;
    }

    public HouseRules houseRules(String siteId, Optional<Integer> version) {
        site(siteId);
        if (version.isPresent()) {
            return rules.houseRules(siteId, version.get())
                    .orElseThrow(() -> ProblemException.notFound("house rules version", String.valueOf(version.get())));
        }
        return rules.houseRules(siteId);
    }

    public HouseRules writeHouseRules(Caller caller, String siteId, int expectedVersion, Map<Language, String> texts) {
        site(siteId);
        HouseRules current = rules.houseRules(siteId);
        HouseRules next;
        try {
            next = current.next(expectedVersion, texts, caller.id(), clock.instant());
        } catch (Refusal.Refused refused) {
            throw Refusals.of(refused);
        }
        if (!rules.saveHouseRules(current, next)) {
            throw ProblemException.conflict("house-rules-changed", "House rules changed meanwhile",
                    "someone wrote a new version at the same moment; read it and write again");
        }
        return next;
    }

    public SiteSettings settings(String siteId) {
        site(siteId);
        return rules.settings(siteId);
    }

    public SiteSettings writeSettings(String siteId, long expectedVersion, Optional<String> address, Optional<Integer> retentionDays) {
        site(siteId);
        SiteSettings current = rules.settings(siteId);
        if (current.version() != expectedVersion) {
            throw ProblemException.stale("the settings are at version " + current.version() + "; read them and write again");
        }
        SiteSettings next = new SiteSettings(siteId, address, retentionDays.map(Retention::new).orElse(current.retention()),
                current.version() + 1);
        if (!rules.saveSettings(current, next)) {
            throw ProblemException.stale("the settings changed meanwhile; read them and write again");
        }
        return next;
    }

    private void site(String siteId) {
        sites.byId(siteId).orElseThrow(() -> ProblemException.notFound("site", siteId));
    }
}
