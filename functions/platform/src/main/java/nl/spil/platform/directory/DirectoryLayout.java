package nl.spil.platform.directory;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DirectoryTable's item layout, written down once: the directory function writes it, the
 * platform's {@link DirectoryReader} reads it for the other functions, and the testkit writes it
 * for those functions' tests. docs/architecture.md (DirectoryTable) shows the same table.
 *
 * <p>A person is kept as several items written in one transaction: by id ({@code PERSON#id}, listed
 * by name under {@code gsi1 = PEOPLE}), by e-mail ({@code EMAIL#e-mail}, so "me" is one GetItem and
 * an e-mail is unique), and one item per role under the same partition as the person
 * ({@code PERSON#id / ROLE#group}). Only role items carry the role index key
 * ({@code gsi1 = ROLE#group@site}, {@code @*} for someone who belongs to no site), so "the office
 * managers of site X" reads those people and nobody else. Every item of a person carries
 * {@code mailUndeliverable} while mail to their address cannot be delivered, so a list of
 * recipients read from any of them can leave that address out.
 */
public final class DirectoryLayout {

    /** The one index: people by name, sites by name, and the sparse role index. */
    public static final String INDEX = "gsi1";
    public static final String PEOPLE = "PEOPLE";
    public static final String SITES = "SITES";
    /** In the role index: someone who belongs to no site serves every site. */
    public static final String EVERY_SITE = "*";
    private static final String PERSON = "PERSON#";
    private static final String ROLE = "ROLE#";
    /** On every item of a person whose mail cannot be delivered: {@code {reason, since}}. */
    public static final String MAIL_UNDELIVERABLE = "mailUndeliverable";

    private DirectoryLayout() {
    }

    /** What every item of a person says (private attributes, such as a home address, are the directory's own). */
    public record PersonEntry(String personId, String name, String email, Language language, Optional<String> siteId,
                              Optional<String> costCentre, Set<Role> roles, Optional<String> sub, long version,
                              Instant createdAt, Instant updatedAt, Optional<MailUndeliverable> mailUndeliverable) {

        public PersonEntry {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
            mailUndeliverable = mailUndeliverable == null ? Optional.empty() : mailUndeliverable;
        }

        /** A person whose mail is delivered (as far as the directory knows). */
        public PersonEntry(String personId, String name, String email, Language language, Optional<String> siteId,
                           Optional<String> costCentre, Set<Role> roles, Optional<String> sub, long version,
                           Instant createdAt, Instant updatedAt) {
            this(personId, name, email, language, siteId, costCentre, roles, sub, version, createdAt, updatedAt,
                    Optional.empty());
        }
    }

    /** The items a person is kept as: by id, by e-mail, and one per role (by the role's group name). */
    public record PersonItems(Map<String, AttributeValue> byId, Map<String, AttributeValue> byEmail,
                              Map<String, Map<String, AttributeValue>> byRole) {
    }

    /** A site as the directory keeps it. */
    public record SiteEntry(String siteId, String name, ZoneId zone, LocalTime opens, LocalTime closes,
                            Set<DayOfWeek> days, Optional<String> costCentre, long version, Instant createdAt,
                            Instant updatedAt) {

        public SiteEntry {
            days = Set.copyOf(days);
        }
    }

    public static Map<String, AttributeValue> personKey(String personId) {
        return Attrs.key(PERSON + personId, "PERSON");
    }

    public static Map<String, AttributeValue> emailKey(String email) {
        return Attrs.key("EMAIL#" + email.strip().toLowerCase(Locale.ROOT), "EMAIL");
    }

    public static Map<String, AttributeValue> roleKey(String personId, Role role) {
        return Attrs.key(PERSON + personId, ROLE + role.group());
    }

    public static Map<String, AttributeValue> siteKey(String siteId) {
        return Attrs.key("SITE#" + siteId, "SITE");
    }

    /** The role index partition of a role at a site; {@link #EVERY_SITE} for people of no site. */
    public static String roleIndexKey(Role role, String siteId) {
        return ROLE + role.group() + "@" + siteId;
    }

    /** The sort key people and sites are listed by: lower-case name, then id (names repeat). */
    public static String byName(String name, String id) {
        return name.toLowerCase(Locale.ROOT) + "#" + id;
    }

    /**
     * The person's items. {@code privateAttributes} (the directory's own, such as a home address)
     * go on the items by id and by e-mail only: the role index projects what notifications need.
     */
    public static PersonItems personItems(PersonEntry p, Map<String, AttributeValue> privateAttributes) {
        Map<String, AttributeValue> shared = shared(p);

        Map<String, AttributeValue> byId = new HashMap<>(shared);
        byId.putAll(privateAttributes);
        byId.putAll(personKey(p.personId()));
        byId.put("kind", s("PERSON"));
        byId.put("gsi1pk", s(PEOPLE));
        byId.put("gsi1sk", s(byName(p.name(), p.personId())));

        Map<String, AttributeValue> byEmail = new HashMap<>(shared);
        byEmail.putAll(privateAttributes);
        byEmail.putAll(emailKey(p.email()));
        byEmail.put("kind", s("EMAIL"));

        Map<String, Map<String, AttributeValue>> byRole = new LinkedHashMap<>();
        for (Role role : p.roles()) {
            Map<String, AttributeValue> item = new HashMap<>(shared);
            item.putAll(roleKey(p.personId(), role));
            item.put("kind", s("ROLE"));
            item.put("gsi1pk", s(roleIndexKey(role, p.siteId().orElse(EVERY_SITE))));
            item.put("gsi1sk", s(byName(p.name(), p.personId())));
            byRole.put(role.group(), item);
        }
        return new PersonItems(byId, byEmail, byRole);
    }

    private static Map<String, AttributeValue> shared(PersonEntry p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("personId", s(p.personId()));
        item.put("name", s(p.name()));
        item.put("email", s(p.email().strip().toLowerCase(Locale.ROOT)));
        item.put("language", s(p.language().code()));
        p.siteId().ifPresent(v -> item.put("siteId", s(v)));
        p.costCentre().ifPresent(v -> item.put("costCentre", s(v)));
        item.put("roles", Attrs.ss(groups(p.roles())));
        p.sub().ifPresent(v -> item.put("sub", s(v)));
        item.put("version", n(p.version()));
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("updatedAt", s(p.updatedAt().toString()));
        p.mailUndeliverable().ifPresent(u -> item.put(MAIL_UNDELIVERABLE, AttributeValue.fromM(Map.of(
                "reason", s(u.reason().name()), "since", s(u.since().toString())))));
        return item;
    }

    /** Reads any item of a person (by id, by e-mail or a role item). */
    public static PersonEntry person(Map<String, AttributeValue> item) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Attrs.strList(item, "roles").forEach(g -> Role.fromGroup(g).ifPresent(roles::add));
        return new PersonEntry(Attrs.str(item, "personId"), Attrs.str(item, "name"), Attrs.str(item, "email"),
                Language.tryParse(Attrs.str(item, "language")).orElse(Language.NL), Attrs.optStr(item, "siteId"),
                Attrs.optStr(item, "costCentre"), roles, Attrs.optStr(item, "sub"), Attrs.num(item, "version"),
                Instant.parse(Attrs.str(item, "createdAt")), Instant.parse(Attrs.str(item, "updatedAt")),
                mailUndeliverable(item));
    }

    private static Optional<MailUndeliverable> mailUndeliverable(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get(MAIL_UNDELIVERABLE)).filter(AttributeValue::hasM).map(AttributeValue::m)
                .map(m -> new MailUndeliverable(MailUndeliverable.Reason.valueOf(Attrs.str(m, "reason")),
                        Instant.parse(Attrs.str(m, "since"))));
    }

    public static Map<String, AttributeValue> siteItem(SiteEntry site) {
        Map<String, AttributeValue> item = new HashMap<>(siteKey(site.siteId()));
        item.put("kind", s("SITE"));
        item.put("gsi1pk", s(SITES));
        item.put("gsi1sk", s(byName(site.name(), site.siteId())));
        item.put("siteId", s(site.siteId()));
        item.put("name", s(site.name()));
        item.put("zone", s(site.zone().getId()));
        item.put("opens", s(site.opens().toString()));
        item.put("closes", s(site.closes().toString()));
        item.put("days", Attrs.ss(site.days().stream().sorted().map(DayOfWeek::name).toList()));
        site.costCentre().ifPresent(v -> item.put("costCentre", s(v)));
        item.put("version", n(site.version()));
        item.put("createdAt", s(site.createdAt().toString()));
        item.put("updatedAt", s(site.updatedAt().toString()));
        return item;
    }

    public static SiteEntry site(Map<String, AttributeValue> item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Attrs.strList(item, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new SiteEntry(Attrs.str(item, "siteId"), Attrs.str(item, "name"), ZoneId.of(Attrs.str(item, "zone")),
                LocalTime.parse(Attrs.str(item, "opens")), LocalTime.parse(Attrs.str(item, "closes")), days,
                Attrs.optStr(item, "costCentre"), Attrs.num(item, "version"),
                Instant.parse(Attrs.str(item, "createdAt")), Instant.parse(Attrs.str(item, "updatedAt")));
    }

    /** Group names, sorted, as items and answers list them. */
    public static List<String> groups(Collection<Role> roles) {
        return roles.stream().map(Role::group).sorted().toList();
    }
}
