package nl.spil.packaging;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** A function-shaped jar for the packaging tests: the DynamoDB SDK, and a class that calls GetItem. */
final class FunctionJars {

    private FunctionJars() {
    }

    /** The SDK jars of the test class path in one jar, as the shade plugin packs a function. */
    static void pack(Path target) throws IOException {
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (String path : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (path.endsWith(".jar") && (path.contains("/software/amazon/") || path.contains("/org/reactivestreams/")
                        || path.contains("/org/slf4j/"))) {
                    try (ZipFile zip = new ZipFile(path)) {
                        for (ZipEntry e : Collections.list(zip.entries())) {
                            String name = e.getName();
                            if (!e.isDirectory() && !name.endsWith("module-info.class") && !name.startsWith("META-INF/versions/")
                                    && written.add(name)) {
                                out.putNextEntry(new ZipEntry(name));
                                try (InputStream in = zip.getInputStream(e)) {
                                    in.transferTo(out);
                                }
                            }
                        }
                    }
                }
            }
            for (String name : new String[] {"nl/spil/packaging/CallsGetItem.class", "META-INF/versions/17/nl/spil/packaging/Old.class",
                    "com/lowagie/text/pdf/fonts/Helvetica.afm", "font-fallback/LiberationSans-Regular.ttf"}) {
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = CallsGetItem.class.getResourceAsStream("CallsGetItem.class")) {
                    in.transferTo(out);
                }
            }
        }
    }
}
