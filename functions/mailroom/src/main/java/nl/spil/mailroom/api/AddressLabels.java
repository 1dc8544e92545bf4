package nl.spil.mailroom.api;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.List;
import nl.spil.mailroom.domain.Address;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;

/**
 * The forwarding list as printable address labels: A4 sheets of 3 × 8 labels of 70 × 37 mm (the
 * common 24-up label sheet), one per item, with the recipient's name and address and, small, the
 * item's id to match label and item. Built with OpenPDF and its standard Helvetica.
 */
final class AddressLabels {

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    private static final float MM = 72f / 25.4f;
    private static final Font NAME = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font LINE = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 6);
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private AddressLabels() {
    }

    static byte[] pdf(List<MailItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter.getInstance(document, out);
        document.addTitle("Spil forwarding labels");
        document.open();
        PdfPTable sheet = new PdfPTable(COLUMNS);
        sheet.setWidthPercentage(100);
        int cells = 0;
        for (MailItem item : items) {
            item.forwarding().flatMap(f -> f.address()).ifPresent(a -> sheet.addCell(label(item, a)));
            cells += item.forwarding().flatMap(f -> f.address()).isPresent() ? 1 : 0;
        }
        int fill = cells % COLUMNS == 0 && cells > 0 ? 0 : COLUMNS - cells % COLUMNS;
        for (int i = 0; i < fill; i++) {
            sheet.addCell(empty());
        }
        document.add(sheet);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell label(MailItem item, Address a) {
        Paragraph p = new Paragraph();
        String name = item.recipient() instanceof Recipient.Person person ? person.name() : item.recipient().displayName();
        p.add(new Phrase(printable(name) + "\n", NAME));
        p.add(new Phrase(printable(a.line1()) + "\n", LINE));
        a.line2().ifPresent(l -> p.add(new Phrase(printable(l) + "\n", LINE)));
        p.add(new Phrase(printable(a.postalCode() + "  " + a.city()) + "\n", LINE));
        if (!a.country().equals("NL")) {
            p.add(new Phrase(a.country() + "\n", LINE));
        }
        p.add(new Phrase("\n" + item.id(), SMALL));
        PdfPCell cell = new PdfPCell(p);
        cell.setFixedHeight(37 * MM);
        cell.setPadding(5 * MM);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static PdfPCell empty() {
        PdfPCell cell = new PdfPCell(new Phrase(""));
        cell.setFixedHeight(37 * MM);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    /** Helvetica writes WinAnsi: anything else loses its accent ("ı" → "i") or becomes "?". */
    static String printable(String text) {
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (encoder.canEncode(c)) {
                out.append(c);
            } else {
                String plain = Normalizer.normalize(c, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
                out.append(!plain.isEmpty() && encoder.canEncode(plain) ? plain : cp == 'ı' ? "i" : "?");
            }
        });
        return out.toString();
    }
}
