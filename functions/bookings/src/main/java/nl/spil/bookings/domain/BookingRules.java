package nl.spil.bookings.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rules of one resource, each a small named policy; {@link #check} applies them in order. */
public record BookingRules(MaxDuration maxDuration, BookingHorizon horizon, MinimumNotice notice,
                           BookableHours hours, CheckInWindow checkIn) {

    public static final BookingRules DEFAULT = new BookingRules(new MaxDuration(Duration.ofHours(4)),
            new BookingHorizon(Duration.ofDays(180)), new MinimumNotice(Duration.ZERO), BookableHours.OFFICE,
            CheckInWindow.DEFAULT);

    /** Every rule the request breaks, grid first. */
    public List<RuleBroken> broken(BookingRequest r) {
        List<RuleBroken> out = new ArrayList<>();
        new QuarterHours().check(r).ifPresent(out::add);
        maxDuration.check(r).ifPresent(out::add);
        notice.check(r).ifPresent(out::add);
        horizon.check(r).ifPresent(out::add);
        hours.check(r).ifPresent(out::add);
        return out;
    }

    /** @throws Refused with the first rule broken */
    public void check(BookingRequest r) {
        List<RuleBroken> broken = broken(r);
        if (!broken.isEmpty()) {
            throw broken.get(0).refused();
        }
    }
}
