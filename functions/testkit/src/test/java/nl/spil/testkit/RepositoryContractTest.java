package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/** Promises about the repository as a whole: events used, API documented. */
class RepositoryContractTest {

    @Test
    void everyEventFileIsUsedByATest() throws IOException {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repo.root())) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/"))
                    .forEach(p -> tests.append(read(p)));
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> events = Files.walk(Repo.path("events"))) {
            events.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                String name = p.getFileName().toString();
                if (!tests.toString().contains("\"" + name + "\"") && !tests.toString().contains("/" + name + "\"")) {
                    unused.add(Repo.root().relativize(p).toString());
                }
            });
        }
        assertThat(unused).as("events/ files no test loads").isEmpty();
    }

    @Test
    void everyRouteOfTheTemplateIsDocumentedAndEveryDocumentedRouteIsServed() {
        assertThat(RouteContract.undocumentedOrUnrouted(Template.ofRepo())).isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
