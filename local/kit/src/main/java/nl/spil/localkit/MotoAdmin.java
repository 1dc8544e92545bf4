package nl.spil.localkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.spil.localkit.LocalAws.SentEmail;

/**
 * What the local AWS answers beside the AWS APIs, read over plain HTTP: moto's state dump and the
 * e-mails SES accepted ({@code /_spil/sent-mail}, served by {@code local/moto/serialized_moto.py}).
 */
final class MotoAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final URI endpoint;
    private HttpClient http;

    MotoAdmin(URI endpoint) {
        this.endpoint = endpoint;
    }

    private JsonNode getJson(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode());
            }
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    /** moto's state dump, {@code GET /moto-api/data.json}, parsed. */
    JsonNode motoData() {
        return getJson("/moto-api/data.json");
    }

    /** The e-mails SES accepted after the one numbered {@code seq}, oldest first: only what is new. */
    List<SentEmail> sentEmailsAfter(long seq) {
        JsonNode answer = getJson("/_spil/sent-mail?after=" + seq);
        List<SentEmail> out = new ArrayList<>();
        for (JsonNode m : answer.path("messages")) {
            out.add(new SentEmail(m.path("seq").asLong(), m.path("sentAt").asText(null), m.path("id").asText(null),
                    m.path("source").asText(null), addresses(m.path("destinations")), m.path("subject").asText(null),
                    m.path("body").asText(null), m.path("raw").asText(null)));
        }
        return out;
    }

    /**
     * The addresses of SES's destinations, each once: moto adds the MIME header's recipients
     * ({@code Sam de Vries <sam@example.org>}) to the envelope's ({@code sam@example.org}).
     */
    static List<String> addresses(JsonNode destinations) {
        Set<String> out = new LinkedHashSet<>();
        collect(destinations, out);
        return List.copyOf(out);
    }

    private static void collect(JsonNode destinations, Set<String> out) {
        if (destinations.isTextual()) {
            String text = destinations.asText().trim();
            int lt = text.lastIndexOf('<');
            int gt = text.lastIndexOf('>');
            out.add(lt >= 0 && gt > lt ? text.substring(lt + 1, gt).trim() : text);
        } else if (destinations.isContainerNode()) {
            destinations.forEach(d -> collect(d, out));
        }
    }
}
