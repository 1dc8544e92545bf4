package nl.spil.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.spil.localkit.LocalAws;

/**
 * The cold-start benchmark: every function of template.yaml ({@link TemplateSubjects}) and the plain
 * baseline, each started {@code --runs} times in a fresh JVM through the real runtime interface client
 * ({@link FunctionJvm}) and invoked {@code --invokes} times per JVM; subjects take turns, run by run.
 * Before the runs, one JVM per subject finds the event it is measured with (and warms the page cache);
 * with {@code --runs 0} that is all it does: the build's smoke test of every shipped jar. See
 * bench/README.md for what the figures mean.
 */
public final class ColdStart {
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private int runs = 7;
    private int invokes = 200;
    private boolean plain = true;
    private final Set<String> only = new LinkedHashSet<>();
    private final Map<String, String> variants = new LinkedHashMap<>();
    private final Map<String, List<String>> variantJvmArgs = new LinkedHashMap<>();
    private final Map<String, String> plainVariants = new LinkedHashMap<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private String javaCmd;
    private String python;
    private Path root = Path.of("").toAbsolutePath();
    private Path ricDir;
    private Path out;

    public static void main(String[] args) throws Exception {
        // on Ctrl-C, take down the function JVM and moto this run started
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        try {
            new ColdStart().parse(args).run();
        } catch (IllegalArgumentException | FunctionJvm.BenchFailure e) {
            System.err.println();
            System.err.println("cold-start: " + e.getMessage());
            System.exit(1);
        }
    }

