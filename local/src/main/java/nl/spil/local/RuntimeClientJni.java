package nl.spil.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/** The Lambda runtime interface client's JNI library, unpacked once for all function JVMs. */
final class RuntimeClientJni {

    private static final Map<Path, Path> NATIVE = new ConcurrentHashMap<>();

    private RuntimeClientJni() {
    }

    /** Where the runtime client loads its JNI library from; without it, every JVM writes /tmp/.libaws-lambda-jni.so. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * The runtime client's JNI library, unpacked once for this local cloud. The client itself unpacks
     * it to one fixed path, /tmp/.libaws-lambda-jni.so, on every start: JVMs starting together
     * overwrite the file while another maps it, and one dies of SIGBUS in the dynamic loader.
     */
    static Path unpackedOnce(Path runtimeDir, Path into) {
        return NATIVE.computeIfAbsent(into, dir -> {
            String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
            boolean musl;
            try (var libs = Files.list(Path.of("/lib"))) {
                musl = libs.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl"));
            } catch (IOException e) {
                musl = false;
            }
            String name = "libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + arch + ".so";
            try (var files = Files.list(runtimeDir)) {
                Path ric = files.filter(f -> f.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                        .findFirst().orElseThrow(() -> new LocalCloud.CannotStart("No runtime interface client jar in " + runtimeDir));
                try (var zip = new ZipFile(ric.toFile())) {
                    var entry = zip.getEntry("jni/" + name);
                    if (entry == null) {
                        throw new LocalCloud.CannotStart("The Lambda runtime interface client has no " + name + " for this platform");
                    }
                    Files.createDirectories(dir);
                    Path target = Files.createTempFile(dir, "libaws-lambda-jni-", ".so");
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().deleteOnExit();
                    return target;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
