package nl.spil.localkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the folder that holds {@code template.yaml}. */
public final class Repo {

    private Repo() {
    }

    /**
     * The repository root: system property {@code spil.repo.root} (surefire sets it from
     * {@code maven.multiModuleProjectDirectory}), else the nearest folder at or above the working
     * directory that holds {@code template.yaml}.
     *
     * @throws IllegalStateException when neither finds a folder with template.yaml
     */
    public static Path root() {
        String configured = System.getProperty("spil.repo.root");
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isRegularFile(root.resolve("template.yaml"))) {
                return root;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Spil repository: no template.yaml at or above "
                + Path.of("").toAbsolutePath() + " and system property spil.repo.root is "
                + (configured == null ? "not set" : "'" + configured + "'"));
    }

    /** A path inside the repository, e.g. {@code Repo.path("events")}. */
    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
