package nl.spil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local AWS (moto) the measured functions talk to. Prefers the project's
 * {@code local/moto/serialized_moto.py} (prints {@code READY port=<n>}); without it, falls back to
 * {@code moto_server -H 127.0.0.1 -p <free port>} and polls until it answers.
 */
final class LocalAws implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("READY port=(\\d+)");

    private final Process process;
    private final String endpoint;
    private final String how;

    private LocalAws(Process process, String endpoint, String how) {
        this.process = process;
        this.endpoint = endpoint;
        this.how = how;
    }

    /** An endpoint somebody else runs (--aws-endpoint). */
    static LocalAws external(String endpoint) {
        return new LocalAws(null, endpoint, "given endpoint");
    }

    static LocalAws start(Path root, String python, Path log, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Path script = root.resolve("local/moto/serialized_moto.py");
        if (Files.isRegularFile(script)) {
            return startSerialized(root, python, script, log, timeout);
        }
        return startMotoServer(python, log, timeout);
    }

    private static LocalAws startSerialized(Path root, String python, Path script, Path log, Duration timeout)
            throws IOException, InterruptedException {
        // --parent-watch: it stops when our end of its stdin closes, even if this JVM is killed outright
        List<String> cmd = List.of(python, script.toString(), "--host", "127.0.0.1", "--port", "0", "--parent-watch");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 OutputStream out = Files.newOutputStream(log)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Matcher m = READY.matcher(line);
                    if (!port.isDone() && m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            } finally {
                port.complete(-1);
            }
        }, "moto-log");
        pump.setDaemon(true);
        pump.start();
        int n;
        try {
            n = port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            n = -1;
        }
        if (n <= 0) {
            kill(p);
            throw new IllegalStateException("local AWS did not print READY port=<n> within " + timeout.toSeconds()
                    + " s: " + String.join(" ", cmd) + "\n" + tail(log, 40));
        }
        return new LocalAws(p, "http://127.0.0.1:" + n, String.join(" ", cmd));
    }

    private static LocalAws startMotoServer(String python, Path log, Duration timeout)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        if (onPath("moto_server")) {
            cmd.add("moto_server");
        } else {
            cmd.addAll(List.of(python, "-m", "moto.server"));
        }
        cmd.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String endpoint = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + p.exitValue() + ": " + String.join(" ", cmd)
                        + "\n" + tail(log, 40));
            }
            if (answers(endpoint + "/moto-api/")) {
                return new LocalAws(p, endpoint, String.join(" ", cmd));
            }
            Thread.sleep(100);
        }
        kill(p);
        throw new IllegalStateException("moto_server did not answer within " + timeout.toSeconds() + " s: "
                + String.join(" ", cmd) + "\n" + tail(log, 40));
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    String endpoint() {
        return endpoint;
    }

    String how() {
        return how;
    }

    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                kill(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
