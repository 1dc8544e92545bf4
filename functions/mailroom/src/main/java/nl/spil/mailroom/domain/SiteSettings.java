package nl.spil.mailroom.domain;

import java.util.Optional;

/**
 * A site's mailroom rules: remind after {@code firstReminderDays} and again after
 * {@code secondReminderDays} waiting, put on the return-to-sender list after
 * {@code returnAfterDays}, and keep a handed-out item (and its photo) {@code keepDays} days.
 */
public record SiteSettings(int firstReminderDays, int secondReminderDays, int returnAfterDays, int keepDays) {

    public static final SiteSettings DEFAULTS = new SiteSettings(3, 7, 14, 90);
    public static final int MAX_DAYS = 365;

    /** What is wrong with these settings, if anything (a field and a message). */
    public Optional<String[]> problem() {
        if (firstReminderDays < 1 || firstReminderDays > MAX_DAYS) {
            return Optional.of(new String[] {"firstReminderDays", "must be 1 to " + MAX_DAYS});
        }
        if (secondReminderDays <= firstReminderDays || secondReminderDays > MAX_DAYS) {
            return Optional.of(new String[] {"secondReminderDays", "must be after the first reminder and at most " + MAX_DAYS});
        }
        if (returnAfterDays <= secondReminderDays || returnAfterDays > MAX_DAYS) {
            return Optional.of(new String[] {"returnAfterDays", "must be after the second reminder and at most " + MAX_DAYS});
        }
        if (keepDays < 1 || keepDays > MAX_DAYS) {
            return Optional.of(new String[] {"keepDays", "must be 1 to " + MAX_DAYS});
        }
        return Optional.empty();
    }
}
