package nl.spil.budget.domain;

import java.time.LocalDate;

/**
 * The months a booking is judged against ("the budget to date"). For the current year: up to this
 * month, or the booking's own month when it lies later; a past year is complete; a later year
 * counts up to the booking's month.
 */
public final class AsOf {

    private AsOf() {
    }

    public static int month(int year, int bookedMonth, LocalDate today) {
        if (year < today.getYear()) {
            return Months.COUNT;
        }
        if (year > today.getYear()) {
            return bookedMonth;
        }
        return Math.max(today.getMonthValue(), bookedMonth);
    }

    /** The month a report counts to when none is asked: this month in the current year, else December. */
    public static int reportMonth(int year, LocalDate today) {
        return year == today.getYear() ? today.getMonthValue() : Months.COUNT;
    }
}
