package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

@WithLocalAws
class TemplateTablesTest {

    @Test
    void everyTableOfTheTemplateIsCreatedAsDeclared(LocalAws aws, TemplateTables tables, Template template) {
        Map<String, Template.Resource> declared = template.resourcesOfType(Template.TABLE);
        assertThat(declared).isNotEmpty();
        assertThat(tables.tables().keySet()).containsExactlyElementsOf(declared.keySet());
        DynamoDbClient ddb = aws.dynamoDb();

        for (Template.Resource table : declared.values()) {
            String id = table.logicalId();
            Map<String, Object> p = table.properties();
            String name = tables.table(id);
            assertThat(name).as(id).startsWith(id + "-").endsWith(tables.suffix());

            TableDescription d = ddb.describeTable(b -> b.tableName(name)).table();
            assertThat(pairs(d.attributeDefinitions())).as(id + " attributes")
                    .containsExactlyInAnyOrderElementsOf(pairs(p.get("AttributeDefinitions"), "AttributeName", "AttributeType"));
            assertThat(keys(d.keySchema())).as(id + " key schema")
                    .containsExactlyElementsOf(pairs(p.get("KeySchema"), "AttributeName", "KeyType"));
            assertThat(d.billingModeSummary() == null ? BillingMode.PROVISIONED : d.billingModeSummary().billingMode())
                    .as(id + " billing").isEqualTo(BillingMode.fromValue(String.valueOf(p.get("BillingMode"))));

            List<Map<String, Object>> gsis = maps(p.get("GlobalSecondaryIndexes"));
            assertThat(d.globalSecondaryIndexes()).as(id + " GSIs").hasSize(gsis.size());
            for (Map<String, Object> gsi : gsis) {
                GlobalSecondaryIndexDescription actual = d.globalSecondaryIndexes().stream()
                        .filter(g -> g.indexName().equals(gsi.get("IndexName"))).findFirst().orElseThrow();
                assertThat(keys(actual.keySchema())).as(id + " " + gsi.get("IndexName"))
                        .containsExactlyElementsOf(pairs(gsi.get("KeySchema"), "AttributeName", "KeyType"));
                @SuppressWarnings("unchecked")
                Map<String, Object> projection = (Map<String, Object>) gsi.get("Projection");
                assertThat(actual.projection().projectionTypeAsString()).isEqualTo(projection.get("ProjectionType"));
            }

            @SuppressWarnings("unchecked")
            Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
            if (stream == null) {
                assertThat(d.streamSpecification() == null || !d.streamSpecification().streamEnabled())
                        .as(id + " has no stream").isTrue();
            } else {
                assertThat(d.streamSpecification().streamEnabled()).as(id + " stream").isTrue();
                assertThat(d.streamSpecification().streamViewTypeAsString()).isEqualTo(stream.get("StreamViewType"));
                assertThat(tables.streamArn(id)).isEqualTo(d.latestStreamArn()).isNotBlank();
            }

            @SuppressWarnings("unchecked")
            Map<String, Object> ttl = (Map<String, Object>) p.get("TimeToLiveSpecification");
            TimeToLiveDescription ttlActual = ddb.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
                assertThat(ttlActual.timeToLiveStatus()).as(id + " TTL").isEqualTo(TimeToLiveStatus.ENABLED);
                assertThat(ttlActual.attributeName()).as(id + " TTL attribute").isEqualTo(ttl.get("AttributeName"));
            } else {
                assertThat(ttlActual.timeToLiveStatus()).as(id + " TTL").isNotEqualTo(TimeToLiveStatus.ENABLED);
            }

            @SuppressWarnings("unchecked")
            Map<String, Object> pitr = (Map<String, Object>) p.get("PointInTimeRecoverySpecification");
            if (pitr != null && Boolean.TRUE.equals(pitr.get("PointInTimeRecoveryEnabled"))) {
                assertThat(ddb.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                        .as(id + " PITR").isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            }
        }
    }

    @Test
    void bucketsAreCreatedWithTheirVersioning(LocalAws aws, TemplateTables tables, Template template) {
        assertThat(tables.buckets().keySet()).containsExactlyElementsOf(template.resourcesOfType(Template.BUCKET).keySet());
        String bucket = tables.bucket("FilesBucket");
        assertThat(bucket).startsWith("filesbucket-");
        assertThat(aws.s3().getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(aws.s3().getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration().blockPublicAcls())
                .isTrue();
    }

    @Test
    void theSenderIdentityIsVerifiedSoSendingWorksAsInTheSandbox(LocalAws aws, TemplateTables tables) {
        assertThat(tables.emailIdentities()).containsEntry("SenderIdentity", LocalAws.SENDER_EMAIL);
        String subject = "testkit " + System.nanoTime();
        aws.sesV2().sendEmail(b -> b.fromEmailAddress(LocalAws.SENDER_EMAIL)
                .destination(d -> d.toAddresses("anna@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject)).body(x -> x.text(t -> t.data("Hallo"))))));
        assertThatThrownBy(() -> aws.sesV2().sendEmail(b -> b.fromEmailAddress("nobody@example.net")
                .destination(d -> d.toAddresses("anna@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(x -> x.text(t -> t.data("x")))))))
                .isInstanceOf(MessageRejectedException.class);

        assertThat(aws.sentEmails()).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo(subject);
            assertThat(mail.source()).isEqualTo(LocalAws.SENDER_EMAIL);
            assertThat(mail.destinations()).containsExactly("anna@example.org");
            assertThat(mail.body()).isEqualTo("Hallo");
        });
    }

    @Test
    void aFreshSetHasItsOwnEmptyTables(LocalAws aws, TemplateTables tables) {
        TemplateTables fresh = aws.createTemplateResources();
        assertThat(fresh.suffix()).isNotEqualTo(tables.suffix());
        assertThat(fresh.table("DirectoryTable")).isNotEqualTo(tables.table("DirectoryTable"));
        assertThat(aws.dynamoDb().scan(b -> b.tableName(fresh.table("DirectoryTable"))).count()).isZero();
    }

    private static List<String> pairs(List<AttributeDefinition> definitions) {
        return definitions.stream().map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).collect(Collectors.toList());
    }

    private static List<String> keys(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.toList());
    }

    private static List<String> pairs(Object declared, String name, String value) {
        return maps(declared).stream().map(m -> m.get(name) + ":" + m.get(value)).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object declared) {
        return declared == null ? List.of() : (List<Map<String, Object>>) declared;
    }
}
