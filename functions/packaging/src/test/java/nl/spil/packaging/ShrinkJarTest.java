package nl.spil.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shrinks a real function-shaped jar (the DynamoDB SDK, its HTTP client and a class that calls
 * GetItem) with ProGuard as the build does: what is reached only by name is kept, the rest goes,
 * and the client still builds and calls GetItem from what is left.
 */
class ShrinkJarTest {

    @TempDir
    static Path dir;
    static Path jar;
    static String rules;
    static ShrinkJar.Report report;
    static Set<String> entries;

    @BeforeAll
    static void shrinkAFunctionJar() throws IOException {
        jar = dir.resolve("function-lambda.jar");
        FunctionJars.pack(jar);
        SlimJar.slim(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            rules = ShrinkJar.rules(zip, jar, dir.resolve("out.jar"), ShrinkJar.jdkModules());
        }
        report = ShrinkJar.shrink(jar, proguardClassPath());
        entries = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Collections.list(zip.entries()).forEach(e -> entries.add(e.getName()));
        }
    }

    @Test
    void shrinksTheJar() {
        assertThat(report.skipped()).isNull();
        assertThat(report.bytesAfter()).isLessThan(report.bytesBefore() * 9 / 10);
        assertThat(report.classesAfter()).isLessThan(report.classesBefore());
        // nothing reaches what turns an asynchronous answer into bytes
        assertThat(entries).doesNotContain("software/amazon/awssdk/core/async/AsyncResponseTransformerUtils.class")
                .contains("software/amazon/awssdk/services/dynamodb/DefaultDynamoDbClient.class");
    }

    @Test
    void theClientStillBuildsAndCallsGetItemFromTheShrunkJar() throws Exception {
        // the HTTP client comes from a service file, the interceptors from execution.interceptors, the
        // defaults mode from an EnumSet (values() by reflection): all of it must still be there
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Object thrown = loader.loadClass(CallsGetItem.class.getName()).getMethod("tryGetItem").invoke(null);
            assertThat(thrown).isEqualTo("software.amazon.awssdk.core.exception.SdkClientException");
        }
    }

    @Test
    void keepsWhatServiceAndInterceptorFilesNameWithAllItsMembers() throws IOException {
        assertThat(rules).contains("-keep class software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService { *; }");
        Path files = dir.resolve("files.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(files))) {
            put(out, "META-INF/services/java.lang.Runnable", "# made by ServiceLoader\na.Service\n");
            put(out, "software/amazon/awssdk/services/s3/execution.interceptors", "a.Interceptor\n");
            put(out, "META-INF/javamail.providers", "protocol=smtp; type=transport; class=a.Transport; vendor=x;\n");
            put(out, "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/a.$Bean$Definition", "");
            put(out, "README.txt", "a.NotLoaded\n");
        }
        Set<String> classes = Set.of("java.lang.Runnable", "a.Service", "a.Interceptor", "a.Transport", "a.$Bean$Definition", "a.NotLoaded");
        try (ZipFile zip = new ZipFile(files.toFile())) {
            assertThat(ShrinkJar.namedInFiles(zip, classes))
                    .containsExactlyInAnyOrder("java.lang.Runnable", "a.Service", "a.Interceptor", "a.Transport", "a.$Bean$Definition");
        }
    }

    @Test
    void keepsWholeWhatWorksByReflectionAndEveryEnumsValues() {
        assertThat(rules).contains("-keep class nl.spil.** { *; }", "-keep class com.amazonaws.** { *; }",
                "-keepclassmembers enum * { public static **[] values();", "-dontobfuscate", "-dontoptimize");
    }

    @Test
    void keepsAClassWhoseNameIsAStringInAClassFile() throws IOException {
        Path named = dir.resolve("named.jar");
        writeJar(named, LoadsByName.class, LinkBase.class, LinkChild.class);
        try (ZipFile zip = new ZipFile(named.toFile())) {
            Set<String> classes = Set.of("nl.spil.packaging.LinkBase", "nl.spil.packaging.LinkChild");
            // LoadsByName names LinkBase in a string; LinkChild only in code, which ProGuard follows itself
            assertThat(ShrinkJar.namedInStrings(zip, classes)).containsExactly("nl.spil.packaging.LinkBase");
        }
    }

    @Test
    void failsWhenAClassThatLinkedNoLongerLinks() throws IOException {
        Path whole = dir.resolve("whole.jar");
        Path broken = dir.resolve("broken.jar");
        writeJar(whole, LinkBase.class, LinkChild.class);
        writeJar(broken, LinkChild.class);
        ShrinkJar.checkLinking(whole, whole, Set.of("nl/spil/packaging/LinkChild"));
        assertThatThrownBy(() -> ShrinkJar.checkLinking(whole, broken, Set.of("nl/spil/packaging/LinkChild")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nl/spil/packaging/LinkChild");
        // a class that did not link before (its library is absent) is not asked
        ShrinkJar.checkLinking(broken, broken, Set.of("nl/spil/packaging/LinkChild"));
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeJar(Path target, Class<?>... types) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Class<?> type : types) {
                out.putNextEntry(new ZipEntry(type.getName().replace('.', '/') + ".class"));
                out.write(bytes(type));
            }
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private static List<Path> proguardClassPath() throws IOException {
        String classPath = Files.readString(Path.of("target", "proguard.classpath")).trim();
        return Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).toList();
    }
}
