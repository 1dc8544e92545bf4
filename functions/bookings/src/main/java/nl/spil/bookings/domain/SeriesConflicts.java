package nl.spil.bookings.domain;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/** An all-or-nothing series of which some occurrences cannot be booked: nothing was booked (409). */
public record SeriesConflicts(List<Skipped> occurrences, ZoneId zone) implements Refusal {

    public SeriesConflicts {
        occurrences = occurrences.stream().sorted(Comparator.comparing(Skipped::start)).toList();
    }

    @Override
    public String slug() {
        return "series-conflicts";
    }

    @Override
    public String title() {
        return "Occurrences cannot be booked";
    }

    @Override
    public String detail() {
        return occurrences.size() + " occurrence(s) cannot be booked; nothing was booked";
    }
}
