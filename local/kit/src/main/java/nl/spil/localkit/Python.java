package nl.spil.localkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the Python that has moto, and installs {@code moto[server]} into it when missing. */
final class Python {

    /** The interpreter chosen and why (for messages). */
    record Choice(String command, String source) {
    }

    private Python() {
    }

    /** Where a virtual environment with moto is made when the chosen Python refuses pip installs. */
    static Path venv() {
        return Path.of(System.getProperty("user.home"), ".cache", "spil", "moto-venv");
    }

    private static Path venvPython() {
        return venv().resolve("bin").resolve("python");
    }

    /**
     * System property {@code spil.python}, else env {@code SPIL_PYTHON}, else the interpreter in the
     * shebang of {@code moto_server} on PATH (pyenv shims resolved with {@code pyenv which}), else
     * the virtual environment an earlier run made ({@link #venv()}), else {@code python3}.
     */
    static Choice find() {
        String property = System.getProperty("spil.python");
        if (property != null && !property.isBlank()) {
            return new Choice(property.trim(), "system property spil.python");
        }
        String env = System.getenv("SPIL_PYTHON");
        if (env != null && !env.isBlank()) {
            return new Choice(env.trim(), "environment variable SPIL_PYTHON");
        }
        Optional<Choice> fromMoto = fromMotoServer();
        if (fromMoto.isPresent()) {
            return fromMoto.get();
        }
        if (Files.isExecutable(venvPython())) {
            return new Choice(venvPython().toString(), "virtual environment " + venv());
        }
        return new Choice("python3", "default (no moto_server on PATH)");
    }

    private static Optional<Choice> fromMotoServer() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "moto_server");
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
                continue;
            }
            Path script = candidate;
            if (isPyenvShim(candidate)) {
                Optional<String> real = output(List.of("pyenv", "which", "moto_server"), 20);
                if (real.isEmpty()) {
                    continue;
                }
                script = Path.of(real.get().trim());
            }
            Optional<String> interpreter = shebang(script);
            if (interpreter.isPresent()) {
                return Optional.of(new Choice(interpreter.get(), "shebang of " + script));
            }
        }
        return Optional.empty();
    }

    private static boolean isPyenvShim(Path file) {
        if (!"shims".equals(String.valueOf(file.getParent().getFileName()))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(2048), StandardCharsets.UTF_8).contains("pyenv");
        } catch (IOException e) {
            return false;
        }
    }

    /** The interpreter of a {@code #!} line: {@code /x/python} or, for {@code /usr/bin/env python3}, {@code python3}. */
    static Optional<String> shebang(Path script) {
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("#!")) {
                return Optional.empty();
            }
            String[] words = first.substring(2).trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return Optional.empty();
            }
            if (words[0].endsWith("/env")) {
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("-")) {
                        return Optional.of(words[i]);
                    }
                }
                return Optional.empty();
            }
            return Optional.of(words[0]);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure the Python can import moto, flask and werkzeug; when it cannot, runs
     * {@code python -m pip install 'moto[server]'}, and when that is refused (a system Python that is
     * "externally managed") makes a virtual environment in {@link #venv()} and installs it there.
     *
     * @return the Python to use (the one given, or the virtual environment's)
     * @throws IllegalStateException with one clear message when Python is missing or the install fails
     */
    static Choice ensureMoto(Choice python) {
        Result check = run(List.of(python.command(), "-c", "import moto, flask, werkzeug"), 60);
        if (check.missing()) {
            throw new IllegalStateException("Python is needed for the local AWS (moto) but '" + python.command()
                    + "' (" + python.source() + ") cannot be run: " + check.output().trim()
                    + ". Install Python 3 and `pip install 'moto[server]'`, or point -Dspil.python=… / SPIL_PYTHON"
                    + " at a Python that has it.");
        }
        if (check.exitCode() == 0) {
            return python;
        }
        System.err.println("[spil testkit] " + python.command() + " lacks moto[server]; installing it with pip…");
        Result install = run(List.of(python.command(), "-m", "pip", "install", "--quiet", "moto[server]"), 900);
        if (hasMoto(python.command())) {
            return python;
        }
        Choice venv = new Choice(venvPython().toString(), "virtual environment " + venv());
        String venvOutput = "";
        if (!venv.command().equals(python.command())) {
            System.err.println("[spil testkit] pip refused; making " + venv() + " and installing moto[server] there…");
            Result made = Files.isExecutable(venvPython()) ? new Result(0, "", false)
                    : run(List.of(python.command(), "-m", "venv", venv().toString()), 300);
            Result venvInstall = made.exitCode() != 0 ? made
                    : run(List.of(venv.command(), "-m", "pip", "install", "--quiet", "moto[server]"), 900);
            if (hasMoto(venv.command())) {
                return venv;
            }
            venvOutput = "\nIn a virtual environment (" + venv() + "): " + tail(venvInstall.output());
        }
        throw new IllegalStateException("The local AWS needs moto[server] in " + python.command() + " ("
                + python.source() + "); `" + python.command() + " -m pip install 'moto[server]'` did not"
                + " provide it (exit " + install.exitCode() + "): " + tail(install.output()) + venvOutput
                + "\nInstall it by hand (e.g. python3 -m venv ~/.venvs/moto && ~/.venvs/moto/bin/pip install"
                + " 'moto[server]'), then point -Dspil.python=… or SPIL_PYTHON at that Python.");
    }

    private static boolean hasMoto(String python) {
        return run(List.of(python, "-c", "import moto, flask, werkzeug"), 60).exitCode() == 0;
    }

    record Result(int exitCode, String output, boolean missing) {
    }

    static Result run(List<String> command, int timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, String.valueOf(e.getMessage()), true);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s", false);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            process.destroyForcibly();
            return new Result(-1, String.valueOf(e.getMessage()), false);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted", false);
        }
    }

    private static Optional<String> output(List<String> command, int timeoutSeconds) {
        Result r = run(command, timeoutSeconds);
        return r.exitCode() == 0 && !r.output().isBlank() ? Optional.of(r.output().lines().findFirst().orElse(""))
                : Optional.empty();
    }

    static String tail(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
