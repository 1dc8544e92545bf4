package nl.spil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The harness's one JSON mapper (events and answers; never inside a measured JVM). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
