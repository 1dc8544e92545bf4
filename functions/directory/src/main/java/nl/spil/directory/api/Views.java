package nl.spil.directory.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import nl.spil.directory.app.ImportingPeople;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.PersonLeft;
import nl.spil.directory.domain.Site;
import nl.spil.platform.identity.Role;
import nl.spil.platform.time.Times;

/** The JSON the directory answers with. */
final class Views {

    private Views() {
    }

    @Serdeable
    record AddressView(String line1, @Nullable String line2, String postalCode, String city, String country) {
    }

    @Serdeable
    record PersonView(String id, String name, String email, String language, @Nullable String costCentre,
                      @Nullable String siteId, List<String> roles, @Nullable AddressView homeAddress,
                      @Nullable MailUndeliverableView mailUndeliverable, long version, String createdAt,
                      String updatedAt) {

        static PersonView of(Person p) {
            var d = p.details();
            return new PersonView(p.id(), d.name(), d.email(), d.language().code(), d.costCentre().orElse(null),
                    d.siteId().orElse(null), d.roles().stream().map(Role::group).sorted().toList(),
                    d.homeAddress().map(a -> new AddressView(a.line1(), a.line2().orElse(null), a.postalCode(), a.city(),
                            a.country())).orElse(null),
                    p.mailUndeliverable().map(u -> new MailUndeliverableView(u.reason().name(), Times.text(u.since())))
                            .orElse(null),
                    p.version(), Times.text(p.createdAt()), Times.text(p.updatedAt()));
        }
    }

    /** Mail to the person's address cannot be delivered (BOUNCE or COMPLAINT), since when; gone once it is changed. */
    @Serdeable
    record MailUndeliverableView(String reason, String since) {
    }

    @Serdeable
    record HoursView(String opens, String closes, List<String> days) {
    }

    @Serdeable
    record SiteView(String id, String name, String timeZone, HoursView workingHours, @Nullable String costCentre,
                    long version, String createdAt, String updatedAt) {

        static SiteView of(Site s) {
            return new SiteView(s.id(), s.name(), s.zone().getId(), new HoursView(s.hours().opens().toString(),
                    s.hours().closes().toString(), s.hours().days().stream().sorted().map(Views::day).toList()),
                    s.costCentre().orElse(null), s.version(), Times.text(s.createdAt()), Times.text(s.updatedAt()));
        }
    }

    /** What leaving did, and what was handed to the other functions. */
    @Serdeable
    record LeavingReceiptView(String personId, String leftAt, String account, List<String> rolesEnded,
                              boolean directoryRecordRemoved, HandoverView handedOver) {

        static LeavingReceiptView of(Departure d) {
            return new LeavingReceiptView(d.personId(), Times.text(d.leftAt()), d.accountClosed() ? "closed" : "none",
                    d.rolesEnded().stream().map(Role::group).sorted().toList(), true,
                    new HandoverView("PersonLeft", PersonLeft.CONSUMERS.stream()
                            .map(c -> new ConsumerView(c.function(), c.does())).toList()));
        }
    }

    @Serdeable
    record HandoverView(String event, List<ConsumerView> consumers) {
    }

    @Serdeable
    record ConsumerView(String function, String does) {
    }

    @Serdeable
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record ImportView(int rows, int imported, List<String> importedIds, List<RowErrorView> errors) {

        static ImportView of(ImportingPeople.Report r) {
            return new ImportView(r.rows(), r.imported(), r.importedIds(),
                    r.errors().stream().map(e -> new RowErrorView(e.line(), e.field(), e.message())).toList());
        }
    }

    @Serdeable
    record RowErrorView(long line, String field, String message) {
    }

    static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
