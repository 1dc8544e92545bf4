package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.budget.domain.BudgetThresholdCrossed;
import nl.spil.budget.domain.Category;
import nl.spil.budget.domain.CostCentre;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.identity.Role;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;

/**
 * Tells people, before the money is gone, that a category crossed 80 % or 100 % of its budget:
 * the cost centre's owner, the office managers and management, each once per crossing, in their
 * language. The e-mails and the event's consumption are one transaction, and each e-mail's dedupe
 * key names the crossing and the person. Requests: 1 GetItem (cost centre) + 1 BatchGetItem
 * (category) + 1 GetItem (owner) + 1 Query (directory, the roles) + 1 TransactWriteItems.
 */
@Singleton
public class AlertingOnThresholds {

    /** At most this many people are told in the one transaction (DynamoDB takes 100 writes). */
    static final int MAX_RECIPIENTS = 99;

    private final CostCentres costCentres;
    private final Categories categories;
    private final DirectoryReader directory;
    private final Notices notices;
    private final Settings settings;
    private final Outcomes outcomes;

    public AlertingOnThresholds(CostCentres costCentres, Categories categories, DirectoryReader directory, Notices notices,
                                Settings settings, Outcomes outcomes) {
        this.costCentres = costCentres;
        this.categories = categories;
        this.directory = directory;
        this.notices = notices;
        this.settings = settings;
        this.outcomes = outcomes;
    }

    /** @return false when this event was handled before (nothing sent again) */
    public boolean alert(BudgetThresholdCrossed crossing, String eventId) {
        Optional<CostCentre> costCentre = costCentres.byCode(crossing.costCentre());
        String categoryName = Optional.ofNullable(categories.byCodes(List.of(crossing.category())).get(crossing.category()))
                .map(Category::name).orElse(crossing.category());
        Map<String, PersonCard> recipients = new LinkedHashMap<>();
        costCentre.flatMap(c -> directory.personById(c.ownerId())).ifPresent(p -> recipients.put(p.personId(), p));
        directory.peopleWithAnyRole(List.of(Role.OFFICE_MANAGER.group(), Role.MANAGEMENT.group()))
                .forEach(p -> recipients.putIfAbsent(p.personId(), p));
        EmailAddress from = EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName());
        List<Notices.Notice> mails = new ArrayList<>();
        for (PersonCard person : recipients.values()) {
            if (mails.size() == MAX_RECIPIENTS) {
                break;
            }
            BudgetMails.Alert alert = new BudgetMails.Alert(crossing, costCentre.map(CostCentre::name).orElse(crossing.costCentre()),
                    categoryName, person.name());
            String key = crossing.crossingKey() + ":" + person.personId();
            mails.add(new Notices.Notice(EmailMessage.of(from, EmailAddress.of(person.email(), person.name()), person.language(),
                    BudgetMails.ALERT.render(person.language(), alert, settings.officeName()), key), key));
        }
        boolean sent = notices.sendForEvent(eventId, mails);
        if (sent) {
            outcomes.record(Outcome.BUDGET_THRESHOLD_CROSSED); // once per crossing: a redelivered event sends nothing
        }
        return sent;
    }
}
