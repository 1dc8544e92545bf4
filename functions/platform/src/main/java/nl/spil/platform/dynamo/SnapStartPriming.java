package nl.spil.platform.dynamo;

import io.micronaut.context.annotation.Context;
import java.util.Map;
import nl.spil.platform.config.Settings;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, one read-only GetItem
 * of a key that never exists loads and warms the SDK's request path (marshalling, signing,
 * HTTP), so the first request after a restore does not pay for it. Reading changes nothing, so
 * priming any number of times is harmless. Outside SnapStart (org.crac's no-op context) this
 * only registers.
 */
@Context
public class SnapStartPriming implements Resource {

    private final DynamoDbClient dynamo;
    private final Settings settings;

    public SnapStartPriming(DynamoDbClient dynamo, Settings settings) {
        this.dynamo = dynamo;
        this.settings = settings;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the SDK opens fresh connections and reads credentials lazily.
    }

    /** One read of a key no item has. */
    public void prime() {
        settings.optional("TABLE_NAME").ifPresent(table -> dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("pk", Attrs.s("PRIMING"), "sk", Attrs.s("PRIMING")))
                .build()));
    }
}
