package nl.spil.mailroom.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import nl.spil.mailroom.app.MailSettings;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A site's mailroom settings: one item per site ({@code SETTINGS#<site>}), the defaults when there is none. */
@Singleton
public class DynamoMailSettings implements MailSettings {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMailSettings(DynamoDbClient dynamo, Settings settings) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
    }

    private static Map<String, AttributeValue> key(String siteId) {
        return Attrs.key("SETTINGS#" + siteId, "SETTINGS");
    }

    @Override
    public SiteSettings of(String siteId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(siteId))).item();
        if (item == null || item.isEmpty()) {
            return SiteSettings.DEFAULTS;
        }
        return new SiteSettings((int) Attrs.num(item, "firstReminderDays"), (int) Attrs.num(item, "secondReminderDays"),
                (int) Attrs.num(item, "returnAfterDays"), (int) Attrs.num(item, "keepDays"));
    }

    @Override
    public void put(String siteId, SiteSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>(key(siteId));
        item.put("kind", s("SETTINGS"));
        item.put("siteId", s(siteId));
        item.put("firstReminderDays", n(settings.firstReminderDays()));
        item.put("secondReminderDays", n(settings.secondReminderDays()));
        item.put("returnAfterDays", n(settings.returnAfterDays()));
        item.put("keepDays", n(settings.keepDays()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
