package nl.spil.packaging;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Leaves out of a shaded function jar the AWS SDK classes its code can never reach, so that every
 * artifact stays small (quality.md: ≤ 12 MB). An SDK service module carries the model, marshaller,
 * paginator and waiter classes of every operation of the service (DynamoDB: 1,332 model classes;
 * Spil calls about ten operations); this keeps only those reachable from the function.
 *
 * <p>Reachability is read from the class files' constant pools (every class named, and every class
 * in a descriptor), starting from every class outside those SDK packages. Two kinds of SDK class
 * name every operation and are not followed: the client classes at a service's top level and its
 * endpoint rules. What the JVM needs of what they name is kept: each operation's request class
 * (the verifier loads it to check a call of the client's method; it is never initialised unless
 * called) and every modelled exception (the client registers them all when it is built). A request
 * that is reached for real brings its response and its marshaller.
 *
 * <p>OpenPDF and commons-io/-codec (under commons-csv) are treated the same way: kept where something
 * reaches them (an events jar that prints nothing loses the PDF library, and with it its fonts and
 * other files).
 *
 * <p>Also left out: {@code META-INF/versions/**}. A shaded jar is not a multi-release jar (its
 * manifest does not say so, and Lambda runs the unpacked directory), so those copies are never
 * loaded.
 *
 * <p>After writing, every {@code Default*Client} of the jar is loaded and initialised in a fresh
 * class loader, which verifies all its methods: a class it needs but that was left out fails the
 * build here rather than a function at run time.
 *
 * <p>Written here although ProGuard ({@link ShrinkJar}) runs after it: ProGuard keeps every
 * operation's model that the client's methods name, at the class level this rule is finer, and a
 * smaller input makes ProGuard faster.
 *
 * <p>Run by the build from the packaging module's classes, with the JDK alone.
 */
public final class SlimJar {

    private static final Pattern SDK_PRUNABLE = Pattern.compile(
            "software/amazon/awssdk/services/[^/]+/(model|transform|paginators|waiters)/.*"
                    + "|software/amazon/awssdk/services/dynamodb/streams/.*"
                    // libraries with no reflection of their own: kept where a function calls them
                    + "|com/lowagie/.*|org/apache/commons/io/.*|org/apache/commons/codec/.*");
    /**
     * Files no Spil function reads: OpenPDF's CMaps and descriptions of the CJK fonts. Spil prints
     * with the standard Type 1 fonts, and OpenPDF itself with the TrueType font it bundles
     * ({@code font-fallback/}, kept) for a character past Latin-1, such as the Š of Škoda.
     */
    private static final Pattern UNREAD_FILES = Pattern.compile(
            "com/lowagie/text/pdf/fonts/(.+\\.cmap|cmaps/.*|cjk\\w+\\.properties|cmap_info\\.txt"
                    + "|(KozMin|Heisei|STSong|MSung|MHei|HYGoThic|HYSMyeongJo)[\\w-]*\\.properties)");
    /** A library's files other than classes, left out with it when none of its classes is kept. */
    private static final Map<String, List<String>> LIBRARY_FILES = Map.of(
            "com/lowagie/", List.of("com/lowagie/", "font-fallback/")); // OpenPDF: fonts, hyphenation, messages
    private static final Pattern SDK_NAMES_EVERY_OPERATION = Pattern.compile(
            "software/amazon/awssdk/services/[^/]+/([^/]+|endpoints/.*)");
    private static final Pattern MODEL_REQUEST = Pattern.compile(
            "(software/amazon/awssdk/services/[^/]+)/model/(\\w+)Request");
    private static final Pattern MODEL_EXCEPTION = Pattern.compile(
            "software/amazon/awssdk/services/[^/]+/model/\\w+Exception");
    private static final Pattern DEFAULT_CLIENT = Pattern.compile(
            "software/amazon/awssdk/services/[^/]+/Default\\w+Client");

    /** What was left out of one jar. */
    public record Report(Path jar, long bytesBefore, long bytesAfter, int classes, int classesLeftOut, int otherEntriesLeftOut) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.1f MB -> %.1f MB (%,d of %,d classes and %,d other entries left out)",
                    jar.getFileName(), bytesBefore / 1e6, bytesAfter / 1e6, classesLeftOut, classes, otherEntriesLeftOut);
        }
    }

    private SlimJar() {
    }

    /**
     * {@code [--shrink <file with ProGuard's class path>] <jar>...}: slims each jar, then (with
     * {@code --shrink}) shrinks it with ProGuard ({@link ShrinkJar}).
     */
    public static void main(String[] args) throws IOException {
        List<Path> proguard = null;
        int first = 0;
        if (args.length >= 2 && args[0].equals("--shrink")) {
            proguard = Arrays.stream(Files.readString(Path.of(args[1])).trim().split(File.pathSeparator))
                    .map(Path::of).toList();
            first = 2;
        }
        if (args.length == first) {
            System.err.println("usage: SlimJar [--shrink <proguard class path file>] <shaded jar>...");
            System.exit(2);
        }
        for (String jar : Arrays.asList(args).subList(first, args.length)) {
            System.out.println("[slim-jar] " + slim(Path.of(jar)));
            if (proguard != null) {
                System.out.println("[slim-jar] " + ShrinkJar.shrink(Path.of(jar), proguard));
            }
        }
    }

    /** Rewrites the jar in place without its unreachable SDK classes, then checks its clients. */
    public static Report slim(Path jar) throws IOException {
        long before = Files.size(jar);
        Set<String> keep;
        int classes;
        int others = 0;
        Path slimmed = jar.resolveSibling(jar.getFileName() + ".slim");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, ZipEntry> byClass = classEntries(zip);
            classes = byClass.size();
            keep = reachable(zip, byClass);
            List<String> unusedFiles = unusedLibraryFiles(keep);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slimmed))) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.startsWith("META-INF/versions/") || UNREAD_FILES.matcher(name).matches()
                            || !name.endsWith(".class") && unusedFiles.stream().anyMatch(name::startsWith)) {
                        others++;
                        continue;
                    }
                    if (name.endsWith(".class") && byClass.containsKey(className(name)) && !keep.contains(className(name))) {
                        continue;
                    }
                    copy(zip, entry, out);
                }
            }
        }
        checkClients(slimmed);
        Files.move(slimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        return new Report(jar, before, Files.size(jar), classes, classes - keep.size(), others);
    }

    /** Where the files of the libraries none of whose classes is kept lie. */
    static List<String> unusedLibraryFiles(Set<String> keep) {
        return LIBRARY_FILES.entrySet().stream()
                .filter(library -> keep.stream().noneMatch(c -> c.startsWith(library.getKey())))
                .flatMap(library -> library.getValue().stream())
                .toList();
    }

    /** The classes to keep: everything reachable, as the class comment says. */
    static Set<String> reachable(ZipFile zip, Map<String, ZipEntry> byClass) throws IOException {
        Set<String> followed = new HashSet<>();
        Set<String> forTheVerifier = new HashSet<>();
        Deque<String> toFollow = new ArrayDeque<>();
        for (String name : byClass.keySet()) {
            if (!SDK_PRUNABLE.matcher(name).matches() || MODEL_EXCEPTION.matcher(name).matches()) {
                followed.add(name);
                toFollow.add(name);
            }
        }
        while (!toFollow.isEmpty()) {
            String from = toFollow.poll();
            boolean namesEveryOperation = SDK_NAMES_EVERY_OPERATION.matcher(from).matches();
            for (String to : ClassFiles.referencedClasses(ClassFiles.read(zip, byClass.get(from)))) {
                if (!byClass.containsKey(to) || followed.contains(to)) {
                    continue;
                }
                if (namesEveryOperation && SDK_PRUNABLE.matcher(to).matches()) {
                    if (MODEL_REQUEST.matcher(to).matches()) {
                        forTheVerifier.add(to);
                    }
                    continue;
                }
                follow(to, byClass, followed, toFollow);
                Matcher request = MODEL_REQUEST.matcher(to);
                if (request.matches()) {
                    follow(request.group(1) + "/model/" + request.group(2) + "Response", byClass, followed, toFollow);
                    follow(request.group(1) + "/transform/" + request.group(2) + "RequestMarshaller", byClass, followed, toFollow);
                }
            }
        }
        Set<String> keep = new HashSet<>(followed);
        keep.addAll(forTheVerifier);
        return keep;
    }

    private static void follow(String name, Map<String, ZipEntry> byClass, Set<String> followed, Deque<String> toFollow) {
        if (byClass.containsKey(name) && followed.add(name)) {
            toFollow.add(name);
        }
    }

    /** Builds every SDK client class of the jar in a fresh loader: verification fails on a class left out. */
    private static void checkClients(Path jar) throws IOException {
        List<String> clients;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            clients = classEntries(zip).keySet().stream()
                    .filter(n -> DEFAULT_CLIENT.matcher(n).matches())
                    .map(n -> n.replace('/', '.'))
                    .sorted()
                    .toList();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String client : clients) {
                try {
                    Class.forName(client, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException(jar.getFileName() + ": " + client + " does not load without the classes left out: " + e, e);
                }
            }
        }
    }

    private static Map<String, ZipEntry> classEntries(ZipFile zip) {
        Map<String, ZipEntry> byClass = new HashMap<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                byClass.put(className(name), entry);
            }
        }
        return byClass;
    }

    private static String className(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length());
    }


    private static void copy(ZipFile zip, ZipEntry entry, ZipOutputStream out) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }
}
