package nl.spil.visitors.api;

import java.util.List;
import nl.spil.platform.time.Times;
import nl.spil.visitors.domain.Visit;

/**
 * The evacuation list as CSV for printing (RFC 4180 quoting; a leading = + - @ defused against
 * spreadsheet formulas). Written by hand like the purchase order's: five columns do not justify
 * commons-csv in the jar.
 */
final class OnSiteCsv {

    private OnSiteCsv() {
    }

    static String of(List<Visit> visits) {
        StringBuilder out = new StringBuilder("name,company,host,arrivedAt,visitId\r\n");
        for (Visit v : visits) {
            out.append(cell(v.visitor().name())).append(',').append(cell(v.visitor().company().orElse(""))).append(',')
                    .append(cell(v.host().name())).append(',').append(cell(Times.text(v.checkedInAt().orElseThrow(), v.zone())))
                    .append(',').append(cell(v.id())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
