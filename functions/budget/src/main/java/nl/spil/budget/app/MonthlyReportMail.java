package nl.spil.budget.app;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.spil.budget.domain.BudgetReport;
import nl.spil.budget.domain.Cents;
import nl.spil.budget.domain.Figures;
import nl.spil.budget.domain.Status;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailBody;
import nl.spil.platform.mail.MailDates;
import nl.spil.platform.mail.MailText;
import nl.spil.platform.mail.RenderedEmail;

/**
 * The monthly report to management: a summary per cost centre and, per cost centre, a bar chart of
 * budget against actual per category, plus the link to the full CSV.
 *
 * <p>Written here rather than with {@link EmailBody}, which has no charts. The bars are table cells
 * with a width in percent and a background colour (attribute and inline style both), the one
 * construction Outlook's Word engine, Gmail, Apple Mail and the rest all draw: no SVG, no images, no
 * CSS classes, no external anything. Every text is escaped ({@link MailText#html}). The text part
 * draws the same bars with characters.
 */
public final class MonthlyReportMail {

    private static final String FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private static final String MUTED = "#6b7280";
    private static final String RULE = "#e5e7eb";
    private static final String BUDGET = "#9ca3af";
    private static final int TEXT_BAR = 30;

    private MonthlyReportMail() {
    }

    /** What the e-mail shows: the report, its CSV's link and when the link stops working. */
    public record Model(BudgetReport report, String recipientName, String csvUrl, Instant linkExpires, ZoneId zone) {
    }

    public static RenderedEmail render(Language lang, Model m, String officeName) {
        String period = BudgetMails.month(lang, m.report().month()) + " " + m.report().year();
        String subject = lang.pick("Budgetrapportage ", "Budget report ") + period;
        String office = MailText.headerValue(officeName, MailText.MAX_NAME);
        String footer = EmailBody.footerLine(lang, office.isEmpty() ? "Spil" : office);
        return new RenderedEmail(subject, text(lang, m, period, footer), html(lang, m, subject, period, footer));
    }

    static String colour(Status status) {
        return switch (status) {
            case OK -> "#16a34a";
            case WATCH -> "#d97706";
            case OVER -> "#dc2626";
        };
    }

    static String statusText(Language lang, Status status) {
        return switch (status) {
            case OK -> "ok";
            case WATCH -> lang.pick("opletten (≥ 80 %)", "watch (≥ 80 %)");
            case OVER -> lang.pick("over budget", "over budget");
        };
    }

    /** A value's share of the largest value, in whole percent (0..100), rounded half up, never floating point. */
    static int width(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.min(100, Cents.scale(value, 100, max));
    }

    private static String intro(Language lang, Model m, String period) {
        return lang.pick("Hallo " + m.recipientName() + ",\n\nHier is de budgetrapportage over januari t/m " + period
                        + ": per kostenplaats het budget tot en met die maand tegenover wat er is uitgegeven, wat openstaande "
                        + "bestellingen nog vastleggen en de afwijking.",
                "Hello " + m.recipientName() + ",\n\nHere is the budget report for January to " + period
                        + ": per cost centre the budget to date against what was spent, what open purchase orders still "
                        + "commit, and the variance.");
    }

    private static List<String> summaryHeader(Language lang) {
        return List.of(lang.pick("Kostenplaats", "Cost centre"), lang.pick("Budget t/m maand", "Budget to date"),
                lang.pick("Uitgegeven", "Actual"), lang.pick("Verplicht", "Committed"), lang.pick("Afwijking", "Variance"),
                "Status");
    }

    private static List<String> summaryRow(Language lang, BudgetReport.CostCentreReport cc) {
        Figures t = cc.total();
        return List.of(cc.name() + " (" + cc.code() + ")", Cents.euro(t.budgetToDate(), lang), Cents.euro(t.actualToDate(), lang),
                Cents.euro(t.committed(), lang), Cents.euro(t.variance(), lang) + t.varianceBasisPoints()
                        .map(bp -> " (" + Cents.percent(bp, lang.pick(',', '.')) + " %)").orElse(""), statusText(lang, t.status()));
    }

    private static String expiry(Language lang, Model m) {
        return MailDates.dateTime(lang, m.linkExpires().atZone(m.zone()));
    }

