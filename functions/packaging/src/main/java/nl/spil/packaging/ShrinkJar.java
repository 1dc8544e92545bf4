package nl.spil.packaging;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Shrinks a function jar with ProGuard: leaves out the classes, methods and fields nothing in the
 * function reaches (Reactor's unused operators, the SDK's unused protocol and endpoint code,
 * Micronaut's unused parts), so that every artifact stays small (quality.md: ≤ 12 MB). Shrinking
 * only: no obfuscation and no optimisation, so stack traces, names and behaviour stay as written.
 *
 * <p>What is reached only by name is kept by rule, since a shrinker cannot see it:
 * <ul>
 *   <li>whole libraries that work by reflection or that the Lambda runtime shares ({@link #KEPT_WHOLE});
 *   <li>every class a {@code META-INF/services} file, an SDK {@code execution.interceptors} file,
 *       Jakarta Mail's provider and mailcap files or Micronaut's {@code META-INF/micronaut} index names;
 *   <li>Micronaut's generated classes (bean definitions, introspections, executable methods: their
 *       names start with {@code $}) and every annotation type;
 *   <li>every class whose name appears as a string in a class file (annotation metadata, {@code
 *       Class.forName}), so that a condition on its presence still holds;
 *   <li>every enum's {@code values()}/{@code valueOf} (EnumSet and valueOf call them by reflection)
 *       and every no-argument constructor and static {@code create()} of a kept class (the SDK's and
 *       Reactor's optional parts are made that way).
 * </ul>
 *
 * <p>Then it checks what it wrote: every class of the shrunk jar that links (all its members'
 * types resolve, its code verifies) in the jar as it was must link in the shrunk jar too, in a
 * fresh class loader, without initialising anything. A failure fails the build, not a function.
 *
 * <p>ProGuard runs in its own JVM on the class path the packaging module's build writes
 * ({@code target/proguard.classpath}), with the running JDK's modules as library, or those of a JDK
 * beside it when the running one has no {@code jmods} (some JDK 24+ builds); with none at all the
 * jar stays as it is, the build says so, and ShippedJarsIT fails on its size.
 */
public final class ShrinkJar {

    /** Libraries kept whole: they find their classes or members by name at run time. */
    static final List<String> KEPT_WHOLE = List.of(
            "nl.spil.**", // Spil's own code: small, and Micronaut's generated code calls into it
            "com.amazonaws.**", // the Lambda runtime reads events by reflection; its own jars share these packages
            "software.amazon.awssdk.utilslite.**", // shared with the runtime interface client beside the jar
            "org.joda.time.**", // the runtime reads stream events' dates with it, by reflection
            "org.slf4j.**", // providers found through a service file and by name
            "org.crac.**"); // SnapStart hooks: the runtime calls them by reflection

    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");

    /** What shrinking did to one jar. */
    public record Report(Path jar, long bytesBefore, long bytesAfter, int classesBefore, int classesAfter, String skipped) {
        @Override
        public String toString() {
            if (skipped != null) {
                return jar.getFileName() + ": not shrunk (" + skipped + ")";
            }
            return String.format(Locale.ROOT, "%s: %.1f MB -> %.1f MB by ProGuard (%,d of %,d classes kept)",
                    jar.getFileName(), bytesBefore / 1e6, bytesAfter / 1e6, classesAfter, classesBefore);
        }
    }

    private ShrinkJar() {
    }

    /** Rewrites the jar in place, shrunk; {@code proguard} is ProGuard's class path. */
    public static Report shrink(Path jar, List<Path> proguard) throws IOException {
        long before = Files.size(jar);
        List<Path> libraries = jdkModules();
        if (libraries.isEmpty()) {
            return new Report(jar, before, before, 0, 0, "this JDK has no jmods to shrink against: " + System.getProperty("java.home"));
        }
        // ProGuard writes a folder unless the output's name ends in .jar
        Path shrunk = jar.resolveSibling(jar.getFileName() + ".shrunk.jar");
        Path rules = jar.resolveSibling(jar.getFileName() + ".pro");
        Path log = jar.resolveSibling(jar.getFileName() + ".proguard.log");
        Files.deleteIfExists(shrunk);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Files.writeString(rules, rules(zip, jar, shrunk, libraries));
        }
        runProGuard(proguard, rules, log);
        Set<String> classesBefore = classNames(jar);
        Set<String> classesAfter = classNames(shrunk);
        checkLinking(jar, shrunk, classesAfter);
        Files.move(shrunk, jar, StandardCopyOption.REPLACE_EXISTING);
        return new Report(jar, before, Files.size(jar), classesBefore.size(), classesAfter.size(), null);
    }

    /** The ProGuard configuration for one jar, as the class comment says. */
    static String rules(ZipFile zip, Path in, Path out, List<Path> libraries) throws IOException {
        Set<String> classes = new HashSet<>();
        for (String name : classNames(zip)) {
            classes.add(name.replace('/', '.'));
        }
        StringBuilder pro = new StringBuilder();
        pro.append("-injars ").append(quoted(in)).append('\n');
        pro.append("-outjars ").append(quoted(out)).append('\n');
        for (Path library : libraries) {
            pro.append("-libraryjars ").append(quoted(library)).append("(!**.jar;!module-info.class)\n");
        }
        pro.append("""
                -dontobfuscate
                -dontoptimize
                -ignorewarnings
                -dontnote
                -dontwarn
                -keepattributes *
                -keepparameternames
                -keepdirectories
                -keep class **.$* { *; }
                -keep @interface * { *; }
                -keepclassmembers enum * { public static **[] values(); public static ** valueOf(java.lang.String); }
                -keepclassmembers class * { <init>(); public static *** create(); }
                """);
        for (String library : KEPT_WHOLE) {
            pro.append("-keep class ").append(library).append(" { *; }\n");
        }
        Set<String> inFiles = namedInFiles(zip, classes);
        for (String name : inFiles) {
            pro.append("-keep class ").append(name).append(" { *; }\n");
        }
        for (String name : namedInStrings(zip, classes)) {
            if (!inFiles.contains(name)) {
                pro.append("-keep class ").append(name).append('\n');
            }
        }
        return pro.toString();
    }

    /**
     * The classes of the jar whose names its class files hold as strings (Micronaut's annotation
     * metadata, {@code Class.forName}): kept, so that a condition on their presence still holds;
     * their members go where nothing calls them.
     */
    static Set<String> namedInStrings(ZipFile zip, Set<String> classes) throws IOException {
        Set<String> named = new TreeSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().endsWith(".class")) {
                for (String text : ClassFiles.pool(ClassFiles.read(zip, entry)).texts()) {
                    if (classes.contains(text)) {
                        named.add(text);
                    }
                }
            }
        }
        return named;
    }

    /** The classes of the jar named in its service, interceptor, mail and Micronaut index files: made by reflection. */
    static Set<String> namedInFiles(ZipFile zip, Set<String> classes) throws IOException {
        Set<String> named = new TreeSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            if (name.startsWith("META-INF/services/") || name.startsWith("META-INF/micronaut/")) {
                for (String part : name.split("/")) {
                    if (classes.contains(part)) {
                        named.add(part);
                    }
                }
                addClassNames(new String(ClassFiles.read(zip, entry), StandardCharsets.UTF_8), classes, named);
            } else if (name.endsWith("execution.interceptors") || name.startsWith("META-INF/javamail")
                    || name.startsWith("META-INF/mailcap")) {
                addClassNames(new String(ClassFiles.read(zip, entry), StandardCharsets.ISO_8859_1), classes, named);
            }
        }
        return named;
    }

    private static void addClassNames(String text, Set<String> classes, Set<String> named) {
        Matcher m = CLASS_NAME.matcher(text);
        while (m.find()) {
            if (classes.contains(m.group())) {
                named.add(m.group());
            }
        }
    }

    private static void runProGuard(List<Path> proguard, Path rules, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xss4m", "-cp",
                String.join(File.pathSeparator, proguard.stream().map(Path::toString).toList()),
                "proguard.ProGuard", "@" + rules);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ProGuard did not finish within 10 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ProGuard failed (exit " + process.exitValue() + "); see " + log + ":\n"
                    + tail(Files.readAllLines(log), 20));
        }
    }

    /**
     * Every class of the shrunk jar that links in the original must link in the shrunk one: its
     * fields', methods' and super types resolve and its code verifies (reflection on a class links
     * it; nothing is initialised). A class that did not link before (an optional part whose library
     * is absent) is not asked.
     */
    static void checkLinking(Path original, Path shrunk, Set<String> classes) throws IOException {
        Set<String> linkedBefore = linking(original, classes, true);
        Set<String> broken = linking(shrunk, linkedBefore, false);
        if (!broken.isEmpty()) {
            throw new IllegalStateException(shrunk.getFileName() + ": " + broken.size()
                    + " classes link in the jar but not once shrunk, e.g. " + tail(new ArrayList<>(broken), 5));
        }
    }

    /** Which of the classes link ({@code answerLinked}) or do not link. */
    private static Set<String> linking(Path jar, Set<String> classes, boolean answerLinked) throws IOException {
        Set<String> answer = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                boolean links;
                try {
                    Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
                    type.getDeclaredFields();
                    type.getDeclaredMethods();
                    type.getDeclaredConstructors();
                    links = true;
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    links = false;
                }
                if (links == answerLinked) {
                    answer.add(name);
                }
            }
        }
        return answer;
    }

    /**
     * The JDK's modules, ProGuard's library: what the function's classes call and extend. Those of
     * the running JDK; when it has none (some JDK 24+ builds ship without {@code jmods}), those of
     * another JDK installed beside it (the classes target Java 17, whose API every later JDK keeps).
     */
    static List<Path> jdkModules() throws IOException {
        Path home = Path.of(System.getProperty("java.home")).toAbsolutePath();
        Path jmods = home.resolve("jmods");
        if (!Files.isRegularFile(jmods.resolve("java.base.jmod")) && home.getParent() != null) {
            try (Stream<Path> jdks = Files.list(home.getParent())) {
                jmods = jdks.map(jdk -> jdk.resolve("jmods")).filter(j -> Files.isRegularFile(j.resolve("java.base.jmod")))
                        .sorted().findFirst().orElse(jmods);
            }
        }
        if (!Files.isDirectory(jmods)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(jmods)) {
            return files.filter(f -> f.toString().endsWith(".jmod")).sorted().toList();
        }
    }

    private static Set<String> classNames(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return classNames(zip);
        }
    }

    private static Set<String> classNames(ZipFile zip) {
        Set<String> names = new TreeSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                names.add(name.substring(0, name.length() - ".class".length()));
            }
        }
        return names;
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }

    private static String tail(List<String> lines, int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

}
