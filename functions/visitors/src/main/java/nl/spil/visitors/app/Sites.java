package nl.spil.visitors.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.inject.Singleton;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.SiteCard;

/**
 * Sites as the directory keeps them (name, zone, hours): one GetItem, remembered for five minutes
 * by a warm function, so a kiosk's day list does not read the directory every time.
 */
@Singleton
public class Sites {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    private final DirectoryReader directory;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> known = new ConcurrentHashMap<>();

    private record Remembered(Optional<SiteCard> site, Instant until) {
    }

    public Sites(DirectoryReader directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Optional<SiteCard> byId(String siteId) {
        Instant now = clock.instant();
        Remembered r = known.get(siteId);
        if (r != null && now.isBefore(r.until())) {
            return r.site();
        }
        Optional<SiteCard> found = directory.site(siteId);
        if (known.size() > 500) {
            known.clear();
        }
        known.put(siteId, new Remembered(found, now.plus(REMEMBER)));
        return found;
    }

    public List<SiteCard> all() {
        return directory.sites();
    }
}