    // ---------------------------------------------------------------- text

    private static String text(Language lang, Model m, String period, String footer) {
        StringBuilder out = new StringBuilder();
        out.append(intro(lang, m, period)).append("\n\n");
        List<String> header = summaryHeader(lang);
        for (BudgetReport.CostCentreReport cc : m.report().costCentres()) {
            List<String> row = summaryRow(lang, cc);
            out.append(row.get(0)).append('\n');
            for (int i = 1; i < header.size(); i++) {
                out.append("  ").append(header.get(i)).append(": ").append(row.get(i)).append('\n');
            }
            long max = max(cc);
            for (BudgetReport.Line line : cc.lines()) {
                Figures f = line.figures();
                out.append("  ").append(line.categoryName()).append('\n')
                        .append("    ").append(bar('=', width(f.budgetToDate(), max))).append(' ')
                        .append(lang.pick("budget ", "budget ")).append(Cents.euro(f.budgetToDate(), lang)).append('\n')
                        .append("    ").append(bar('#', width(f.actualToDate(), max))).append(' ')
                        .append(lang.pick("uitgegeven ", "actual ")).append(Cents.euro(f.actualToDate(), lang))
                        .append(", ").append(statusText(lang, f.status())).append('\n');
            }
            out.append('\n');
        }
        out.append(lang.pick("De volledige cijfers als CSV (de link werkt tot ", "The full figures as CSV (the link works until "))
                .append(expiry(lang, m)).append("):\n").append(m.csvUrl()).append("\n\n-- \n").append(footer).append('\n');
        return out.toString();
    }

    private static String bar(char c, int percent) {
        int n = (int) Cents.scale(percent, TEXT_BAR, 100);
        return String.valueOf(c).repeat(n) + ".".repeat(TEXT_BAR - n);
    }

    private static long max(BudgetReport.CostCentreReport cc) {
        long max = 0;
        for (BudgetReport.Line line : cc.lines()) {
            max = Math.max(max, Math.max(line.figures().budgetToDate(), line.figures().actualToDate()));
        }
        return max;
    }

    // ---------------------------------------------------------------- HTML

