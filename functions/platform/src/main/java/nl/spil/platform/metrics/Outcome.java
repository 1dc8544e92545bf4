package nl.spil.platform.metrics;

/**
 * The business outcomes Spil counts, one CloudWatch metric each (namespace {@code Spil}, see
 * docs/architecture.md, "Metrics"). A closed list: a metric's name is what dashboards and alarms
 * are built on, so it is chosen here once and never typed at a call site.
 */
public enum Outcome {
    /** A booking was made; a series counts each occurrence it booked. */
    BOOKING_MADE("BookingMade"),
    /** Its organiser or the office manager cancelled a booking (each occurrence counts). */
    BOOKING_CANCELLED("BookingCancelled"),
    /** The no-show schedule released a booking nobody checked in to. */
    NO_SHOW_RELEASED("NoShowReleased"),
    /** The notifier handed an e-mail to SES. */
    MAIL_SENT("MailSent"),
    /** The notifier gave an e-mail up (refused for good, or tried for too long). */
    MAIL_FAILED("MailFailed"),
    /** The reorder reminder queued its e-mail to an office manager (one per person and site day). */
    REORDER_REMINDER_SENT("ReorderReminderSent"),
    /** A visitor checked in, at the kiosk or at the desk. */
    VISITOR_CHECKED_IN("VisitorCheckedIn"),
    /** Reception logged an item of post (letter, parcel, pallet). */
    POST_LOGGED("PostLogged"),
    /** Reception handed an item of post out. */
    POST_HANDED_OUT("PostHandedOut"),
    /** The office manager recorded an expense. */
    EXPENSE_BOOKED("ExpenseBooked"),
    /** A category crossed 80 % or 100 % of its budget (counted when its alert goes out). */
    BUDGET_THRESHOLD_CROSSED("BudgetThresholdCrossed"),
    /** A delivery was received on a purchase order. */
    PURCHASE_ORDER_RECEIVED("PurchaseOrderReceived");

    private final String metricName;

    Outcome(String metricName) {
        this.metricName = metricName;
    }

    /** The CloudWatch metric's name. */
    public String metricName() {
        return metricName;
    }
}
