package nl.spil.visitors.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visitor;

/** A site's visitor settings and house rules, and the block list (port). */
public interface SiteRules {

    SiteSettings settings(String siteId);

    /** Writes settings under the version read; false when changed meanwhile. */
    boolean saveSettings(SiteSettings before, SiteSettings after);

    HouseRules houseRules(String siteId);

    Optional<HouseRules> houseRules(String siteId, int version);

    /** Writes the next version, if the current one is still {@code before}; false otherwise. */
    boolean saveHouseRules(HouseRules before, HouseRules next);

    /** What registering these visitors needs at once: settings, current rules and block entries that may match. */
    record Context(SiteSettings settings, HouseRules rules, List<BlockEntry> candidates) {
    }

    Context forRegistration(String siteId, List<Visitor> visitors);

    /** Block entries whose name or e-mail marker names one of these visitors. */
    List<BlockEntry> blockCandidates(List<Visitor> visitors);

    List<BlockEntry> blockList();

    Optional<BlockEntry> blockEntry(String id);

    void addToBlockList(BlockEntry entry);

    void removeFromBlockList(BlockEntry entry);

    /** Entries whose until-day lies before {@code day}. */
    List<BlockEntry> blockEntriesEndedBefore(LocalDate day);
}
