package nl.spil.localkit;

import static nl.spil.localkit.TemplateProperties.bool;
import static nl.spil.localkit.TemplateProperties.list;
import static nl.spil.localkit.TemplateProperties.map;
import static nl.spil.localkit.TemplateProperties.str;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * An {@code AWS::DynamoDB::Table} of the template made in the local AWS exactly as declared
 * (see {@link TemplateTables}); a property it does not know makes creation fail.
 */
final class TemplateDynamoTable {

    private static final Set<String> TABLE_PROPERTIES = Set.of("TableName", "AttributeDefinitions", "KeySchema",
            "BillingMode", "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
            "StreamSpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled", "Tags",
            "TimeToLiveSpecification", "PointInTimeRecoverySpecification",
            // accepted, not applicable locally
            "ContributorInsightsSpecification", "ResourcePolicy", "WarmThroughput", "OnDemandThroughput",
            "KinesisStreamSpecification");

    private TemplateDynamoTable() {
    }

    /** Creates the table; returns its latest stream ARN (null without a StreamSpecification). */
    static String create(DynamoDbClient dynamoDb, String id, String name, Map<String, Object> p) {
        for (String key : p.keySet()) {
            if (!TABLE_PROPERTIES.contains(key)) {
                throw new IllegalStateException("Table " + id + ": property " + key
                        + " is not handled by TemplateTables; teach it before using it in template.yaml");
            }
        }
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(p.get("AttributeDefinitions"), a -> AttributeDefinition.builder()
                        .attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build()))
                .keySchema(keySchema(p.get("KeySchema")));
        String billing = p.get("BillingMode") == null ? "PROVISIONED" : p.get("BillingMode").toString();
        create.billingMode(BillingMode.fromValue(billing));
        if (p.get("ProvisionedThroughput") != null) {
            create.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        if (p.get("GlobalSecondaryIndexes") != null) {
            create.globalSecondaryIndexes(list(p.get("GlobalSecondaryIndexes"), g -> {
                GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder()
                        .indexName(str(g, "IndexName"))
                        .keySchema(keySchema(g.get("KeySchema")))
                        .projection(projection(g.get("Projection")));
                if (g.get("ProvisionedThroughput") != null) {
                    b.provisionedThroughput(throughput(g.get("ProvisionedThroughput")));
                }
                return b.build();
            }));
        }
        if (p.get("LocalSecondaryIndexes") != null) {
            create.localSecondaryIndexes(list(p.get("LocalSecondaryIndexes"), l -> LocalSecondaryIndex.builder()
                    .indexName(str(l, "IndexName"))
                    .keySchema(keySchema(l.get("KeySchema")))
                    .projection(projection(l.get("Projection"))).build()));
        }
        if (p.get("StreamSpecification") != null) {
            create.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(map(p.get("StreamSpecification")), "StreamViewType")).build());
        }
        if (p.get("SSESpecification") != null) {
            Map<String, Object> sse = map(p.get("SSESpecification"));
            SSESpecification.Builder b = SSESpecification.builder().enabled(bool(sse.get("SSEEnabled")));
            if (sse.get("SSEType") != null) {
                b.sseType(str(sse, "SSEType"));
            }
            if (sse.get("KMSMasterKeyId") != null) {
                b.kmsMasterKeyId(str(sse, "KMSMasterKeyId"));
            }
            create.sseSpecification(b.build());
        }
        if (p.get("TableClass") != null) {
            create.tableClass(p.get("TableClass").toString());
        }
        if (p.get("DeletionProtectionEnabled") != null) {
            create.deletionProtectionEnabled(bool(p.get("DeletionProtectionEnabled")));
        }
        if (p.get("Tags") != null) {
            create.tags(list(p.get("Tags"), t -> Tag.builder().key(str(t, "Key")).value(str(t, "Value")).build()));
        }
        String streamArn = dynamoDb.createTable(create.build()).tableDescription().latestStreamArn();

        if (p.get("TimeToLiveSpecification") != null) {
            Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
            if (bool(ttl.get("Enabled"))) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t
                        .attributeName(str(ttl, "AttributeName")).enabled(true)));
            }
        }
        if (p.get("PointInTimeRecoverySpecification") != null) {
            Map<String, Object> pitr = map(p.get("PointInTimeRecoverySpecification"));
            if (bool(pitr.get("PointInTimeRecoveryEnabled"))) {
                dynamoDb.updateContinuousBackups(b -> b.tableName(name)
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            }
        }
        return streamArn;
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return list(value, k -> KeySchemaElement.builder()
                .attributeName(str(k, "AttributeName")).keyType(str(k, "KeyType")).build());
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = map(value);
        Projection.Builder b = Projection.builder().projectionType(str(p, "ProjectionType"));
        if (p.get("NonKeyAttributes") != null) {
            b.nonKeyAttributes(list(p.get("NonKeyAttributes"), null));
        }
        return b.build();
    }

    private static ProvisionedThroughput throughput(Object value) {
        Map<String, Object> t = map(value);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(str(t, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(str(t, "WriteCapacityUnits"))).build();
    }
}
