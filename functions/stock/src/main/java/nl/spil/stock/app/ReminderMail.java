package nl.spil.stock.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;
import nl.spil.stock.domain.Suggestions.SupplierGroup;
import nl.spil.stock.domain.Supplier;

/** The reorder reminder as an e-mail: the low items of a site, grouped by supplier, with what to order. */
final class ReminderMail {

    record Model(SiteCard site, LocalDate day, List<SupplierGroup> groups, Map<String, Supplier> suppliers) {
    }

    static final EmailTemplate<Model> REMINDER = EmailTemplate.of(
            (lang, m) -> lang.pick("Bijbestellen: ", "Reorder: ") + count(m) + lang.pick(" artikelen onder het minimum in ",
                    " items below their minimum at ") + m.site().name(),
            (lang, m, body) -> {
                body.paragraph(lang.pick("Goedemorgen,", "Good morning,"))
                        .paragraph(lang.pick("Deze artikelen zijn op ", "These items are below their minimum at ")
                                + m.site().name() + lang.pick(" onder het minimum (", " (")
                                + MailDates.date(lang, m.day()) + lang.pick("). Voorgestelde aantallen vullen aan tot het bestelniveau.",
                                "). Suggested quantities fill up to the reorder level."));
                for (SupplierGroup g : m.groups()) {
                    body.heading(g.supplierId().map(id -> m.suppliers().containsKey(id) ? m.suppliers().get(id).name() : id)
                            .orElse(lang.pick("Zonder vaste leverancier", "No preferred supplier")));
                    body.table(List.of(lang.pick("Artikelnummer", "SKU"), lang.pick("Artikel", "Item"),
                                    lang.pick("Voorraad", "On hand"), lang.pick("Minimum", "Minimum"),
                                    lang.pick("Voorstel", "Suggested")),
                            g.suggestions().stream().map(s -> List.of(s.item().sku(), s.item().details().name(),
                                    Long.toString(s.item().quantity()), Long.toString(s.item().details().minimum()),
                                    s.quantity() + " " + s.item().details().unit())).toList());
                }
                body.note(lang.pick("Artikelen met een openstaande bestelling staan er niet in.",
                        "Items with an open order are left out."));
            });

    private ReminderMail() {
    }

    private static long count(Model m) {
        return m.groups().stream().mapToLong(g -> g.suggestions().size()).sum();
    }
}
