package nl.spil.directory.store;

import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.domain.Address;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.DirectoryLayout.PersonEntry;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.identity.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person as items, in the table's one layout ({@link DirectoryLayout}: by id, by e-mail, one per
 * role, and an entry in the name index, {@link NameIndex}), plus what only the directory keeps:
 * the home address, and the receipt of someone who left ({@code LEFT#id}, no name or e-mail,
 * expiring through TTL).
 */
final class PersonItems {

    private PersonItems() {
    }

    static DirectoryLayout.PersonItems of(Person p) {
        PersonDetails d = p.details();
        Map<String, AttributeValue> privateAttributes = new HashMap<>();
        d.homeAddress().ifPresent(a -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("line1", s(a.line1()));
            a.line2().ifPresent(v -> m.put("line2", s(v)));
            m.put("postalCode", s(a.postalCode()));
            m.put("city", s(a.city()));
            m.put("country", s(a.country()));
            privateAttributes.put("homeAddress", AttributeValue.fromM(m));
        });
        return DirectoryLayout.personItems(new PersonEntry(p.id(), d.name(), d.email(), d.language(), d.siteId(),
                d.costCentre(), d.roles(), p.sub(), p.version(), p.createdAt(), p.updatedAt(), p.mailUndeliverable()),
                privateAttributes);
    }

    /** The person's entry in the platform's name index, written with the person. */
    static NameIndex.Entry nameEntry(Person p) {
        return new NameIndex.Entry(p.id(), p.details().name(), p.details().siteId(), p.details().costCentre());
    }

    static Person person(Map<String, AttributeValue> item) {
        PersonEntry e = DirectoryLayout.person(item);
        Optional<Address> address = Optional.ofNullable(item.get("homeAddress")).filter(AttributeValue::hasM).map(v -> {
            Map<String, AttributeValue> m = v.m();
            return new Address(Attrs.str(m, "line1"), Attrs.optStr(m, "line2"), Attrs.str(m, "postalCode"),
                    Attrs.str(m, "city"), Attrs.str(m, "country"));
        });
        return new Person(e.personId(), new PersonDetails(e.name(), e.email(), e.language(), e.costCentre(),
                e.siteId(), e.roles(), address), e.sub(), e.version(), e.createdAt(), e.updatedAt(), e.mailUndeliverable());
    }

    static Map<String, AttributeValue> departureKey(String personId) {
        return Attrs.key("LEFT#" + personId, "LEFT");
    }

    static Map<String, AttributeValue> departure(Departure d, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(departureKey(d.personId()));
        item.put("kind", s("LEFT"));
        item.put("personId", s(d.personId()));
        item.put("leftAt", s(d.leftAt().toString()));
        item.put("accountClosed", AttributeValue.fromBool(d.accountClosed()));
        item.put("rolesEnded", Attrs.ss(DirectoryLayout.groups(d.rolesEnded())));
        item.put("expiresAt", Attrs.n(expiresAt));
        return item;
    }

    static Departure departure(Map<String, AttributeValue> item) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Attrs.strList(item, "rolesEnded").forEach(g -> Role.fromGroup(g).ifPresent(roles::add));
        return new Departure(Attrs.str(item, "personId"), Instant.parse(Attrs.str(item, "leftAt")),
                Boolean.TRUE.equals(item.get("accountClosed").bool()), roles);
    }
}
