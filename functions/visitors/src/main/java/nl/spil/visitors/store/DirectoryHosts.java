package nl.spil.visitors.store;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.text.Names;
import nl.spil.visitors.app.HostDirectory;
import nl.spil.visitors.domain.Host;

/**
 * Hosts from the directory, through the platform's DirectoryReader. The walk-in search reads the
 * site's staff and office managers (two Queries of the directory's people index) and matches the
 * folded name's start or any word's start: O(people), a stopgap until the directory's own
 * typo-tolerant people search lands, which then replaces {@link #search} alone.
 */
@Singleton
public class DirectoryHosts implements HostDirectory {

    private final DirectoryReader directory;

    public DirectoryHosts(DirectoryReader directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Host> byId(String personId) {
        return directory.personById(personId).map(DirectoryHosts::host);
    }

    @Override
    public Optional<Host> byEmail(String email) {
        return directory.personByEmail(email).map(DirectoryHosts::host);
    }

    @Override
    public List<Host> search(String siteId, String text, int limit) {
        String wanted = Names.fold(text);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return Stream.concat(directory.peopleWithRole(siteId, "staff").stream(),
                        directory.peopleWithRole(siteId, "office-manager").stream())
                .filter(p -> matches(Names.fold(p.name()), wanted))
                .map(DirectoryHosts::host)
                .distinct()
                .sorted(Comparator.comparing(h -> h.name().toLowerCase(Locale.ROOT)))
                .limit(limit)
                .toList();
    }

    static boolean matches(String folded, String wanted) {
        return folded.startsWith(wanted) || folded.contains(" " + wanted);
    }

    @Override
    public List<Host> withRole(String siteId, String role) {
        return directory.peopleWithRole(siteId, role).stream().map(DirectoryHosts::host).toList();
    }

    private static Host host(PersonCard p) {
        return new Host(p.personId(), p.name(), p.email(), p.language(), p.costCentre());
    }
}
