package nl.spil.localkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the local AWS's process: {@code local/moto/serialized_moto.py} on a free 127.0.0.1 port,
 * with the Python that has moto (installed first when it is missing), until it prints
 * {@code READY port=<n>}. Its stdin stays open ({@code --parent-watch}): it stops when this JVM goes.
 */
final class MotoServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** A started server: its process, its stderr log, its port and how long starting took. */
    record Started(Process process, Path log, int port, Duration startTime) {
    }

    private MotoServer() {
    }

    static Started start(int keepSentMail) {
        long started = System.nanoTime();
        Path script = Repo.path("local/moto/serialized_moto.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Missing " + script);
        }
        Python.Choice python = Python.find();
        Launched launched;
        try {
            // optimistic: checking the imports first would cost ~0.7 s on every start
            launched = launch(python, script, keepSentMail);
        } catch (NotStarted first) {
            Python.Choice ensured = Python.ensureMoto(python); // one clear message when Python or moto is missing
            try {
                launched = launch(ensured, script, keepSentMail);
            } catch (NotStarted second) {
                throw new IllegalStateException(second.getMessage(), second);
            }
        }
        return new Started(launched.process(), launched.log(), launched.port(), Duration.ofNanos(System.nanoTime() - started));
    }

    private record Launched(Process process, Path log, int port) {
    }

    /** The server exited (or could not be run) before it said READY. */
    private static final class NotStarted extends Exception {
        NotStarted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Launched launch(Python.Choice python, Path script, int keepSentMail) throws NotStarted {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("spil-moto-", ".log");
            log.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(python.command(), script.toString(),
                    "--host", "127.0.0.1", "--port", "0", "--parent-watch", "--keep-sent-mail", Integer.toString(keepSentMail))
                    .redirectError(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new NotStarted("Cannot start the local AWS with " + python.command()
                    + " (" + python.source() + "): " + e.getMessage(), e);
        }
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = stdout.readLine()) != null; ) {
                    if (line.startsWith("READY port=")) {
                        return line.substring("READY port=".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String port;
        try {
            port = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The local AWS (" + python.command() + " " + script
                    + ") did not print READY within " + START_TIMEOUT.toSeconds() + " s; its stderr:\n" + readTail(log));
        } catch (ExecutionException e) {
            port = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while starting the local AWS", e);
        }
        if (port == null) {
            process.destroyForcibly();
            throw new NotStarted("The local AWS (" + python.command() + " " + script
                    + ") exited before it was ready; its stderr:\n" + readTail(log), null);
        }
        Thread drain = new Thread(() -> {
            try {
                while (stdout.readLine() != null) {
                    // keeps the pipe from filling
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "spil-local-aws-stdout");
        drain.setDaemon(true);
        drain.start();
        return new Launched(process, log, Integer.parseInt(port));
    }

    private static String readTail(Path log) {
        try {
            return Python.tail(Files.readString(log));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
