package nl.spil.visitors.print;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import nl.spil.visitors.domain.Visit;

/**
 * A visitor's badge: a 62 × 100 mm label (the common roll width of label printers) with name,
 * company, host, date, site and the check-in code as a QR code, drawn as vector squares so it
 * prints sharp at any resolution. Made with OpenPDF and its built-in Helvetica (no font to ship):
 * a character outside Windows-1252 is written without its accent, or as '?'.
 */
public final class Badges {

    private static final float MM = 72f / 25.4f;
    public static final float WIDTH = 62 * MM;
    public static final float HEIGHT = 100 * MM;
    private static final String DAY = "d MMMM uuuu";

    private Badges() {
    }

    public static byte[] pdf(Visit visit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(WIDTH, HEIGHT), 4 * MM, 4 * MM, 5 * MM, 4 * MM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Badge");
            document.addCreator("Spil");
            document.open();
            document.add(line("BEZOEKER / VISITOR", new Font(Font.HELVETICA, 7, Font.BOLD), 4));
            document.add(line(visit.visitor().name(), new Font(Font.HELVETICA, 15, Font.BOLD), 2));
            visit.visitor().company().ifPresent(c -> document.add(line(c, new Font(Font.HELVETICA, 10, Font.NORMAL), 6)));
            Font small = new Font(Font.HELVETICA, 8, Font.NORMAL);
            document.add(line("Host: " + visit.host().name(), small, 1));
            document.add(line(DateTimeFormatter.ofPattern(DAY, visit.visitor().language().locale()).format(visit.day()) + " - " + visit.siteName(), small, 1));
            PdfContentByte canvas = writer.getDirectContent();
            drawQr(canvas, QrCodes.matrix(visit.code().value()), 34 * MM, (WIDTH - 34 * MM) / 2, 8 * MM);
            canvas.beginText();
            canvas.setFontAndSize(BaseFont.createFont(BaseFont.COURIER_BOLD, BaseFont.WINANSI, false), 9);
            canvas.showTextAligned(Element.ALIGN_CENTER, visit.code().grouped(), WIDTH / 2, 4 * MM, 0);
            canvas.endText();
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("badge could not be written", e);
        }
    }

    private static Paragraph line(String text, Font font, float after) {
        Paragraph p = new Paragraph(printable(text), font);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.2f);
        return p;
    }

    private static void drawQr(PdfContentByte canvas, BitMatrix m, float size, float x, float y) {
        float module = size / m.getWidth();
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    canvas.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    /** Text Helvetica can draw: as it is in Windows-1252, else without accents, else '?'. */
    static String printable(String text) {
        CharsetEncoder cp1252 = Charset.forName("windows-1252").newEncoder();
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            if (cp1252.canEncode(s)) {
                out.append(s);
            } else {
                String bare = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
                out.append(!bare.isEmpty() && cp1252.canEncode(bare) ? bare : "?");
            }
        });
        return out.toString();
    }
}
