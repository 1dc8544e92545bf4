package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.app.MailItems.Counter;
import nl.spil.mailroom.app.MailItems.DayCount;
import nl.spil.mailroom.app.MailItems.Mail;
import nl.spil.mailroom.domain.Address;
import nl.spil.mailroom.domain.Carrier;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.Refusal;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;

/**
 * Home workers: a recipient asks for an item to be sent on to them (to the home address the
 * directory has, or another address for this item); reception and the office manager see what
 * to forward per site (also as address labels) and mark each item forwarded with the carrier's
 * tracking number, which the recipient is e-mailed. The address is kept only until then.
 */
@Singleton
public class ForwardingMail {

    private final MailItems store;
    private final MailSettings settings;
    private final DirectoryReader directory;
    private final MailAccess access;
    private final MailMails mails;
    private final Clock clock;

    public ForwardingMail(MailItems store, MailSettings settings, DirectoryReader directory, MailAccess access,
                          MailMails mails, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.directory = directory;
        this.access = access;
        this.mails = mails;
        this.clock = clock;
    }

    /** The recipient's request: home (from the directory) when {@code address} is empty. */
    public MailItem request(Caller caller, String itemId, Optional<Address> address) {
        PersonCard me = access.me(caller).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
        return Retrying.onConcurrentChange(() -> {
            MailItem item = store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
            if (!MailAccess.isFor(item, me)) {
                throw ProblemException.notFound("mail item", itemId);
            }
            if (!(item.recipient() instanceof Recipient.Person)) {
                throw Refusal.rule("shared-post", "A department's post is collected",
                        "post for a department stays at the site for anyone of it to collect").refused();
            }
            Address to = address.orElseGet(() -> directory.homeAddress(me.personId())
                    .map(a -> new Address(a.line1(), a.line2(), a.postalCode(), a.city(), a.country()))
                    .orElseThrow(() -> Refusal.rule("no-home-address", "No home address",
                            "the directory has no home address for you; give an address for this item").refused()));
            MailItem requested = item.forwardingRequested(address.isEmpty(), to, clock.instant());
            store.change(item, requested, List.of(), Optional.empty());
            return requested;
        });
    }

    /** What to forward from a site, oldest request first. */
    public List<MailItem> list(String siteId) {
        return store.forwardingList(siteId);
    }

    /** Sent on: the recipient is e-mailed the carrier and tracking number. */
    public MailItem forwarded(Caller desk, String itemId, Carrier carrier, String trackingNumber) {
        String by = access.me(desk).map(PersonCard::personId).orElse(desk.id());
        return Retrying.onConcurrentChange(() -> {
            MailItem item = store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
            Instant now = clock.instant();
            MailItem sent = item.forwarded(carrier, trackingNumber, by, now, settings.of(item.siteId()).keepDays());
            List<Mail> toSend = List.of();
            if (item.recipient() instanceof Recipient.Person p) {
                Optional<PersonCard> reader = directory.personById(p.personId());
                String dedupe = "mailroom:forwarded:" + item.id();
                toSend = reader.map(r -> List.of(new Mail(mails.forwarded(r, sent, dedupe), dedupe))).orElse(List.of());
            }
            store.change(item, sent, toSend, Optional.of(new DayCount(item.siteId(), now.atZone(item.zone()).toLocalDate(),
                    Counter.FORWARDED, 1)));
            return sent;
        });
    }
}
