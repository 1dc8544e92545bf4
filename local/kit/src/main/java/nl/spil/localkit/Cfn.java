package nl.spil.localkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * CloudFormation intrinsic functions as read from template.yaml, short form ({@code !Ref X}) and
 * long form ({@code {Ref: X}}, {@code {"Fn::GetAtt": [X, Arn]}}) alike.
 */
public final class Cfn {

    /** The short tags the template may use, without the {@code !}. */
    public static final Set<String> SHORT_TAGS = Set.of("Ref", "GetAtt", "Sub", "If", "Join", "Select",
            "Equals", "Not", "And", "Or", "FindInMap", "Split", "Base64", "Cidr", "ImportValue", "GetAZs",
            "Condition", "Transform", "Length", "ToJsonString");

    private Cfn() {
    }

    /** An intrinsic function call. */
    public sealed interface Intrinsic permits Ref, GetAtt, Sub, Fn {
    }

    /** {@code !Ref name}: a parameter, a pseudo parameter or a resource's physical id. */
    public record Ref(String name) implements Intrinsic {
        public Ref {
            Objects.requireNonNull(name, "Ref name");
        }
    }

    /** {@code !GetAtt resource.attribute}. */
    public record GetAtt(String resource, String attribute) implements Intrinsic {
    }

    /** {@code !Sub text} or {@code !Sub [text, {var: value}]}. */
    public record Sub(String text, Map<String, Object> variables) implements Intrinsic {
    }

    /**
     * Any other function: {@code function} is its long name ({@code Fn::Join}, {@code Fn::If},
     * {@code Condition}…), {@code argument} its YAML value (a string, list or map).
     */
    public record Fn(String function, Object argument) implements Intrinsic {
    }

    /** Builds the intrinsic for a short tag name ({@code "GetAtt"}) and its YAML value. */
    @SuppressWarnings("unchecked")
    public static Intrinsic of(String tag, Object value) {
        switch (tag) {
            case "Ref":
                return new Ref(String.valueOf(value));
            case "GetAtt":
                if (value instanceof String s) {
                    int dot = s.indexOf('.');
                    if (dot < 0) {
                        throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + s);
                    }
                    return new GetAtt(s.substring(0, dot), s.substring(dot + 1));
                }
                if (value instanceof List<?> l && l.size() == 2) {
                    return new GetAtt(String.valueOf(l.get(0)), String.valueOf(l.get(1)));
                }
                throw new IllegalArgumentException("!GetAtt needs Resource.Attribute or [Resource, Attribute], got " + value);
            case "Sub":
                if (value instanceof String s) {
                    return new Sub(s, Map.of());
                }
                if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String s
                        && l.get(1) instanceof Map<?, ?> m) {
                    return new Sub(s, new LinkedHashMap<>((Map<String, Object>) m));
                }
                throw new IllegalArgumentException("!Sub needs a string or [string, {variables}], got " + value);
            case "Condition":
                return new Fn("Condition", value);
            default:
                return new Fn("Fn::" + tag, value);
        }
    }

    /**
     * The intrinsic a long-form map stands for ({@code {Ref: X}}, {@code {"Fn::Sub": "…"}}), or null
     * when the map is plain data.
     */
    public static Intrinsic ofLongForm(Map<?, ?> map) {
        if (map.size() != 1) {
            return null;
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        if (!(only.getKey() instanceof String key)) {
            return null;
        }
        if (key.equals("Ref")) {
            return of("Ref", only.getValue());
        }
        if (key.startsWith("Fn::") && SHORT_TAGS.contains(key.substring(4))) {
            return of(key.substring(4), only.getValue());
        }
        return null;
    }
}
