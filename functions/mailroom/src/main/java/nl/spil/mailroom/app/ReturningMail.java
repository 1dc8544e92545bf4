package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.app.MailItems.Counter;
import nl.spil.mailroom.app.MailItems.DayCount;
import nl.spil.mailroom.domain.Carrier;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;

/** Reception or the office manager sends an uncollected item back to its sender, with the return's tracking number. */
@Singleton
public class ReturningMail {

    private final MailItems store;
    private final MailSettings settings;
    private final MailAccess access;
    private final Clock clock;

    public ReturningMail(MailItems store, MailSettings settings, MailAccess access, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.access = access;
        this.clock = clock;
    }

    public MailItem returnToSender(Caller desk, String itemId, Carrier carrier, String trackingNumber) {
        String by = access.me(desk).map(PersonCard::personId).orElse(desk.id());
        return Retrying.onConcurrentChange(() -> {
            MailItem item = store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
            Instant now = clock.instant();
            MailItem back = item.returnedToSender(carrier, trackingNumber, by, now, settings.of(item.siteId()).keepDays());
            store.change(item, back, List.of(), Optional.of(new DayCount(item.siteId(), now.atZone(item.zone()).toLocalDate(),
                    Counter.RETURNED, 1)));
            return back;
        });
    }
}
