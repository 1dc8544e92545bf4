package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Refusal;
import nl.spil.mailroom.domain.Scan;
import nl.spil.mailroom.domain.ScanType;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A photo or scan reaches an item in two steps: the upload through the link the logging answer
 * gave, then reception's "uploaded": the file that arrived is checked (at most 10 MB, a JPEG, PNG
 * or PDF by its first bytes, whatever it claimed) and linked to the item, or deleted. It is read
 * back only through a short-lived link, by the recipient, reception and the office manager.
 */
@Singleton
public class AttachingScans {

    private static final Logger LOG = LoggerFactory.getLogger(AttachingScans.class);
    private final MailItems store;
    private final Scans scans;
    private final MailAccess access;

    public AttachingScans(MailItems store, Scans scans, MailAccess access) {
        this.store = store;
        this.scans = scans;
        this.access = access;
    }

    /** Checks what arrived and links it; a file that fails is deleted (422) and the item can take a new upload. */
    public MailItem uploaded(String itemId) {
        return Retrying.onConcurrentChange(() -> {
            MailItem item = store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
            if (item.scan().isAttached()) {
                return item;
            }
            if (item.scan().state() == Scan.State.NONE) {
                throw Refusal.conflict("no-scan-announced", "No photo or scan announced",
                        "item " + itemId + " was logged without a photo or scan").refused();
            }
            Scans.Arrived arrived = scans.arrived(itemId).orElseThrow(() -> Refusal.conflict("scan-not-uploaded",
                    "Nothing uploaded yet", "upload the file through the link first").refused());
            Optional<ScanType> type = ScanType.sniff(arrived.head());
            String problem = arrived.bytes() > ScanType.MAX_BYTES ? "is larger than 10 MB"
                    : arrived.bytes() == 0 ? "is empty"
                    : type.isEmpty() ? "is not a JPEG, PNG or PDF file" : null;
            if (problem != null) {
                scans.delete(itemId);
                LOG.info("scan of item {} rejected and deleted: {}", itemId, problem);
                throw Refusal.rule("scan-rejected", "File rejected", "the uploaded file " + problem
                        + "; it was deleted").refused();
            }
            MailItem attached = item.withScan(item.scan().attached(type.get(), arrived.bytes()));
            store.change(item, attached, List.of(), Optional.empty());
            return attached;
        });
    }

    /** A link to read the file, for the recipient, reception and the office manager. */
    public Scans.ReadLink readLink(Caller caller, String itemId) {
        MailItem item = store.byId(itemId).orElseThrow(() -> ProblemException.notFound("mail item", itemId));
        access.viewerOf(caller, item);
        if (!item.scan().isAttached()) {
            throw ProblemException.notFound("photo or scan of item", itemId);
        }
        return scans.readLink(itemId, item.scan().type());
    }

    /** A fresh upload link while an item's file is due (not arrived, or rejected): computed, no request. */
    public Optional<Scans.UploadLink> uploadLink(MailItem item) {
        return item.scan().state() == Scan.State.AWAITING_UPLOAD && item.status().onShelf()
                ? Optional.of(scans.uploadLink(item.id(), item.scan().type(), item.scan().bytes()))
                : Optional.empty();
    }
}