    ColdStart parse(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = number(a, value(args, ++i, a), 0);
                case "--invokes" -> invokes = number(a, value(args, ++i, a), 1);
                case "--only" -> only.addAll(List.of(value(args, ++i, a).split(",")));
                case "--no-plain" -> plain = false;
                case "--variant" -> {
                    String v = value(args, ++i, a);
                    int eq = v.indexOf('=');
                    if (eq <= 0 || v.indexOf(':', eq) < 0) {
                        throw new IllegalArgumentException("--variant takes NAME=FUNCTION:JAR, not " + v);
                    }
                    variants.put(v.substring(0, eq), v.substring(eq + 1));
                }
                case "--plain-variant" -> {
                    String v = value(args, ++i, a);
                    int eq = v.indexOf('=');
                    int colon = v.lastIndexOf(':');
                    if (eq <= 0 || colon < eq + 2 || colon == v.length() - 1) {
                        throw new IllegalArgumentException("--plain-variant takes NAME=JAR:HANDLER, not " + v);
                    }
                    plainVariants.put(v.substring(0, eq), v.substring(eq + 1));
                }
                case "--variant-jvm-arg" -> {
                    String v = value(args, ++i, a);
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--variant-jvm-arg takes NAME=ARG, not " + v);
                    }
                    variantJvmArgs.computeIfAbsent(v.substring(0, eq), k -> new ArrayList<>()).add(v.substring(eq + 1));
                }
                case "--java" -> javaCmd = value(args, ++i, a);
                case "--jvm-arg" -> jvmArgs.add(value(args, ++i, a));
                case "--python" -> python = value(args, ++i, a);
                case "--root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--ric" -> ricDir = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--env" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env takes K=V, not " + kv);
                    }
                    extraEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument " + a + "\n" + usage());
            }
        }
        if (javaCmd == null) {
            String home = System.getenv("JAVA_HOME");
            javaCmd = home != null && Files.isExecutable(Path.of(home, "bin", "java"))
                    ? Path.of(home, "bin", "java").toString() : "java";
        }
        ricDir = root.resolve(ricDir != null ? ricDir : Path.of("bench/target/ric"));
        out = root.resolve(out != null ? out : Path.of("bench/target/cold-start.txt"));
        return this;
    }

    static String usage() {
        return """
                usage: bench/cold-start [options]
                  every function of template.yaml (its CodeUri jar, Handler, environment and an event from
                  events/<module>/) beside the plain baseline
                  --runs N              fresh JVMs per subject (default 7; medians over them); 0: only find each
                                        subject's event in one JVM (the build's smoke test of the shipped jars)
                  --invokes N           invokes per JVM (default 200); invoke_N is the last one
                  --only A,B            only these functions (logical ids of template.yaml; 'plain' for the baseline)
                  --no-plain            without the plain baseline
                  --variant NAME=FN:JAR another subject: function FN with another artifact (e.g. a build without AOT;
                                        '-' for its own)
                  --variant-jvm-arg NAME=ARG  a JVM flag for that variant only (e.g. -Dspil.priming=init)
                  --plain-variant NAME=JAR:HANDLER  another plain baseline: that jar and handler class, the
                                        baseline's event and environment (e.g. bench/variants' plain-emf.jar)
                  --java PATH           the java that runs the functions (default $JAVA_HOME/bin/java, else java)
                  --jvm-arg ARG         extra flag for the functions' JVM (repeatable)
                  --env K=V             extra or overriding environment for every function (repeatable)
                  --python PATH         python for local/moto/serialized_moto.py (default: as the tests find it)
                  --root DIR            repository root (default: current directory)
                  --ric DIR             jars of the runtime interface client (default bench/target/ric)
                  --out FILE            where the summary goes too (default bench/target/cold-start.txt)
                  (bench/cold-start also takes --rebuild: build the functions and the bench even when present)
                """;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String v, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " takes a number of at least " + min + ", not " + v);
    }

    /** Runs the benchmark (or, with --runs 0, the smoke test); answers the summary. */
    String run() throws Exception {
        System.setProperty("spil.repo.root", root.toString());
        if (python != null) {
            System.setProperty("spil.python", python);
        }
        List<String> javaAndFlags = new ArrayList<>(List.of(javaCmd));
        javaAndFlags.addAll(JVM_FLAGS);
        javaAndFlags.addAll(jvmArgs);
        FunctionJvm jvm = new FunctionJvm(javaAndFlags, ricClasspath(), root.resolve("bench/target/cold-start-task"),
                root.resolve("bench/target/cold-start-logs"));
        String jdk = describeJava();
        log("java      " + jdk);
        try (LocalAws aws = LocalAws.get()) {
            log("local AWS " + aws.endpoint() + " (log " + aws.logFile() + ")");
            List<Subject> subjects = subjects(aws);
            log("seeded    " + String.join(", ", BenchData.seed(aws, subjects)));

            Map<Subject, Subject.Candidate> events = new LinkedHashMap<>();
            for (Subject s : subjects) {
                Subject.Candidate chosen = jvm.probe(s);
                events.put(s, chosen);
                log(String.format(Locale.ROOT, "answers   %-28s %-11s %s with %s", s.name(), s.kind().label(),
                        s.artifact().getFileName(), chosen.source()));
            }
            if (runs == 0) {
                String summary = "# smoke test: every function of template.yaml answered through the runtime client ("
                        + subjects.size() + " subjects)\n";
                System.out.print(summary);
                return summary;
            }
            Map<Subject, List<FunctionJvm.Run>> results = new LinkedHashMap<>();
            subjects.forEach(s -> results.put(s, new ArrayList<>()));
            for (int run = 1; run <= runs; run++) {
                // take turns, and swap who goes first each run, so drift and order hit all subjects alike
                List<Subject> order = new ArrayList<>(subjects);
                if (run % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Subject s : order) {
                    FunctionJvm.Run r = jvm.measure(s, events.get(s).bytes(), "run" + run, invokes);
                    results.get(s).add(r);
                    log(String.format(Locale.ROOT,
                            "run %d/%d %-28s init %5.0f ms (cpu %5.0f)  first %5.0f ms  cold %5.0f ms (cpu %5.0f)  invoke#%d %6.2f ms",
                            run, runs, s.name(), r.initMs(), r.initCpuMs(), r.firstMs(), r.coldMs(), r.coldCpuMs(),
                            invokes, r.lastMs()));
                }
            }
            String summary = new Summary(runs, invokes, jdk, flags(), load(), subjects, events, results).text();
            System.out.println();
            System.out.print(summary);
            Files.createDirectories(out.getParent());
            Files.writeString(out, summary);
            log("written   " + root.relativize(out));
            return summary;
        }
    }

    private List<Subject> subjects(LocalAws aws) {
        TemplateSubjects template = new TemplateSubjects(root, aws);
        List<Subject> subjects = new ArrayList<>();
        for (Subject s : template.all()) {
            if (only.isEmpty() || only.contains(s.name())) {
                subjects.add(withEnv(s));
            }
        }
        variants.forEach((name, spec) -> {
            String function = spec.substring(0, spec.indexOf(':'));
            Subject base = withEnv(template.of(function));
            String given = spec.substring(spec.indexOf(':') + 1);
            Path jar = given.equals("-") ? base.artifact() : root.resolve(given).normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--variant " + name + ": no artifact at " + jar);
            }
            subjects.add(base.with(name, jar, base.env(), variantJvmArgs.getOrDefault(name, List.of())));
        });
        Subject baseline = withEnv(template.plain(root.resolve("bench/target/plain-baseline.jar"),
                root.resolve("bench/events/plain-get-me.json"), aws.tableName(BenchData.DIRECTORY)));
        plainVariants.forEach((name, spec) -> {
            int colon = spec.lastIndexOf(':');
            subjects.add(baseline.withHandler(name, root.resolve(spec.substring(0, colon)).normalize(),
                    spec.substring(colon + 1)));
        });
        if (plain && (only.isEmpty() || only.contains("plain"))) {
            subjects.add(baseline);
        }
        for (Subject s : subjects) {
            if (!Files.isRegularFile(s.artifact())) {
                throw new IllegalArgumentException(s.name() + ": no artifact at " + s.artifact()
                        + " (build it: ./mvnw -B -q package -DskipTests, or bench/cold-start --rebuild)");
            }
        }
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("no subject: --only named none of template.yaml's functions");
        }
        return subjects;
    }

    private Subject withEnv(Subject s) {
        if (extraEnv.isEmpty()) {
            return s;
        }
        Map<String, String> env = new LinkedHashMap<>(s.env());
        env.putAll(extraEnv);
        return s.with(s.name(), s.artifact(), env, s.jvmArgs());
    }

    private String flags() {
        List<String> all = new ArrayList<>(JVM_FLAGS);
        all.addAll(jvmArgs);
        return String.join(" ", all);
    }

    /** The machine's load average when the runs ended: the figures are only comparable within one run. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String ricClasspath() throws IOException {
        if (!Files.isDirectory(ricDir)) {
            throw new IllegalArgumentException("no runtime interface client jars in " + ricDir
                    + " (./mvnw -B -q -pl bench package makes them)");
        }
        try (Stream<Path> jars = Files.list(ricDir)) {
            List<String> cp = jars.filter(f -> f.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
            if (cp.stream().noneMatch(j -> j.contains("runtime-interface-client"))) {
                throw new IllegalArgumentException("no aws-lambda-java-runtime-interface-client jar in " + ricDir);
            }
            return String.join(File.pathSeparator, cp);
        }
    }

    private String describeJava() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(javaCmd, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + javaCmd + ": " + e.getMessage());
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return prop(text, "java.vendor") + " " + prop(text, "java.runtime.version") + " at " + prop(text, "java.home");
    }

    private static String prop(String settings, String key) {
        for (String line : settings.split("\n")) {
            String t = line.trim();
            if (t.startsWith(key + " = ")) {
                return t.substring(key.length() + 3).trim();
            }
        }
        return "?";
    }

    private static void log(String line) {
        System.err.println(line);
    }
}
