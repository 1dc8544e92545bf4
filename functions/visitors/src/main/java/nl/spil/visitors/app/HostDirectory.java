package nl.spil.visitors.app;

import java.util.List;
import java.util.Optional;
import nl.spil.visitors.domain.Host;

/**
 * People a visitor can come to see, from the directory (port). The one place that searches the
 * directory for walk-ins: when the directory's own people search lands, only its implementation changes.
 */
public interface HostDirectory {

    Optional<Host> byId(String personId);

    Optional<Host> byEmail(String email);

    /** People at (or without) a site whose name starts with {@code text} (folded), at most {@code limit}. */
    List<Host> search(String siteId, String text, int limit);

    /** The site's people with a role (office managers to hand over or alert, reception to alert). */
    List<Host> withRole(String siteId, String role);
}
