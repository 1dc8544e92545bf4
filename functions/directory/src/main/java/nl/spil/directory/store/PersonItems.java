package nl.spil.directory.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.domain.Address;
import nl.spil.directory.domain.Person;
import nl.spil.platform.i18n.Language;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.identity.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Person items. A person is kept twice in one transaction: under its id (listed through gsi1
 * by name) and under its e-mail, which makes e-mails unique and "me" a single GetItem; its name,
 * site and department also go into the name index (NameIndex) in the same transaction.
 */
final class PersonItems {

    static final String PEOPLE = "PEOPLE";

    private PersonItems() {
    }

    static Map<String, AttributeValue> idKey(String id) {
        return Attrs.key("PERSON#" + id, "PERSON");
    }

    static Map<String, AttributeValue> emailKey(String email) {
        return Attrs.key("EMAIL#" + email.toLowerCase(Locale.ROOT), "EMAIL");
    }

    static Map<String, AttributeValue> byId(Person p) {
        Map<String, AttributeValue> item = attributes(p);
        item.putAll(idKey(p.id()));
        item.put("kind", s("PERSON"));
        item.put("gsi1pk", s(PEOPLE));
        item.put("gsi1sk", s(p.details().name().toLowerCase(Locale.ROOT) + "#" + p.id()));
        return item;
    }

    /** The person's entry in the platform's name index (NameIndex), written with the person. */
    static NameIndex.Entry nameEntry(Person p) {
        return new NameIndex.Entry(p.id(), p.details().name(), p.details().siteId(), p.details().costCentre());
    }

    static Map<String, AttributeValue> byEmail(Person p) {
        Map<String, AttributeValue> item = attributes(p);
        item.putAll(emailKey(p.email()));
        item.put("kind", s("EMAIL"));
        return item;
    }

    private static Map<String, AttributeValue> attributes(Person p) {
        PersonDetails d = p.details();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("personId", s(p.id()));
        item.put("name", s(d.name()));
        item.put("email", s(d.email()));
        item.put("language", s(d.language().code()));
        d.costCentre().ifPresent(v -> item.put("costCentre", s(v)));
        d.siteId().ifPresent(v -> item.put("siteId", s(v)));
        item.put("roles", Attrs.ss(d.roles().stream().map(Role::group).sorted().toList()));
        d.homeAddress().ifPresent(a -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("line1", s(a.line1()));
            a.line2().ifPresent(v -> m.put("line2", s(v)));
            m.put("postalCode", s(a.postalCode()));
            m.put("city", s(a.city()));
            m.put("country", s(a.country()));
            item.put("homeAddress", AttributeValue.fromM(m));
        });
        item.put("version", n(p.version()));
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("updatedAt", s(p.updatedAt().toString()));
        return item;
    }

    static Person person(Map<String, AttributeValue> item) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Attrs.strList(item, "roles").forEach(g -> Role.fromGroup(g).ifPresent(roles::add));
        Optional<Address> address = Optional.ofNullable(item.get("homeAddress")).filter(AttributeValue::hasM).map(v -> {
            Map<String, AttributeValue> m = v.m();
            return new Address(Attrs.str(m, "line1"), Attrs.optStr(m, "line2"), Attrs.str(m, "postalCode"),
                    Attrs.str(m, "city"), Attrs.str(m, "country"));
        });
        PersonDetails details = new PersonDetails(Attrs.str(item, "name"), Attrs.str(item, "email"),
                Language.tryParse(Attrs.str(item, "language")).orElseThrow(), Attrs.optStr(item, "costCentre"),
                Attrs.optStr(item, "siteId"), roles, address);
        return new Person(Attrs.str(item, "personId"), details, Attrs.num(item, "version"),
                Instant.parse(Attrs.str(item, "createdAt")), Instant.parse(Attrs.str(item, "updatedAt")));
    }
}
