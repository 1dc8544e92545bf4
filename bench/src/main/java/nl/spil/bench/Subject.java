package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One function to measure: {@code name=artifactJar:handlerClass:eventJsonFile}, paths relative to the
 * repository root.
 */
record Subject(String name, Path artifact, String handler, Path eventFile, byte[] eventBytes, JsonNode event) {

    static Subject parse(String spec, Path root) throws IOException {
        int eq = spec.indexOf('=');
        String[] parts = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":", -1);
        if (eq <= 0 || parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("a subject is name=artifactJar:handlerClass:eventJsonFile, not: " + spec);
        }
        String name = spec.substring(0, eq);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a subject name is letters, digits, '-', '_' or '.': " + name);
        }
        Path artifact = root.resolve(parts[0]).normalize();
        Path eventFile = root.resolve(parts[2]).normalize();
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalArgumentException("subject " + name + ": no artifact at " + artifact
                    + " (build it first; bench/cold-start builds the default ones)");
        }
        if (!Files.isRegularFile(eventFile)) {
            throw new IllegalArgumentException("subject " + name + ": no event file at " + eventFile);
        }
        byte[] bytes = Files.readAllBytes(eventFile);
        JsonNode event;
        try {
            event = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("subject " + name + ": " + eventFile + " is not JSON: " + e.getMessage());
        }
        return new Subject(name, artifact, parts[1], eventFile, bytes, event);
    }

    long artifactBytes() throws IOException {
        return Files.size(artifact);
    }
}
