package nl.spil.stock.store;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.config.Settings;
import nl.spil.stock.app.PurchasingDefaults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each site's purchasing defaults, one item per site (SITE#id / PURCHASING) on the stock table.
 * A set replaces the item whole: two office managers setting it at once leave the later one.
 */
@Singleton
public class DynamoPurchasingDefaults implements PurchasingDefaults {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPurchasingDefaults(DynamoDbClient dynamo, Settings settings) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
    }

    @Override
    public Optional<SiteDefaults> of(String siteId) {
        Map<String, AttributeValue> m = dynamo.getItem(b -> b.tableName(table).key(PurchaseOrderItems.defaultsKey(siteId))
                .consistentRead(true)).item();
        return m == null || m.isEmpty() ? Optional.empty() : Optional.of(PurchaseOrderItems.defaults(m));
    }

    @Override
    public void set(SiteDefaults defaults) {
        dynamo.putItem(b -> b.tableName(table).item(PurchaseOrderItems.defaults(defaults)));
    }
}
