package nl.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * The jar a test runs is the jar that ships: after the function modules have packaged, every function
 * of template.yaml is started from its CodeUri artifact with its Handler through the real runtime
 * interface client and must answer one of its events (an HTTP route 2xx, a schedule, stream or
 * EventBridge handler without an error), exactly as the cold-start benchmark finds its events
 * ({@code bench/cold-start --runs 0}). A jar whose routes went missing (e.g. a Micronaut AOT build that
 * precomputed the wrong bean list) answers 404 to every route and fails here. And none is larger than
 * quality.md allows.
 */
class ShippedJarsIT {

    @Test
    void everyFunctionOfTheTemplateAnswersFromItsShippedJarThroughTheRuntimeClient() throws Exception {
        Path root = Path.of(System.getProperty("spil.repo.root", "..")).toAbsolutePath().normalize();
        int functions = Template.load(root.resolve("template.yaml")).functions().size();

        String summary = new ColdStart().parse("--runs", "0", "--no-plain", "--root", root.toString()).run();

        assertThat(summary).contains("(" + functions + " subjects)");
    }

    /** quality.md: every artifact at most 12 MB (decimal, as Lambda counts a deployment package). */
    @Test
    void everyShippedJarIsAtMost12MB() throws Exception {
        Path root = Path.of(System.getProperty("spil.repo.root", "..")).toAbsolutePath().normalize();
        Set<Path> jars = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve("template.yaml"))) {
            Matcher codeUri = CODE_URI.matcher(line);
            if (codeUri.find()) {
                jars.add(root.resolve(codeUri.group(1)));
            }
        }
        assertThat(jars).hasSizeGreaterThanOrEqualTo(14);
        for (Path jar : jars) {
            assertThat(Files.size(jar)).as(root.relativize(jar).toString()).isLessThanOrEqualTo(12_000_000L);
        }
    }

    private static final Pattern CODE_URI = Pattern.compile("^\\s*CodeUri:\\s*(functions/\\S+\\.jar)");
}
