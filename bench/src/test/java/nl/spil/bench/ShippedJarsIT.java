package nl.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * The jar a test runs is the jar that ships: after the function modules have packaged, every function
 * of template.yaml is started from its CodeUri artifact with its Handler through the real runtime
 * interface client and must answer one of its events (an HTTP route 2xx, a schedule, stream or
 * EventBridge handler without an error), exactly as the cold-start benchmark finds its events
 * ({@code bench/cold-start --runs 0}). A jar whose routes went missing (e.g. a Micronaut AOT build that
 * precomputed the wrong bean list) answers 404 to every route and fails here.
 */
class ShippedJarsIT {

    @Test
    void everyFunctionOfTheTemplateAnswersFromItsShippedJarThroughTheRuntimeClient() throws Exception {
        Path root = Path.of(System.getProperty("spil.repo.root", "..")).toAbsolutePath().normalize();
        int functions = Template.load(root.resolve("template.yaml")).functions().size();

        String summary = new ColdStart().parse("--runs", "0", "--no-plain", "--root", root.toString()).run();

        assertThat(summary).contains("(" + functions + " subjects)");
    }
}
