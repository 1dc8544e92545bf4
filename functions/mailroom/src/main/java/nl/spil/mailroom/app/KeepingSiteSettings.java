package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.problem.ProblemException;

/** The office manager sets a site's reminder, return and keeping days; reception may read them. */
@Singleton
public class KeepingSiteSettings {

    private final MailSettings settings;
    private final DirectoryReader directory;

    public KeepingSiteSettings(MailSettings settings, DirectoryReader directory) {
        this.settings = settings;
        this.directory = directory;
    }

    public SiteSettings of(String siteId) {
        requireSite(siteId);
        return settings.of(siteId);
    }

    public SiteSettings set(String siteId, SiteSettings changed) {
        changed.problem().ifPresent(p -> {
            throw ProblemException.badRequest(p[0], p[1]);
        });
        requireSite(siteId);
        settings.put(siteId, changed);
        return changed;
    }

    private void requireSite(String siteId) {
        if (directory.site(siteId).isEmpty()) {
            throw ProblemException.notFound("site", siteId);
        }
    }
}
