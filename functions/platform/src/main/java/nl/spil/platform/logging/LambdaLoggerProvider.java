package nl.spil.platform.logging;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J on top of Lambda's own logger. With the template's {@code LogFormat: JSON}, the runtime
 * writes every line as a JSON object with timestamp, level and the request id, and drops lines
 * below {@code ApplicationLogLevel} (it sets AWS_LAMBDA_LOG_LEVEL, which is honoured here too).
 * Outside Lambda (tests, the local cloud) the same logger prints plain lines to stdout.
 */
public final class LambdaLoggerProvider implements SLF4JServiceProvider {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private Level threshold = Level.INFO;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, n -> new LambdaSlf4jLogger(n, threshold(n)));
    }

    private Level threshold(String name) {
        // Frameworks speak up only when something is wrong.
        if (name.startsWith("io.micronaut") || name.startsWith("software.amazon") || name.startsWith("io.netty")) {
            return threshold.toInt() > Level.WARN.toInt() ? threshold : Level.WARN;
        }
        return threshold;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        String configured = System.getenv("AWS_LAMBDA_LOG_LEVEL");
        if (configured != null) {
            try {
                threshold = switch (configured.trim().toUpperCase(Locale.ROOT)) {
                    case "FATAL" -> Level.ERROR;
                    default -> Level.valueOf(configured.trim().toUpperCase(Locale.ROOT));
                };
            } catch (IllegalArgumentException e) {
                threshold = Level.INFO;
            }
        }
    }
}
