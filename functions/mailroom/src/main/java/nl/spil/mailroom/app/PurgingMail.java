package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Scan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal data kept only as long as needed: an item handed out, forwarded or returned is
 * deleted with its photo once its site's keeping days have passed. The table's TTL removes the
 * item a week later still, should this schedule not run; S3's lifecycle removes any file under
 * mailroom/ within a year (template.yaml), and old versions within a day of their deletion.
 */
@Singleton
public class PurgingMail {

    public static final int PER_RUN = 1000;
    private static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PurgingMail.class);
    private final MailItems store;
    private final Scans scans;

    public PurgingMail(MailItems store, Scans scans) {
        this.store = store;
        this.scans = scans;
    }

    /** Deletes what is past keeping at {@code now}; answers how many items went. */
    public int run(Instant now) {
        int purged = 0;
        while (purged < PER_RUN) {
            List<MailItem> due = store.pastKeeping(now, PAGE);
            int before = purged;
            for (MailItem item : due) {
                if (forget(item)) {
                    purged++;
                }
            }
            if (due.size() < PAGE || purged == before) {
                break;
            }
        }
        LOG.info("mail purge at {}: {} items deleted with their files", now, purged);
        return purged;
    }

    /** The file first, so that an item is never gone while its file stays. */
    boolean forget(MailItem item) {
        if (item.scan().state() != Scan.State.NONE) {
            scans.delete(item.id());
        }
        return store.delete(item);
    }
}
