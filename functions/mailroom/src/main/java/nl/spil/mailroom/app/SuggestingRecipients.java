package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.text.NameMatcher;
import nl.spil.platform.text.Names;

/**
 * Recipient suggestions while reception types what a label says ("T.a.v. A. v.d. Berg",
 * "Finance"): directory people and departments, best first, tolerant of typos, accents, initials
 * and Dutch particles (the platform's NameMatcher). One Query of the directory's name index,
 * which holds each person's name, site and department: nothing else is read.
 */
@Singleton
public class SuggestingRecipients {

    public static final int MAX_SUGGESTIONS = 20;
    private final DirectoryReader directory;

    public SuggestingRecipients(DirectoryReader directory) {
        this.directory = directory;
    }

    /** A person or a department (personId empty) to address an item to. */
    public record Suggestion(Optional<String> personId, String name, Optional<String> siteId, Optional<String> department) {
    }

    /** People first, then departments; people of {@code siteId} before the rest at equal fit. */
    public List<Suggestion> suggest(String typed, Optional<String> siteId, int limit) {
        NameMatcher matcher = NameMatcher.of(typed);
        if (matcher.isBlank()) {
            return List.of();
        }
        List<NameIndex.Entry> index = directory.nameIndex();
        List<NameIndex.Entry> people = matcher.best(index, e -> DirectoryReader.prepared(e.name()), limit * 2);
        List<Suggestion> out = new ArrayList<>();
        people.stream()
                .sorted(Comparator.comparing((NameIndex.Entry e) -> siteId.isPresent() && !e.siteId().equals(siteId)))
                .limit(limit)
                .forEach(e -> out.add(new Suggestion(Optional.of(e.personId()), e.name(), e.siteId(), e.costCentre())));
        Map<String, NameIndex.Entry> departments = new LinkedHashMap<>();
        for (NameIndex.Entry e : index) {
            if (e.costCentre().isPresent() && (siteId.isEmpty() || e.siteId().equals(siteId))) {
                departments.putIfAbsent(Names.fold(e.costCentre().get()) + "@" + e.siteId().orElse(""), e);
            }
        }
        matcher.best(departments.values(), e -> DirectoryReader.prepared(e.costCentre().get()), limit).forEach(e ->
                out.add(new Suggestion(Optional.empty(), e.costCentre().get(), e.siteId(), e.costCentre())));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
