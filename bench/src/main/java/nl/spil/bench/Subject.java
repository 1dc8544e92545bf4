package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One thing to start and invoke: a function of template.yaml (its CodeUri artifact, Handler and
 * environment) or the plain baseline, with the events it may be sent in order of preference. The
 * first event the function accepts (see {@link Kind#accepts}) is the one it is measured with.
 */
record Subject(String name, Kind kind, Path artifact, String handler, List<Candidate> candidates,
               Map<String, String> env, List<String> jvmArgs) {

    /** What invokes the function, and so what counts as a good answer. */
    enum Kind {
        /** An HttpApi route through the platform's HttpFunction: the answer must be 2xx with a body. */
        HTTP,
        /** An HttpApi route with a handler of its own (e.g. a calendar feed): any answer but a 5xx. */
        HTTP_OWN,
        SCHEDULE,
        STREAM,
        EVENTBRIDGE,
        /** The plain-Java baseline: 2xx with a body. */
        PLAIN;

        boolean http() {
            return this == HTTP || this == HTTP_OWN || this == PLAIN;
        }

        String label() {
            return switch (this) {
                case HTTP, HTTP_OWN -> "http";
                case SCHEDULE -> "schedule";
                case STREAM -> "stream";
                case EVENTBRIDGE -> "eventbridge";
                case PLAIN -> "baseline";
            };
        }

        /** Null when {@code answer} (what the handler posted as its response) is a good one. */
        String accepts(String answer) {
            if (!http()) {
                return null; // a non-HTTP handler has run when it posts a response rather than an error
            }
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(answer);
            } catch (IOException e) {
                return "the answer is not JSON (" + e.getMessage() + ")";
            }
            JsonNode status = parsed.path("statusCode");
            if (!status.isNumber()) {
                return "the answer has no statusCode";
            }
            int code = status.intValue();
            if (this == HTTP_OWN ? code >= 500 : code < 200 || code > 299) {
                return "statusCode is " + code + (this == HTTP_OWN ? "" : ", not 2xx");
            }
            JsonNode body = parsed.path("body");
            if (this != HTTP_OWN && (!body.isTextual() || body.asText().isEmpty())) {
                return "the answer has no body";
            }
            return null;
        }
    }

    /** An event the subject may be sent: where it comes from (a file, or the template) and its bytes. */
    record Candidate(String source, byte[] bytes) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage());
            }
        }
    }

    Subject with(String newName, Path newArtifact, Map<String, String> newEnv, List<String> newJvmArgs) {
        return new Subject(newName, kind, newArtifact, handler, candidates, newEnv, newJvmArgs);
    }

    /** The same subject from another artifact with another handler class (a variant of the plain baseline). */
    Subject withHandler(String newName, Path newArtifact, String newHandler) {
        return new Subject(newName, kind, newArtifact, newHandler, candidates, env, jvmArgs);
    }

    long artifactBytes() throws IOException {
        return Files.size(artifact);
    }
}
