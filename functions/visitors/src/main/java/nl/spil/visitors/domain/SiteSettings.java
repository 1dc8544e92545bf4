package nl.spil.visitors.domain;

import java.util.Optional;

/** What visitors need to know of a site besides the directory's card: its address, and its retention. */
public record SiteSettings(String siteId, Optional<String> address, Retention retention, long version) {

    public static SiteSettings defaults(String siteId) {
        return new SiteSettings(siteId, Optional.empty(), Retention.DEFAULT, 0);
    }
}
