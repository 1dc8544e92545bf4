package nl.spil.stock.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.Supplier;

/** The purchase order as an e-mail to the supplier (a table) and as a CSV attachment. */
final class OrderMail {

    record Model(PurchaseOrder order, Supplier supplier, String siteName) {
    }

    static final EmailTemplate<Model> ORDER = EmailTemplate.of(
            (lang, m) -> lang.pick("Bestelling ", "Purchase order ") + m.order().id(),
            (lang, m, body) -> body
                    .paragraph(lang.pick("Beste ", "Dear ") + m.supplier().name() + ",")
                    .paragraph(lang.pick("Wij bestellen graag het volgende voor ", "We would like to order the following for ")
                            + m.siteName() + ".")
                    .table(List.of(lang.pick("Artikelnummer", "SKU"), lang.pick("Omschrijving", "Description"),
                                    lang.pick("Aantal", "Quantity"), lang.pick("Stukprijs", "Unit price"),
                                    lang.pick("Bedrag", "Amount")),
                            m.order().lines().stream().map(l -> List.of(l.sku(), l.name(), Long.toString(l.quantity()),
                                    l.unitPrice().toString(), l.amount().toString())).toList())
                    .row(lang.pick("Totaal", "Total"), m.order().total().toString())
                    .row(lang.pick("Ordernummer", "Order number"), m.order().id())
                    .note(lang.pick("De bestelling staat ook als CSV-bestand in de bijlage.",
                            "The order is attached as a CSV file as well.")));

    private OrderMail() {
    }

    /** RFC 4180 CSV (commons-csv would add a dependency to the jar for these few lines). */
    static byte[] csv(PurchaseOrder order) {
        List<String> rows = new ArrayList<>();
        rows.add("order,sku,description,quantity,unit_price_cents,amount_cents,currency");
        for (OrderLine l : order.lines()) {
            rows.add(String.join(",", cell(order.id()), cell(l.sku()), cell(l.name()), Long.toString(l.quantity()),
                    Long.toString(l.unitPriceCents()), Long.toString(l.amount().amountCents()),
                    l.amount().currency()));
        }
        return (String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