    private static String html(Language lang, Model m, String subject, String period, String footer) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(MailText.html(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
                .append(table("100%", "background-color:#f3f4f6;")).append("<tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
                .append(table("100%", "max-width:640px;background-color:#ffffff;" + FONT + "color:#1f2937;"))
                .append("<tr><td style=\"padding:32px 32px 16px 32px;\">\n")
                .append("<h1 style=\"margin:0 0 16px 0;font-size:20px;line-height:28px;font-weight:600;color:#111827;\">")
                .append(MailText.html(subject)).append("</h1>\n")
                .append("<p style=\"margin:0 0 16px 0;font-size:15px;line-height:24px;\">")
                .append(MailText.html(intro(lang, m, period)).replace("\n", "<br>\n")).append("</p>\n");
        summary(out, lang, m.report());
        for (BudgetReport.CostCentreReport cc : m.report().costCentres()) {
            chart(out, lang, cc);
        }
        out.append("<p style=\"margin:24px 0 8px 0;font-size:15px;line-height:24px;\"><a href=\"").append(MailText.html(m.csvUrl()))
                .append("\" target=\"_blank\" style=\"color:#1d4ed8;font-weight:600;\">")
                .append(MailText.html(lang.pick("Download de volledige cijfers (CSV)", "Download the full figures (CSV)")))
                .append("</a></p>\n<p style=\"margin:0 0 16px 0;font-size:13px;line-height:20px;color:").append(MUTED).append(";\">")
                .append(MailText.html(lang.pick("De link werkt tot ", "The link works until ") + expiry(lang, m) + "."))
                .append("</p>\n</td></tr>\n<tr><td style=\"padding:16px 32px 24px 32px;border-top:1px solid ").append(RULE)
                .append(";font-size:12px;line-height:18px;color:").append(MUTED).append(";\">").append(MailText.html(footer))
                .append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summary(StringBuilder out, Language lang, BudgetReport report) {
        out.append(table("100%", "margin:0 0 24px 0;border-collapse:collapse;font-size:13px;line-height:18px;")).append("<tr>");
        List<String> header = summaryHeader(lang);
        for (int i = 0; i < header.size(); i++) {
            out.append("<th align=\"").append(i == 0 ? "left" : "right").append("\" style=\"padding:6px 6px 6px 0;border-bottom:1px solid ")
                    .append(RULE).append(";color:").append(MUTED).append(";font-weight:600;\">")
                    .append(MailText.html(header.get(i))).append("</th>");
        }
        out.append("</tr>\n");
        for (BudgetReport.CostCentreReport cc : report.costCentres()) {
            List<String> row = summaryRow(lang, cc);
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean status = i == row.size() - 1;
                out.append("<td align=\"").append(i == 0 ? "left" : "right").append("\" style=\"padding:6px 6px 6px 0;border-bottom:1px solid ")
                        .append(RULE).append(";").append(status ? "font-weight:600;color:" + colour(cc.total().status()) + ";" : "")
                        .append("\">").append(MailText.html(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void chart(StringBuilder out, Language lang, BudgetReport.CostCentreReport cc) {
        out.append("<h2 style=\"margin:8px 0 4px 0;font-size:16px;line-height:24px;font-weight:600;color:#111827;\">")
                .append(MailText.html(cc.name() + " (" + cc.code() + ")")).append("</h2>\n")
                .append("<p style=\"margin:0 0 8px 0;font-size:12px;line-height:18px;color:").append(MUTED).append(";\">")
                .append(swatch(BUDGET)).append(MailText.html(lang.pick(" budget t/m maand", " budget to date"))).append(" &nbsp; ")
                .append(swatch(colour(Status.OK))).append(MailText.html(lang.pick(" uitgegeven", " actual")))
                .append(MailText.html(lang.pick(" (oranje vanaf 80 %, rood vanaf 100 %)", " (orange from 80 %, red from 100 %)")))
                .append("</p>\n");
        if (cc.lines().isEmpty()) {
            out.append("<p style=\"margin:0 0 16px 0;font-size:13px;color:").append(MUTED).append(";\">")
                    .append(MailText.html(lang.pick("Nog geen budget of uitgaven.", "No budget or spending yet."))).append("</p>\n");
            return;
        }
        long max = max(cc);
        out.append(table("100%", "margin:0 0 16px 0;border-collapse:collapse;font-size:13px;line-height:18px;"));
        for (BudgetReport.Line line : cc.lines()) {
            Figures f = line.figures();
            out.append("<tr><td style=\"padding:8px 0 2px 0;\">").append(MailText.html(line.categoryName()))
                    .append(" <span style=\"color:").append(MUTED).append(";\">")
                    .append(MailText.html(Cents.euro(f.actualToDate(), lang) + " / " + Cents.euro(f.budgetToDate(), lang)
                            + f.usedBasisPoints().map(bp -> " · " + Cents.percent(bp, lang.pick(',', '.')) + " %").orElse("")))
                    .append("</span></td></tr>\n<tr><td style=\"padding:0;\">");
            bar(out, width(f.budgetToDate(), max), BUDGET);
            out.append("</td></tr>\n<tr><td style=\"padding:2px 0 0 0;\">");
            bar(out, width(f.actualToDate(), max), colour(f.status()));
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** One bar: a coloured cell of {@code percent} of the width and an empty rest. */
    static void bar(StringBuilder out, int percent, String colour) {
        out.append(table("100%", "border-collapse:collapse;")).append("<tr>");
        if (percent > 0) {
            out.append("<td width=\"").append(percent).append("%\" height=\"12\" bgcolor=\"").append(colour)
                    .append("\" style=\"width:").append(percent).append("%;height:12px;background-color:").append(colour)
                    .append(";font-size:1px;line-height:12px;\">&nbsp;</td>");
        }
        if (percent < 100) {
            out.append("<td width=\"").append(100 - percent).append("%\" height=\"12\" style=\"width:").append(100 - percent)
                    .append("%;height:12px;font-size:1px;line-height:12px;\">&nbsp;</td>");
        }
        out.append("</tr></table>");
    }

    private static String swatch(String colour) {
        return "<span style=\"display:inline-block;width:10px;height:10px;background-color:" + colour + ";\">&nbsp;</span>";
    }

    private static String table(String width, String style) {
        return "<table role=\"presentation\" width=\"" + width + "\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\""
                + style + "\">\n";
    }
}
