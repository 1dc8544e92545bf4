package nl.spil.platform.metrics;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Outcomes as CloudWatch embedded metric format: one JSON line per record on standard output,
 * which Lambda sends to the function's log group, where CloudWatch Logs extracts the metric. No
 * API call and no IAM permission; the count arrives with the log line.
 *
 * <p>Each line is one EMF document (specification: "Specification: Embedded metric format",
 * CloudWatch user guide): {@code _aws.Timestamp} in epoch milliseconds, one MetricDirective with
 * namespace {@value #NAMESPACE}, the one dimension set {@code [["Function"]]} and the metric
 * with unit {@code Count}; the root holds the dimension's value (a string) and the metric's value
 * (a number). It must reach standard output itself, not Lambda's logger: with the template's
 * {@code LogFormat: JSON} the logger would wrap it in a "message" string, and nothing would be
 * extracted.
 */
public final class EmfOutcomes implements Outcomes {

    public static final String NAMESPACE = "Spil";
    public static final String DIMENSION = "Function";

    private final Consumer<String> lines;
    private final Clock clock;
    private final String function;

    public EmfOutcomes(Consumer<String> lines, Clock clock, String function) {
        this.lines = lines;
        this.clock = clock;
        this.function = plain(function);
    }

    /**
     * Lines to standard output (looked up at each record: Lambda's runtime client replaces it
     * before the handler loads), the function named by Lambda's AWS_LAMBDA_FUNCTION_NAME, else
     * {@code fallback} (a test or the local cloud).
     */
    public static EmfOutcomes toStandardOutput(String fallback) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        return new EmfOutcomes(EmfOutcomes::print, Clock.systemUTC(), name == null || name.isBlank() ? fallback : name);
    }

    @Override
    public void record(Outcome outcome, int count) {
        if (count > 0) {
            lines.accept(document(outcome.metricName(), count, clock.millis()));
        }
    }

    private String document(String metric, int count, long timestamp) {
        return "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[\"" + DIMENSION + "\"]],\"Metrics\":[{\"Name\":\"" + metric
                + "\",\"Unit\":\"Count\"}]}]},\"" + DIMENSION + "\":\"" + function + "\",\"" + metric + "\":" + count + "}";
    }

    private static void print(String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
    }

    /**
     * A Lambda function's name is letters, digits, hyphens and underscores; anything else (which
     * would need escaping in the JSON) becomes an underscore.
     */
    static String plain(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.chars().forEach(c -> b.append(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' ? (char) c : '_'));
        return b.toString();
    }
}
