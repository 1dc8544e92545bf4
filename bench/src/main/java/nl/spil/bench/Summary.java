package nl.spil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one run: a line per figure and subject (so runs compare line by line), the per-run
 * values, and one Markdown table (what docs/performance.md shows). Every figure is the median over
 * the runs; ratios divide by the plain baseline measured in the same run.
 */
final class Summary {
    private final int runs;
    private final int invokes;
    private final String jdk;
    private final String flags;
    private final String load;
    private final List<Subject> subjects;
    private final Map<Subject, Subject.Candidate> events;
    private final Map<Subject, List<FunctionJvm.Run>> results;

    Summary(int runs, int invokes, String jdk, String flags, String load, List<Subject> subjects,
            Map<Subject, Subject.Candidate> events, Map<Subject, List<FunctionJvm.Run>> results) {
        this.runs = runs;
        this.invokes = invokes;
        this.jdk = jdk;
        this.flags = flags;
        this.load = load;
        this.subjects = subjects;
        this.events = events;
        this.results = results;
    }

    String text() {
        // the baseline itself, not one of its --plain-variant builds
        Subject base = subjects.stream().filter(s -> s.kind() == Subject.Kind.PLAIN)
                .min(Comparator.comparing(s -> !s.name().equals("plain"))).orElse(null);
        StringBuilder b = new StringBuilder();
        b.append("# cold start, median of ").append(runs).append(" fresh JVMs per subject, ").append(invokes)
                .append(" invokes each; ratio = subject / ").append(base == null ? "(no baseline)" : base.name()).append('\n');
        b.append("jdk ").append(jdk).append('\n');
        b.append("jvm_flags ").append(flags).append('\n');
        b.append("load_average ").append(load).append('\n');
        for (Subject s : subjects) {
            double cold = median(s, FunctionJvm.Run::coldMs);
            double warm = median(s, FunctionJvm.Run::lastMs);
            b.append(String.format(Locale.ROOT,
                    "%s init_ms=%.0f first_invoke_ms=%.0f cold_total_ms=%.0f ratio=%s init_cpu_ms=%.0f cold_total_cpu_ms=%.0f"
                            + " cpu_ratio=%s invoke_%d_ms=%.2f warm_ratio=%s invoke_last100_p50_ms=%.2f artifact_bytes=%d%n",
                    s.name(), median(s, FunctionJvm.Run::initMs), median(s, FunctionJvm.Run::firstMs), cold,
                    ratio(cold, base, FunctionJvm.Run::coldMs), median(s, FunctionJvm.Run::initCpuMs),
                    median(s, FunctionJvm.Run::coldCpuMs), ratio(median(s, FunctionJvm.Run::coldCpuMs), base,
                            FunctionJvm.Run::coldCpuMs), invokes, warm, ratio(warm, base, FunctionJvm.Run::lastMs),
                    median(s, FunctionJvm.Run::last100P50Ms), bytes(s)));
        }
        b.append('\n').append(table(base)).append('\n');
        b.append("# every run: init_ms first_invoke_ms cold_total_ms invoke_").append(invokes)
                .append("_ms invoke_last100_p50_ms init_cpu_ms cold_total_cpu_ms\n");
        for (Subject s : subjects) {
            List<FunctionJvm.Run> rs = results.get(s);
            for (int i = 0; i < rs.size(); i++) {
                FunctionJvm.Run r = rs.get(i);
                b.append(String.format(Locale.ROOT, "# %s run%d %.0f %.0f %.0f %.2f %.2f %.0f %.0f%n", s.name(), i + 1,
                        r.initMs(), r.firstMs(), r.coldMs(), r.lastMs(), r.last100P50Ms(), r.initCpuMs(), r.coldCpuMs()));
            }
        }
        return b.toString();
    }

    private String table(Subject base) {
        StringBuilder t = new StringBuilder();
        t.append("| function | trigger (event) | init ms | first answer ms | init + first | ratio | cpu ms (ratio) | ")
                .append("invoke ").append(invokes).append(" ms | artifact |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Subject s : subjects) {
            double cold = median(s, FunctionJvm.Run::coldMs);
            double cpu = median(s, FunctionJvm.Run::coldCpuMs);
            t.append(String.format(Locale.ROOT, "| %s | %s (%s) | %.0f | %.0f | %.0f | %s | %.0f (%s) | %.1f | %.1f MB |%n",
                    s.name(), s.kind().label(), events.get(s).source().replaceFirst("^events/", ""),
                    median(s, FunctionJvm.Run::initMs), median(s, FunctionJvm.Run::firstMs), cold,
                    ratio(cold, base, FunctionJvm.Run::coldMs), cpu, ratio(cpu, base, FunctionJvm.Run::coldCpuMs),
                    median(s, FunctionJvm.Run::lastMs), bytes(s) / 1e6));
        }
        return t.toString();
    }

    private double median(Subject s, ToDoubleFunction<FunctionJvm.Run> f) {
        return FunctionJvm.median(results.get(s).stream().mapToDouble(f).toArray());
    }

    private String ratio(double value, Subject base, ToDoubleFunction<FunctionJvm.Run> f) {
        if (base == null) {
            return "n/a";
        }
        double b = median(base, f);
        return b > 0 ? String.format(Locale.ROOT, "%.2f", value / b) : "n/a";
    }

    private static long bytes(Subject s) {
        try {
            return s.artifactBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
