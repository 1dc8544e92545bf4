package nl.spil.localkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reading the resolved properties of a template resource: maps, required strings, booleans, lists. */
final class TemplateProperties {

    private TemplateProperties() {
    }

    static Map<String, Object> map(Object value) {
        return Template.asMap(value, "property");
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Missing " + key + " in " + m);
        }
        return v.toString();
    }

    static boolean bool(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value, Function<Map<String, Object>, T> each) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException("Expected a list, got " + value);
        }
        List<T> out = new ArrayList<>();
        for (Object item : l) {
            out.add(each == null ? (T) item.toString() : each.apply(map(item)));
        }
        return out;
    }
}
