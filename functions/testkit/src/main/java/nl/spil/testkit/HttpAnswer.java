package nl.spil.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a function answered to an HTTP event: status, headers (case-insensitive) and body. */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpAnswer of(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> headers.putIfAbsent(k, String.join(",", v)));
        }
        String body = response.getBody();
        if (body != null && response.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new HttpAnswer(response.getStatusCode(), headers, body == null ? "" : body);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
        }
    }

    /** True for an RFC 9457 answer with the members Spil promises. */
    public boolean isProblem() {
        String type = header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return false;
        }
        JsonNode p = json();
        return p.path("type").isTextual() && p.path("title").isTextual() && p.path("status").asInt() == status
                && p.path("detail").isTextual() && p.path("errors").isArray();
    }

    /** The field names of a problem's errors[]. */
    public List<String> problemFields() {
        List<String> fields = new ArrayList<>();
        json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + headers.getOrDefault("Content-Type", "") + " " + body;
    }
}
