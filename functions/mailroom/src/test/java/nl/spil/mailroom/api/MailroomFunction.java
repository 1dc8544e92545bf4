package nl.spil.mailroom.api;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.Outboxes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The mailroom function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables and the files bucket created from the template in the local AWS. One per test
 * JVM. Sites and people are put in the directory table in the directory's own layout (with its
 * name index).
 */
public final class MailroomFunction {

    public static final String ID = "MailroomFunction";
    private static MailroomFunction instance;

    public final LocalAws aws;
    private final FunctionUnderTest function;
    private final DirectoryItems directory;

    private MailroomFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.directory = new DirectoryItems(aws);
    }

    public static synchronized MailroomFunction get() {
        if (instance == null) {
            instance = new MailroomFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    public ApplicationContext context() {
        return function.context();
    }

    public String table() {
        return function.table("MailTable");
    }

    public String bucket() {
        return aws.bucketName("FilesBucket");
    }

    /** Sends an event to the function; every answer is checked against docs/openapi.yaml. */
    public HttpAnswer send(HttpEvent event) {
        return function.sendKeepingOpenApi(event);
    }

    public static HttpEvent event(String name) {
        return Events.http("mailroom/" + name);
    }

    public static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site open on weekdays in {@code zone}. */
    public String site(String zone) {
        return directory.site(unique("Site"), zone, DirectoryItems.WEEKDAYS);
    }

    /** Someone in the directory (and its name index); answers their id. */
    public Person person(String name, String language, String siteId, String costCentre, String... roles) {
        String email = unique(name.toLowerCase().replaceAll("[^a-z]", "")) + "@example.org";
        String id = directory.person(name, email, language, siteId, List.of(roles.length == 0 ? new String[] {"staff"} : roles),
                costCentre);
        return new Person(id, name, email);
    }

    /** Gives a person a home address in the directory. */
    public void homeAddress(Person person, String line1, String postalCode, String city) {
        directory.homeAddress(person.id(), person.email(), line1, postalCode, city, "NL");
    }

    /** A directory person as tests address them. */
    public record Person(String id, String name, String email) {
        /** An event sent by this person with these groups. */
        public HttpEvent as(HttpEvent event, String... groups) {
            return event.claim("email", email).claim("sub", "sub-" + id).groups(groups);
        }
    }

    /** The outbox item of a dedupe key, if it was enqueued. */
    public Optional<OutboxItem> outbox(String dedupeKey) {
        return Outboxes.byDedupeKey(aws, dedupeKey);
    }

    /** Every e-mail in the outbox to this address (a test-only Scan). */
    public List<OutboxItem.Email> mailsTo(String address) {
        List<OutboxItem.Email> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = aws.dynamoDb().scan(ScanRequest.builder().tableName(aws.tableName("OutboxTable"))
                    .exclusiveStartKey(start).build());
            for (var item : page.items()) {
                if (item.containsKey(OutboxItems.TO_ADDRESS) && item.get(OutboxItems.TO_ADDRESS).s().equalsIgnoreCase(address)) {
                    out.add((OutboxItem.Email) OutboxItems.fromItem(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
