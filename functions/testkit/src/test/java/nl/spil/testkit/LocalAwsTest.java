package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void theShebangOfMotoServerNamesItsPython(@TempDir Path dir) throws IOException {
        Path direct = Files.writeString(dir.resolve("a"), "#!/opt/py/bin/python3.11\nimport moto\n");
        Path env = Files.writeString(dir.resolve("b"), "#!/usr/bin/env -S python3 -u\n");
        Path none = Files.writeString(dir.resolve("c"), "import moto\n");
        assertThat(Python.shebang(direct)).contains("/opt/py/bin/python3.11");
        assertThat(Python.shebang(env)).contains("python3");
        assertThat(Python.shebang(none)).isEqualTo(Optional.empty());
    }
}
