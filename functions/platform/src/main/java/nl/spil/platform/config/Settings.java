package nl.spil.platform.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration from the environment the template gives a function. A same-named JVM system
 * property is read when the variable is absent, which is how one test JVM plays a function's
 * environment; there is no other "local mode".
 */
public final class Settings {

    private final Function<String, String> env;

    public Settings(Function<String, String> env) {
        this.env = env;
    }

    public static Settings fromEnvironment() {
        return new Settings(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    public Optional<String> optional(String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; template.yaml must set it for this function"));
    }

    /** The function's own table. */
    public String tableName() {
        return require("TABLE_NAME");
    }

    public String outboxTable() {
        return require("OUTBOX_TABLE");
    }

    public String officeName() {
        return optional("OFFICE_NAME", "Spil");
    }
}
