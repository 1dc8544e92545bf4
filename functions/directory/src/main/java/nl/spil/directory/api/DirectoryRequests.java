package nl.spil.directory.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.domain.Address;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.directory.domain.WorkingHours;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonFields;

/** Reads the directory's request bodies, naming every bad field. */
final class DirectoryRequests {

    static final List<String> PERSON_FIELDS = List.of("name", "email", "language", "costCentre", "siteId", "roles",
            "homeAddress");
    static final List<String> SITE_FIELDS = List.of("name", "timeZone", "workingHours", "costCentre");

    private DirectoryRequests() {
    }

    static PersonDetails person(JsonFields f) {
        String name = f.text("name", 200);
        String email = f.email("email");
        Language language = Optional.ofNullable(f.oneOf("language", Language::tryParse, "nl or en", false)).orElse(Language.NL);
        Optional<String> costCentre = f.optionalText("costCentre", 64);
        Optional<String> siteId = f.optionalText("siteId", 64);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (f.has("roles")) {
            List<String> groups = f.textList("roles", 4, 32, true);
            for (int i = 0; i < groups.size(); i++) {
                Optional<Role> role = Role.fromGroup(groups.get(i));
                if (role.isEmpty()) {
                    f.error("roles[" + i + "]", "must be one of staff, reception, office-manager, management");
                } else {
                    roles.add(role.get());
                }
            }
        } else {
            roles.add(Role.STAFF);
        }
        Optional<Address> address = f.optionalObject("homeAddress").flatMap(a -> {
            a.only("line1", "line2", "postalCode", "city", "country");
            String line1 = a.text("line1", 200);
            Optional<String> line2 = a.optionalText("line2", 200);
            String postal = a.text("postalCode", 16);
            String city = a.text("city", 100);
            String country = a.optionalText("country", 2).map(c -> c.toUpperCase(Locale.ROOT)).orElse("NL");
            if (!country.matches("[A-Z]{2}")) {
                a.error("country", "must be a two-letter country code, such as NL");
            }
            return line1 == null || postal == null || city == null ? Optional.empty()
                    : Optional.of(new Address(line1, line2, postal, city, country));
        });
        return new PersonDetails(name, email, language, costCentre, siteId, roles, address);
    }

    record SiteFields(String name, ZoneId zone, WorkingHours hours, Optional<String> costCentre) {
    }

    static SiteFields site(JsonFields f, ZoneId defaultZone) {
        String name = f.text("name", 120);
        Optional<String> costCentre = f.optionalText("costCentre", 64);
        ZoneId zone = f.optionalZone("timeZone").orElse(null);
        if (zone == null && !f.has("timeZone")) {
            zone = defaultZone;
        }
        WorkingHours hours = WorkingHours.OFFICE_DEFAULT;
        Optional<JsonFields> wh = f.optionalObject("workingHours");
        if (wh.isPresent()) {
            JsonFields h = wh.get().only("opens", "closes", "days");
            LocalTime opens = h.optionalTime("opens").orElse(WorkingHours.OFFICE_DEFAULT.opens());
            LocalTime closes = h.optionalTime("closes").orElse(WorkingHours.OFFICE_DEFAULT.closes());
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            if (h.has("days")) {
                List<String> given = h.textList("days", 7, 3, true);
                for (int i = 0; i < given.size(); i++) {
                    Optional<DayOfWeek> day = day(given.get(i));
                    if (day.isEmpty()) {
                        h.error("days[" + i + "]", "must be one of mon, tue, wed, thu, fri, sat, sun");
                    } else {
                        days.add(day.get());
                    }
                }
            } else {
                days.addAll(WorkingHours.OFFICE_DEFAULT.days());
            }
            if (!opens.isBefore(closes)) {
                h.error("closes", "must be after opens");
            } else if (days.isEmpty()) {
                h.error("days", "must name at least one day");
            } else {
                hours = new WorkingHours(opens, closes, days);
            }
        }
        return new SiteFields(name, zone, hours, costCentre);
    }

    private static Optional<DayOfWeek> day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (Views.day(d).equalsIgnoreCase(s)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
