package nl.spil.platform.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.time.Times;

/**
 * The one place where domain events become JSON and JSON becomes a consumer's event record.
 *
 * <p>A record's components are written in declaration order: text, whole numbers, booleans,
 * enums (by name), {@link Instant} (UTC, always with seconds), {@link LocalDate}, nested records
 * (so {@code Money} is {@code {"amountCents":1250,"currency":"EUR"}}), lists of those, and
 * {@link Optional} (left out when empty). Reading is the reverse, by the consumer's own record
 * type: unknown members are ignored (a producer may add fields), a missing member is an empty
 * Optional or an {@link IllegalArgumentException}.
 *
 * <p>Written by hand on jackson-core because the domain may carry no JSON annotations and
 * micronaut-serde binds only annotated types; records give all the shape we need by reflection.
 */
public final class EventJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventJson() {
    }

    /** The event's detail: its components as one JSON object. */
    public static String write(Record event) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeValue(json, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a detail into a record of the consumer's. */
    public static <R extends Record> R read(String detail, Class<R> type) {
        Object tree;
        try (JsonParser parser = JSON.createParser(detail)) {
            parser.nextToken();
            tree = readTree(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("event detail is not JSON: " + e.getMessage(), e);
        }
        return type.cast(bind(tree, type, type.getSimpleName()));
    }

    /**
     * Reads the detail of an EventBridge event into a record of the consumer's, the event as the
     * Lambda runtime hands it to a handler: already parsed into maps, lists, strings and numbers.
     *
     * @throws IllegalArgumentException when the event is not a {@code detailType} one, has no detail
     *         object, or its detail does not read into {@code type} (as {@link #read})
     */
    public static <R extends Record> R fromEventBridge(Map<String, ?> event, String detailType, Class<R> type) {
        Object actual = event == null ? null : event.get("detail-type");
        if (!detailType.equals(actual)) {
            throw new IllegalArgumentException("expected a " + detailType + " event, not " + actual);
        }
        if (!(event.get("detail") instanceof Map<?, ?> detail)) {
            throw new IllegalArgumentException("the " + detailType + " event has no detail object");
        }
        return type.cast(bind(tree(detail), type, type.getSimpleName()));
    }

    /** A parsed value in the shapes {@link #readTree} gives: objects, lists, text, longs, booleans. */
    private static Object tree(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((name, v) -> object.put(String.valueOf(name), tree(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            List<Object> array = new ArrayList<>();
            list.forEach(v -> array.add(tree(v)));
            return array;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException("a number in the event is too large: " + big);
            }
            return big.longValue();
        }
        if (value instanceof Number) {
            throw new IllegalArgumentException("events carry no fractions (money is in cents)");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("unexpected " + value.getClass().getSimpleName() + " in an event");
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (value instanceof Instant i) {
            json.writeString(Times.text(i));
        } else if (value instanceof LocalDate d) {
            json.writeString(d.toString());
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Record record) {
            json.writeStartObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object v = get(component, record);
                if (v instanceof Optional<?> o) {
                    if (o.isEmpty()) {
                        continue;
                    }
                    v = o.get();
                }
                json.writeFieldName(component.getName());
                writeValue(json, v);
            }
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException("an event may not carry a " + value.getClass().getName());
        }
    }

    private static Object get(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
        }
    }

    private static Object readTree(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IllegalArgumentException("event detail is empty");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, readTree(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readTree(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> throw new IllegalArgumentException("events carry no fractions (money is in cents)");
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + token + " in an event");
        }
    }

    private static Object bind(Object value, Type type, String path) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return value == null ? Optional.empty() : Optional.of(bind(value, argument(type), path));
        }
        if (value == null) {
            throw new IllegalArgumentException(path + " is missing");
        }
        try {
            if (raw == String.class) {
                return (String) value;
            }
            if (raw == long.class || raw == Long.class) {
                return (Long) value;
            }
            if (raw == int.class || raw == Integer.class) {
                return Math.toIntExact((Long) value);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return (Boolean) value;
            }
            if (raw == Instant.class) {
                return Instant.parse((String) value);
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse((String) value);
            }
            if (raw.isEnum()) {
                return enumValue(raw, (String) value);
            }
            if (raw == List.class) {
                List<Object> out = new ArrayList<>();
                int i = 0;
                for (Object element : (List<?>) value) {
                    out.add(bind(element, argument(type), path + "[" + i++ + "]"));
                }
                return List.copyOf(out);
            }
            if (raw.isRecord()) {
                return record(raw, (Map<?, ?>) value, path);
            }
        } catch (ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(path + " has the wrong type", e);
        }
        throw new IllegalArgumentException("an event record may not have a " + raw.getName() + " (" + path + ")");
    }

    private static Object record(Class<?> type, Map<?, ?> object, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = bind(object.get(components[i].getName()), components[i].getGenericType(),
                    path + "." + components[i].getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(path + " is invalid: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + name, e);
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException("an event's lists and optionals must say what they hold");
    }
}
