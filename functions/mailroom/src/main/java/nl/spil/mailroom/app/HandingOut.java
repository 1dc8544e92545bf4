package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.app.MailItems.Counter;
import nl.spil.mailroom.app.MailItems.DayCount;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.Refusal;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;

/**
 * Reception hands an item out: against the pickup code (to the recipient, or to a colleague the
 * recipient gave the code: a delegate), or to the recipient in person, signed in and checked by
 * reception. Who collected it, when, and which receptionist handed it out are recorded. A wrong
 * code is a 422 that counts; the fifth locks the item until reception unlocks it.
 */
@Singleton
public class HandingOut {

    private final MailItems store;
    private final MailSettings settings;
    private final DirectoryReader directory;
    private final MailAccess access;
    private final Clock clock;
    private final Outcomes outcomes;

    public HandingOut(MailItems store, MailSettings settings, DirectoryReader directory, MailAccess access, Clock clock,
                      Outcomes outcomes) {
        this.store = store;
        this.settings = settings;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /**
     * @param code        the pickup code the collector gave, or empty when reception checked the
     *                    signed-in recipient in person
     * @param collectorId who collects, when not the recipient (a delegate with the code, or the
     *                    member of a department who collects its post)
     */
    public MailItem handOut(Caller receptionist, String itemId, Optional<String> code, Optional<String> collectorId) {
        PersonCard desk = access.me(receptionist).orElse(null);
        String deskId = desk == null ? receptionist.id() : desk.personId();
        String deskName = desk == null ? receptionist.email().orElse(receptionist.id()) : desk.name();
        MailItem handedOut = Retrying.onConcurrentChange(() -> {
            MailItem item = byId(itemId);
            Instant now = clock.instant();
            PersonCard collector = collector(item, code, collectorId);
            boolean delegate = !isRecipient(item, collector);
            MailItem.Attempt attempt = new MailItem.Attempt(code, collector.personId(), collector.name(), delegate, deskId, deskName);
            MailItem.Outcome outcome = item.handOut(attempt, now, settings.of(item.siteId()).keepDays());
            if (outcome instanceof MailItem.WrongCode wrong) {
                store.change(item, wrong.item(), List.of(), Optional.empty());
                throw wrong.item().locked()
                        ? ProblemException.unprocessable("wrong-code-locked", "Wrong code: item locked",
                        "that is not the pickup code; after " + MailItem.MAX_WRONG_CODES + " wrong codes the item is locked until reception unlocks it")
                        : ProblemException.unprocessable("wrong-code", "Wrong pickup code",
                        "that is not the pickup code of item " + itemId + "; " + wrong.triesLeft() + " tries left");
            }
            MailItem done = outcome.item();
            store.change(item, done, List.of(), Optional.of(new DayCount(item.siteId(), now.atZone(item.zone()).toLocalDate(), Counter.COLLECTED, 1)));
            return done;
        });
        outcomes.record(Outcome.POST_HANDED_OUT);
        return handedOut;
    }

    /** Reception lifts the lock after wrong codes. */
    public MailItem unlock(String itemId) {
        return Retrying.onConcurrentChange(() -> {
            MailItem item = byId(itemId);
            MailItem open = item.unlocked();
            store.change(item, open, List.of(), Optional.empty());
            return open;
        });
    }

    private MailItem byId(String itemId) {
        return store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
    }

    private PersonCard collector(MailItem item, Optional<String> code, Optional<String> collectorId) {
        Recipient recipient = item.recipient();
        if (recipient instanceof Recipient.Left) {
            throw Refusal.rule("recipient-left", "The recipient has left",
                    "item " + item.id() + " waits to go back to its sender").refused();
        }
        if (recipient instanceof Recipient.Person p && (collectorId.isEmpty() || collectorId.get().equals(p.personId()))) {
            return new PersonCard(p.personId(), p.name(), "", Language.NL, Optional.of(item.siteId()),
                    Optional.empty(), List.of());
        }
        if (collectorId.isEmpty()) {
            throw ProblemException.badRequest("collectorId", "is required for a department's post: who collects it");
        }
        PersonCard who = directory.personById(collectorId.get()).orElseThrow(() -> Refusals.unprocessable("unknown-person",
                "Unknown person", List.of(new FieldError("collectorId", "no one in the directory has this id"))));
        if (code.isEmpty() && !isRecipient(item, who)) {
            throw Refusal.rule("code-required", "The pickup code is needed",
                    "only the recipient collects without the code; a colleague collecting for them gives the code").refused();
        }
        return who;
    }

    private static boolean isRecipient(MailItem item, PersonCard who) {
        if (item.recipient() instanceof Recipient.Person p) {
            return p.personId().equals(who.personId());
        }
        return item.recipient() instanceof Recipient.Department d
                && (item.notified().contains(who.personId()) || MailAccess.inDepartment(who, item.siteId(), d.name()));
    }

}
