package nl.spil.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slims a real function-shaped jar: the DynamoDB SDK with everything it depends on, plus one class
 * that calls GetItem. What must stay stays, the rest goes, and the client still works from it.
 */
class SlimJarTest {

    private static final String MODEL = "software/amazon/awssdk/services/dynamodb/model/";
    private static final String TRANSFORM = "software/amazon/awssdk/services/dynamodb/transform/";

    @TempDir
    static Path dir;
    static Path jar;
    static SlimJar.Report report;
    static Set<String> entries;

    @BeforeAll
    static void slimAFunctionJar() throws IOException {
        jar = dir.resolve("function-lambda.jar");
        FunctionJars.pack(jar);
        report = SlimJar.slim(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = new HashSet<>();
            Collections.list(zip.entries()).forEach(e -> entries.add(e.getName()));
        }
    }

    @Test
    void keepsWhatTheFunctionCalls() {
        assertThat(entries).contains(
                MODEL + "GetItemRequest.class",
                MODEL + "GetItemResponse.class",
                MODEL + "AttributeValue.class",
                TRANSFORM + "GetItemRequestMarshaller.class",
                "nl/spil/packaging/CallsGetItem.class");
    }

    @Test
    void leavesOutTheOperationsNobodyCalls() {
        assertThat(entries).doesNotContain(
                MODEL + "CreateTableResponse.class",
                MODEL + "TableDescription.class",
                MODEL + "CreateTableRequest$BuilderImpl.class",
                TRANSFORM + "CreateTableRequestMarshaller.class",
                "software/amazon/awssdk/services/dynamodb/waiters/DefaultDynamoDbWaiter.class");
        assertThat(report.classesLeftOut()).isGreaterThan(report.classes() / 4);
        assertThat(report.bytesAfter()).isLessThan(report.bytesBefore());
    }

    @Test
    void keepsWhatTheVerifierAndTheClientBuilderLoad() {
        assertThat(entries).contains(
                MODEL + "CreateTableRequest.class",
                MODEL + "ConditionalCheckFailedException.class",
                MODEL + "TransactionCanceledException.class",
                "software/amazon/awssdk/services/dynamodb/DefaultDynamoDbClient.class");
    }

    @Test
    void leavesOutTheCopiesOfAJarThatIsNotMultiRelease() {
        assertThat(entries).doesNotContain("META-INF/versions/17/nl/spil/packaging/Old.class");
    }

    @Test
    void leavesOutTheFilesOfAPdfLibraryNothingCalls() {
        assertThat(entries).doesNotContain("com/lowagie/text/pdf/fonts/Helvetica.afm", "font-fallback/LiberationSans-Regular.ttf");
        assertThat(report.otherEntriesLeftOut()).isEqualTo(3);
        assertThat(SlimJar.unusedLibraryFiles(Set.of("com/lowagie/text/Document"))).isEmpty();
        assertThat(SlimJar.unusedLibraryFiles(Set.of("nl/spil/Something"))).contains("com/lowagie/", "font-fallback/");
    }

    @Test
    void theClientStillBuildsAndCallsGetItemFromTheSlimJar() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Object thrown = loader.loadClass(CallsGetItem.class.getName()).getMethod("tryGetItem").invoke(null);
            // the request was built and marshalled; only the connection to the closed port failed
            assertThat(thrown).isEqualTo("software.amazon.awssdk.core.exception.SdkClientException");
        }
    }

    @Test
    void readsTheClassesAClassFileNames() throws IOException {
        byte[] bytes;
        try (InputStream in = CallsGetItem.class.getResourceAsStream("CallsGetItem.class")) {
            bytes = in.readAllBytes();
        }
        assertThat(ClassFiles.referencedClasses(bytes)).contains(
                "software/amazon/awssdk/services/dynamodb/DynamoDbClient",
                "software/amazon/awssdk/regions/Region",
                "java/lang/String",
                "java/lang/Throwable");
    }
}
