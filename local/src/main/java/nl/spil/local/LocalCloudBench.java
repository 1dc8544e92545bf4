package nl.spil.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.spil.localkit.Repo;

/**
 * {@code bench/local-cloud}: what the local cloud costs. Starts it (lazily as Lambda does, or
 * {@code --eager}), and prints the ready time, the memory of all its processes at rest, the first
 * GET /me (its function's JVM starting), then warm GET /me and a trivial local page, each on one
 * kept-alive connection and on a new connection per request, beside the duration the function
 * itself reports. Figures, not a test: nothing here passes or fails.
 */
public final class LocalCloudBench {

    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: \\S+ Duration: ([0-9.]+) ms");

    private LocalCloudBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean eager = false;
        boolean seed = true;
        int requests = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eager" -> eager = true;
                case "--no-seed" -> seed = false;
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("bench/local-cloud: options: --eager, --no-seed (the first GET /me then starts its function), --requests <n> (default 200)");
                    System.exit(2);
                }
            }
        }
        LocalCloud.Options defaults = LocalCloud.Options.defaults();
        ByteArrayOutputStream startLog = new ByteArrayOutputStream();
        LocalCloud.Options options = new LocalCloud.Options(0, seed, Repo.path("local/target/bench-local-cloud/logs"),
                defaults.runtimeDir(), new PrintStream(startLog, true), eager);
        List<String> lines = new ArrayList<>();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            lines.add(String.format(Locale.ROOT, "mode              %s%s, %d functions in template.yaml, load average %.1f",
                    eager ? "eager" : "lazy", seed ? "" : ", no demo data", cloud.template().functions().size(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            lines.add(String.format(Locale.ROOT, "ready             %.1f s", cloud.startup().toMillis() / 1000.0));
            Thread.sleep(3000);
            lines.add(String.format(Locale.ROOT, "rss at rest       %d MB (%s)", rssMegabytes(), processes()));
            String base = cloud.baseUrl().toString();
            String meFunction = cloud.apiRoutes().stream().filter(r -> r.path().equals("/me")).findFirst().orElseThrow().functionId();
            List<String> started = cloud.functions().values().stream().filter(f -> f.pid() > 0).map(LocalFunction::name).toList();
            String token = cloud.token("sam");
            HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long t = System.nanoTime();
            int status = get(keepAlive, base + "/me", token);
            lines.add(String.format(Locale.ROOT, "first GET /me     %.0f ms (status %d; %s)", (System.nanoTime() - t) / 1e6, status,
                    started.contains(meFunction) ? "its JVM was running" : "its JVM started for it"));
            for (int i = 0; i < 20; i++) {
                get(keepAlive, base + "/me", token); // warm-up
            }
            Path log = cloud.functions().get(meFunction).logFile();
            int reportsBefore = reports(log).size();
            double[] me = time(requests, () -> get(keepAlive, base + "/me", token));
            List<Double> reported = reports(log);
            double[] function = reported.subList(reportsBefore, reported.size()).stream().mapToDouble(Double::doubleValue).toArray();
            double[] meNew = time(requests / 4, () -> getNewConnection(base + "/me", token));
            double[] page = time(requests, () -> get(keepAlive, base + "/local/schedules", null));
            double[] pageNew = time(requests / 4, () -> getNewConnection(base + "/local/schedules", null));
            lines.add(String.format(Locale.ROOT, "warm GET /me      p50 %.1f ms, p90 %.1f ms (kept-alive, %d requests); new connection p50 %.1f ms",
                    percentile(me, 50), percentile(me, 90), requests, percentile(meNew, 50)));
            lines.add(String.format(Locale.ROOT, "  function says   p50 %.1f ms (REPORT Duration, runtime API to runtime API)", percentile(function, 50)));
            lines.add(String.format(Locale.ROOT, "GET /local/...    p50 %.1f ms kept-alive; new connection p50 %.1f ms",
                    percentile(page, 50), percentile(pageNew, 50)));
        }
        lines.forEach(System.out::println);
    }

    private interface Request {
        int send() throws Exception;
    }

    private static double[] time(int n, Request request) throws Exception {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            int status = request.send();
            out[i] = (System.nanoTime() - t) / 1e6;
            if (status >= 500) { // without demo data GET /me is a 404: still one read through the function
                throw new IllegalStateException("answered " + status);
            }
        }
        return out;
    }

    private static int get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int getNewConnection(String url, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Connection", "close");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        c.disconnect();
        return status;
    }

    private static List<Double> reports(Path log) throws IOException {
        List<Double> out = new ArrayList<>();
        Matcher m = REPORT.matcher(Files.readString(log));
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Resident memory of this JVM and every process it started (the local AWS, function JVMs). */
    private static long rssMegabytes() {
        return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(p -> rssKilobytes(p.pid())).sum() / 1024;
    }

    private static String processes() {
        return (1 + ProcessHandle.current().descendants().count()) + " processes";
    }

    private static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }
}
