package nl.spil.budget.app;

import java.time.YearMonth;
import java.util.List;
import nl.spil.platform.mail.EmailMessage;

/** E-mails the budget sends (port): put in the outbox with what makes them happen once. */
public interface Notices {

    /** One e-mail and the key that makes it unique (the same crossing or report never goes twice). */
    record Notice(EmailMessage message, String dedupeKey) {
    }

    /**
     * The alert e-mails of an event and the event's consumption, in one transaction.
     *
     * @return false when the event was consumed (or its e-mails sent) before: nothing written
     */
    boolean sendForEvent(String eventId, List<Notice> mails);

    boolean monthlyReportSent(YearMonth month);

    /**
     * The monthly report's e-mails and the mark that the month is done, in one transaction.
     *
     * @return false when the month was done before: nothing written
     */
    boolean sendMonthlyReport(YearMonth month, String objectKey, List<Notice> mails);
}
