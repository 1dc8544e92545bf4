package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.mailroom.app.MailItems.Counter;
import nl.spil.mailroom.app.MailItems.DayCount;
import nl.spil.mailroom.app.MailItems.Mail;
import nl.spil.mailroom.domain.MailDetails;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.Scan;
import nl.spil.mailroom.domain.ScanType;
import nl.spil.platform.directory.DirectoryReader.Cards;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.text.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reception logs what arrived, a whole delivery at once, all or nothing: each item for a person
 * or for a department of the site; one e-mail per recipient of the delivery, in their language,
 * with the pickup code they share, written in the same transaction as the items. An item with a
 * photo or scan gets a pre-signed upload link, computed here (no request).
 *
 * <p>Requests: 1 BatchGetItem (the site and the recipients' cards) + 1 TransactWriteItems; a
 * department recipient adds 1 Query of the directory's name index (who works there).
 */
@Singleton
public class LoggingMail {

    public static final int MAX_ITEMS = 25;
    /** Of a department, this many people (by name) are told; everyone of it may collect. */
    public static final int MAX_TOLD_PER_DEPARTMENT = 10;
    static final Duration LATEST_LATE_LOGGING = Duration.ofDays(30);
    private static final int MAX_WRITES = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LoggingMail.class);

    private final MailItems store;
    private final Scans scans;
    private final DirectoryReader directory;
    private final MailMails mails;
    private final Ids ids;
    private final Clock clock;
    private final Outcomes outcomes;
    private final SecureRandom random = new SecureRandom();

    public LoggingMail(MailItems store, Scans scans, DirectoryReader directory, MailMails mails, Ids ids, Clock clock,
                       Outcomes outcomes) {
        this.store = store;
        this.scans = scans;
        this.directory = directory;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** One item as reception typed it: for a person ({@code personId}) or a department. */
    public record NewItem(MailDetails details, Optional<String> personId, Optional<String> department, String shelf,
                          Optional<Instant> receivedAt, Optional<ScanRequest> scan) {
    }

    /** A photo or scan to come: its type and size as the uploader declares them. */
    public record ScanRequest(ScanType type, long bytes) {
    }

    /** The logged items and, for those with a photo or scan to come, their upload links. */
    public record Logged(List<MailItem> items, Map<String, Scans.UploadLink> uploads) {
    }

    public Response log(String siteId, List<NewItem> newItems, CreateRequest request, Function<Logged, Response> answer) {
        Instant now = clock.instant();
        checkTimes(newItems, now);
        Map<String, List<PersonCard>> departments = departments(siteId, newItems);
        Set<String> people = new HashSet<>();
        newItems.forEach(i -> i.personId().ifPresent(people::add));
        departments.values().forEach(list -> list.forEach(p -> people.add(p.personId())));
        if (people.size() + 1 > 100) {
            throw ProblemException.unprocessable("too-many-recipients", "Too many recipients",
                    "one request may name at most 99 people to tell; log the delivery in parts");
        }
        Cards cards = directory.cards(List.of(siteId), people);
        SiteCard site = cards.sites().get(siteId);
        if (site == null) {
            throw ProblemException.unprocessable("unknown-site", "Unknown site", "site " + siteId + " does not exist");
        }
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < newItems.size(); i++) {
            if (newItems.get(i).personId().filter(id -> !cards.people().containsKey(id)).isPresent()) {
                unknown.add(new FieldError("items[" + i + "].recipient.personId", "no one in the directory has this id"));
            }
        }
        if (!unknown.isEmpty()) {
            throw Refusals.unprocessable("unknown-recipient", "Unknown recipient", unknown);
        }

        String batchId = ids.next();
        Map<String, String> codes = new LinkedHashMap<>(); // recipient key -> code shared by that recipient's items
        Map<String, List<MailItem>> byRecipient = new LinkedHashMap<>();
        List<MailItem> items = new ArrayList<>();
        Map<String, Scans.UploadLink> uploads = new LinkedHashMap<>();
        for (NewItem n : newItems) {
            String key = n.personId().map(id -> "person:" + id).orElseGet(() -> "department:" + Names.fold(n.department().get()));
            String code = codes.computeIfAbsent(key, k -> String.format("%06d", random.nextInt(1_000_000)));
            Recipient recipient;
            List<String> told;
            if (n.personId().isPresent()) {
                PersonCard p = cards.people().get(n.personId().get());
                recipient = new Recipient.Person(p.personId(), p.name());
                told = List.of(p.personId());
            } else {
                recipient = new Recipient.Department(n.department().get().trim());
                told = departments.get(Names.fold(n.department().get())).stream().map(PersonCard::personId).toList();
            }
            Scan scan = n.scan().map(s -> Scan.announced(s.type(), s.bytes())).orElse(Scan.NONE);
            MailItem item = MailItem.log(ids.next(), batchId, siteId, site.zone(), n.details(), recipient, n.shelf(),
                    n.receivedAt().orElse(now), now, request.callerId(), code, told, scan);
            items.add(item);
            byRecipient.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            n.scan().ifPresent(s -> uploads.put(item.id(), scans.uploadLink(item.id(), s.type(), s.bytes())));
        }
        List<Mail> toSend = new ArrayList<>();
        byRecipient.forEach((key, theirs) -> {
            for (String personId : theirs.get(0).notified()) {
                PersonCard reader = cards.people().get(personId);
                String dedupe = "mailroom:logged:" + batchId + ":" + key + ":" + personId;
                toSend.add(new Mail(mails.waiting(reader, site.name(), site.zone(), now.atZone(site.zone()).toLocalDate(),
                        theirs, 0, dedupe), dedupe));
            }
        });
        if (items.size() + toSend.size() + 2 > MAX_WRITES) {
            throw ProblemException.unprocessable("delivery-too-large", "Too much for one request",
                    items.size() + " items and " + toSend.size() + " e-mails do not fit one transaction; log the delivery in parts");
        }
        String createdId = createdId(items);
        Response response = store.log(items, toSend, new DayCount(siteId, now.atZone(site.zone()).toLocalDate(),
                        Counter.LOGGED, items.size()), request, answer.apply(new Logged(items, uploads)), createdId,
                id -> reread(id, answer));
        if (!response.replayed()) {
            outcomes.record(Outcome.POST_LOGGED, items.size());
        }
        LOG.info("logged delivery {}: {} items at site {}, {} e-mails", batchId, items.size(), siteId, toSend.size());
        return response;
    }

    /** A replay of a logging request: the items as they are now, with fresh upload links where a file is still due. */
    private Optional<Response> reread(String createdId, Function<Logged, Response> answer) {
        List<String> itemIds = List.of(createdId.split(","));
        List<MailItem> items = store.byIds(itemIds);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Scans.UploadLink> uploads = new LinkedHashMap<>();
        for (MailItem i : items) {
            if (i.scan().state() == Scan.State.AWAITING_UPLOAD) {
                uploads.put(i.id(), scans.uploadLink(i.id(), i.scan().type(), i.scan().bytes()));
            }
        }
        return Optional.of(answer.apply(new Logged(items, uploads)));
    }

    static String createdId(List<MailItem> items) {
        return String.join(",", items.stream().map(MailItem::id).toList());
    }

    private void checkTimes(List<NewItem> items, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<Instant> at = items.get(i).receivedAt();
            if (at.isPresent() && (at.get().isAfter(now.plus(Duration.ofMinutes(5))) || at.get().isBefore(now.minus(LATEST_LATE_LOGGING)))) {
                errors.add(new FieldError("items[" + i + "].receivedAt", "must be within the last 30 days and not in the future"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
    }

    /** Who is told of each department's post, by folded name: its people at the site (1 Query of the name index). */
    private Map<String, List<PersonCard>> departments(String siteId, List<NewItem> items) {
        Map<String, List<PersonCard>> out = new LinkedHashMap<>();
        if (items.stream().noneMatch(i -> i.department().isPresent())) {
            return out;
        }
        List<NameIndex.Entry> index = directory.nameIndex();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<String> department = items.get(i).department();
            if (department.isEmpty() || out.containsKey(Names.fold(department.get()))) {
                continue;
            }
            String folded = Names.fold(department.get());
            List<PersonCard> members = index.stream()
                    .filter(e -> e.siteId().map(siteId::equals).orElse(false)
                            && e.costCentre().map(cc -> Names.fold(cc).equals(folded)).orElse(false))
                    .sorted(Comparator.comparing(e -> Names.fold(e.name())))
                    .limit(MAX_TOLD_PER_DEPARTMENT)
                    // a card with what the e-mail needs is read with the site below; the name suffices here
                    .map(e -> new PersonCard(e.personId(), e.name(), "", Language.NL, e.siteId(),
                            e.costCentre(), List.of()))
                    .toList();
            if (members.isEmpty()) {
                errors.add(new FieldError("items[" + i + "].recipient.department",
                        "no one of this department works at site " + siteId));
            }
            out.put(folded, members);
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("unknown-department", "Unknown department", errors);
        }
        return out;
    }
}
