package nl.spil.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.problem.ProblemException;

/**
 * Parses a request body into plain values (Map, List, String, BigDecimal, Boolean, null) with
 * strict rules: one JSON object, no duplicate keys, no trailing content, a size limit, a depth
 * limit. Fields are then read through {@link JsonFields}, which names every bad field at once.
 */
public final class JsonBody {

    public static final int DEFAULT_LIMIT_BYTES = 64 * 1024;
    private static final int MAX_DEPTH = 16;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBody() {
    }

    public static JsonFields parse(String body) {
        return parse(body, DEFAULT_LIMIT_BYTES);
    }

    public static JsonFields parse(String body, int limitBytes) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "a JSON object is required");
        }
        if (body.length() > limitBytes || body.getBytes(StandardCharsets.UTF_8).length > limitBytes) {
            throw ProblemException.tooLarge("the body is larger than " + limitBytes + " bytes");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("body", "must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) read(parser, first, 0, "");
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("body", "has content after the JSON object");
            }
            return new JsonFields("", root);
        } catch (JsonParseException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                throw ProblemException.badRequest("body", msg.replace('\'', '"'));
            }
            throw ProblemException.badRequest("body", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "could not be read as JSON");
        } catch (NumberFormatException e) {
            // Jackson throws this unchecked for a number it cannot hold, such as 1e99999999999
            throw ProblemException.badRequest("body", "has a number that cannot be read");
        }
    }

    /** Reads one value; {@code path} names it in an error ({@code lines[2].name}). */
    private static Object read(JsonParser parser, JsonToken token, int depth, String path) throws IOException {
        if (depth > MAX_DEPTH) {
            throw ProblemException.badRequest("body", "is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String field = path.isEmpty() ? name : path + "." + name;
                    if (!Text.isWellFormed(name)) {
                        throw ProblemException.badRequest(path.isEmpty() ? "body" : path, Text.NOT_WELL_FORMED);
                    }
                    map.put(name, read(parser, parser.nextToken(), depth + 1, field));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(parser, t, depth + 1, path + "[" + list.size() + "]"));
                }
                return list;
            }
            case VALUE_STRING: {
                String text = parser.getText();
                if (!Text.isWellFormed(text)) {
                    throw ProblemException.badRequest(path.isEmpty() ? "body" : path, Text.NOT_WELL_FORMED);
                }
                return text;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw ProblemException.badRequest("body", "is not valid JSON");
        }
    }

    static boolean isWholeNumber(Object value) {
        if (!(value instanceof BigDecimal d)) {
            return false;
        }
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
