package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

@WithLocalAws
class LocalAwsTest {

    @Test
    void clientsBuiltWithDefaultsTalkToTheLocalAws(LocalAws aws, TemplateTables tables) {
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(aws.endpoint().toString())
                .startsWith("http://127.0.0.1:");
        assertThat(System.getProperty("aws.region")).isEqualTo("eu-west-1");
        String table = tables.table("DirectoryTable");
        try (DynamoDbClient defaults = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            defaults.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("DEFAULTS"), "sk", AttributeValue.fromS("1"))));
        }
        assertThat(aws.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("DEFAULTS"), "sk", AttributeValue.fromS("1")))).hasItem()).isTrue();
    }

    @Test
    void anS3ClientBuiltWithDefaultsReachesTheBuckets(LocalAws aws, TemplateTables tables) {
        String bucket = tables.bucket("FilesBucket");
        try (S3Client defaults = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            defaults.putObject(b -> b.bucket(bucket).key("hello.txt"), RequestBody.fromString("hallo"));
        }
        assertThat(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")).asUtf8String()).isEqualTo("hallo");
    }

    @Test
    void theServerIsReadyQuickly(LocalAws aws) {
        System.out.println("local AWS start (find Python, check moto, READY): " + aws.startTime().toMillis() + " ms");
        assertThat(aws.port()).isPositive();
        assertThat(aws.logFile()).exists();
    }
}
