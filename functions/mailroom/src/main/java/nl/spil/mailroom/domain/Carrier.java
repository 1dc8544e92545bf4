package nl.spil.mailroom.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who delivered it, and what that carrier's tracking numbers look like. A number is kept as
 * written on the label without spaces, upper case. Where a carrier's format carries a check
 * digit (UPS 1Z, the UPU S10 numbers of registered and international post), it is checked.
 */
public enum Carrier {
    POSTNL("postnl", "PostNL", "3S + 4 letters or digits + 6–11 digits (3SABCD123456789), or an international number (RR123456785NL)",
            Pattern.compile("3S[A-Z0-9]{4}\\d{6,11}")),
    DHL("dhl", "DHL", "10 digits (Express), JJD or JVGL + 16–20 digits, an SSCC (00 + 18 digits) or an international number",
            Pattern.compile("\\d{10}|JJD\\d{16,20}|JVGL\\d{16,20}|00\\d{18}")),
    DPD("dpd", "DPD", "14 digits", Pattern.compile("\\d{14}")),
    UPS("ups", "UPS", "1Z + 16 letters or digits with a valid check digit (1Z999AA10123456784)", null),
    GLS("gls", "GLS", "11 or 12 digits, or an 8-character track id", Pattern.compile("\\d{11,12}|[A-Z0-9]{8}")),
    OTHER("other", "Other", "4–40 letters or digits", Pattern.compile("[A-Z0-9]{4,40}"));

    private static final Pattern S10 = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final Pattern UPS_1Z = Pattern.compile("1Z[0-9A-Z]{16}");

    private final String code;
    private final String label;
    private final String format;
    private final Pattern pattern;

    Carrier(String code, String label, String format, Pattern pattern) {
        this.code = code;
        this.label = label;
        this.format = format;
        this.pattern = pattern;
    }

    public String code() {
        return code;
    }

    /** As printed on labels and in e-mails. */
    public String label() {
        return label;
    }

    /** The format a tracking number of this carrier has, for an error message. */
    public String format() {
        return format;
    }

    public static Optional<Carrier> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Carrier k : values()) {
            if (k.code.equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** A tracking number as typed ("3s abcd 1234 5678-9"), the way it is kept ("3SABCD123456789"). */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** True when {@code normalized} is a tracking number this carrier issues. */
    public boolean accepts(String normalized) {
        if (normalized == null || normalized.isEmpty() || normalized.length() > 40) {
            return false;
        }
        return switch (this) {
            case UPS -> UPS_1Z.matcher(normalized).matches() && upsCheckDigitHolds(normalized);
            case POSTNL, DHL -> pattern.matcher(normalized).matches() || s10(normalized);
            case OTHER -> pattern.matcher(normalized).matches();
            default -> pattern.matcher(normalized).matches();
        };
    }

    /** The UPU S10 number of registered and international post: 2 letters, 8 digits, a check digit, a country. */
    static boolean s10(String n) {
        if (!S10.matcher(n).matches()) {
            return false;
        }
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (n.charAt(2 + i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        check = check == 10 ? 0 : check == 11 ? 5 : check;
        return n.charAt(10) - '0' == check;
    }

    /** UPS's check digit: the 15 characters after "1Z" (letters as (position in the alphabet + 2) mod 10), odd ×1, even ×2. */
    static boolean upsCheckDigitHolds(String n) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = n.charAt(2 + i);
            int v = Character.isDigit(c) ? c - '0' : (c - 'A' + 2) % 10;
            sum += i % 2 == 0 ? v : 2 * v;
        }
        return n.charAt(17) - '0' == (10 - sum % 10) % 10;
    }
}
