package nl.spil.mailroom.app;

import nl.spil.mailroom.domain.SiteSettings;

/** Each site's mailroom rules (port); a site without its own has {@link SiteSettings#DEFAULTS}. */
public interface MailSettings {

    SiteSettings of(String siteId);

    void put(String siteId, SiteSettings settings);
}
