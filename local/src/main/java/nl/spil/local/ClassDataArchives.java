package nl.spil.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import nl.spil.localkit.Repo;

/**
 * In the background, one at a time: an AppCDS archive for each function that has none yet (a
 * second JVM of the function starts, finishes init and stops, writing the archive as it exits),
 * so the next start of that function is faster. Stopping abandons the archive being written.
 */
final class ClassDataArchives implements AutoCloseable {

    private final PrintStream out;
    private final Path archiveDir;
    private volatile boolean closing;
    private volatile LocalFunction archiving;

    ClassDataArchives(PrintStream out, Path archiveDir) {
        this.out = out;
        this.archiveDir = archiveDir;
    }

    /** Starts writing the missing archives of these functions, if any. */
    void writeMissing(Collection<LocalFunction> functions) {
        List<LocalFunction> missing = functions.stream().filter(LocalFunction::needsArchive).toList();
        if (missing.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            List<String> written = new ArrayList<>();
            for (LocalFunction fn : missing) {
                if (closing) {
                    return;
                }
                LocalFunction a = fn.archiver();
                archiving = a;
                try {
                    a.start();
                    a.awaitInit(Duration.ofSeconds(120));
                } catch (RuntimeException e) {
                    a.abandon();
                } finally {
                    if (closing) {
                        a.abandon();
                    }
                    a.close();
                    archiving = null;
                }
                if (!fn.needsArchive()) {
                    written.add(fn.name());
                }
            }
            if (!written.isEmpty() && !closing) {
                out.println("Class-data archives written for " + String.join(", ", written)
                        + " (" + Repo.root().relativize(archiveDir.toAbsolutePath()) + "): their next start is faster.");
            }
        }, "class-data-archives");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Where a function's archive is kept: keyed by the JVM version and its class path's files, sizes
     * and times. Null when switched off ({@code SPIL_LOCAL_CDS=off}) or when the class path holds a folder.
     */
    static Path archiveFor(String name, List<String> cp, Path dir) {
        if ("off".equalsIgnoreCase(System.getenv("SPIL_LOCAL_CDS"))) {
            return null;
        }
        StringBuilder key = new StringBuilder(System.getProperty("java.vm.version"));
        try {
            for (String entry : cp) {
                Path p = Path.of(entry);
                if (!Files.isRegularFile(p)) {
                    return null; // the JVM archives only jar class paths
                }
                key.append('|').append(p.toAbsolutePath()).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis());
            }
            var digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(dir);
            return dir.resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".jsa");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closing = true;
        LocalFunction a = archiving;
        if (a != null) {
            a.abandon();
            a.close();
        }
    }
}
