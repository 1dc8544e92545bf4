package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.text.Names;

/**
 * Who may see an item: reception and the office manager see every item; everyone else only
 * their own post (addressed to them, or to their department at their site, or told to them). To
 * anyone else an item does not exist (404), so ids reveal nothing.
 */
@Singleton
public class MailAccess {

    private final DirectoryReader directory;

    public MailAccess(DirectoryReader directory) {
        this.directory = directory;
    }

    /** How the caller sees an item: as the desk (reception, office manager), as its recipient, or both. */
    public record Viewer(boolean desk, boolean recipient) {
    }

    public static boolean isDesk(Caller caller) {
        return caller.has(Role.RECEPTION) || caller.has(Role.OFFICE_MANAGER);
    }

    /** The caller's directory card (1 GetItem), if they are in the directory. */
    public Optional<PersonCard> me(Caller caller) {
        return caller.email().flatMap(directory::personByEmail);
    }

    /** The caller's view of the item; 404 when it is not theirs to see. */
    public Viewer viewerOf(Caller caller, MailItem item) {
        boolean desk = isDesk(caller);
        boolean recipient = me(caller).map(me -> isFor(item, me)).orElse(false);
        if (!desk && !recipient) {
            throw ProblemException.notFound("mail item", item.id());
        }
        return new Viewer(desk, recipient);
    }

    /** True when the item is this person's post. */
    public static boolean isFor(MailItem item, PersonCard person) {
        if (item.recipient() instanceof Recipient.Person p) {
            return p.personId().equals(person.personId());
        }
        if (item.recipient() instanceof Recipient.Department d) {
            return item.notified().contains(person.personId()) || inDepartment(person, item.siteId(), d.name());
        }
        return false;
    }

    /** Works in this department at this site, as the directory says. */
    public static boolean inDepartment(PersonCard person, String siteId, String department) {
        return person.siteId().map(siteId::equals).orElse(false)
                && person.costCentre().map(cc -> Names.fold(cc).equals(Names.fold(department))).orElse(false);
    }
}
