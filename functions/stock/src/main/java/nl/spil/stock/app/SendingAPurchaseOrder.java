package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.PurchaseOrderSent;
import nl.spil.stock.domain.Supplier;

/**
 * The office manager sends a draft to its supplier: an e-mail with the order as a table and as
 * CSV, in the office manager's language, and the event that commits its total in budget, both
 * in the transaction that marks the order sent.
 */
@Singleton
public class SendingAPurchaseOrder {

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final DirectoryReader directory;
    private final Settings settings;
    private final Clock clock;

    public SendingAPurchaseOrder(PurchaseOrders orders, Suppliers suppliers, DirectoryReader directory, Settings settings,
                                 Clock clock) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    public PurchaseOrder send(String id, Caller caller) {
        PurchaseOrder current = LookingAtPurchaseOrders.find(orders, id);
        PurchaseOrder sent = Refusals.guard(() -> current.sent(clock.instant()));
        Supplier supplier = suppliers.byId(current.supplierId())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-supplier", "Unknown supplier",
                        "supplier " + current.supplierId() + " does not exist"));
        try {
            orders.send(current, sent, mail(sent, supplier, caller), PurchaseOrderSent.of(sent));
        } catch (ConcurrentChange changed) {
            throw ProblemException.stale("order " + id + " was changed meanwhile; reload it");
        }
        return sent;
    }

    private EmailMessage mail(PurchaseOrder sent, Supplier supplier, Caller caller) {
        Language language = caller.email().flatMap(directory::personByEmail).map(DirectoryReader.PersonCard::language)
                .orElse(Language.NL);
        String siteName = directory.site(sent.siteId()).map(DirectoryReader.SiteCard::name).orElse(sent.siteId());
        EmailMessage message = EmailMessage.of(EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                        EmailAddress.of(supplier.email(), supplier.name()), language,
                        OrderMail.ORDER.render(language, new OrderMail.Model(sent, supplier, siteName), settings.officeName()),
                        "stock-po-" + sent.id())
                .withAttachment(Attachment.csv("order-" + sent.id() + ".csv", OrderMail.csv(sent)));
        Optional<String> replyTo = caller.email();
        return replyTo.isPresent() ? message.withReplyTo(EmailAddress.of(replyTo.get())) : message;
    }
}
