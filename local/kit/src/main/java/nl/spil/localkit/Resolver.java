package nl.spil.localkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions of a {@link Template} to plain values, the way CloudFormation
 * would in the local AWS: {@code Ref}, {@code GetAtt}, {@code Sub}, {@code Join}, {@code Select},
 * {@code Split}, {@code If} (with the template's Conditions), {@code Equals}/{@code Not}/{@code And}/
 * {@code Or}, {@code FindInMap}, {@code Base64}, {@code GetAZs}. {@code ImportValue}, {@code Cidr}
 * and {@code Transform} are refused.
 *
 * <p>A {@code Ref} to a parameter gives its value; to a pseudo parameter the local account's; to a
 * resource the physical id given to the constructor, or the logical id itself when the resource is
 * not created locally. {@code GetAtt} asks the attribute function, which may answer null; then
 * {@code Arn} is derived for tables and buckets and anything else resolves to
 * {@code "<logicalId>.<attribute>"}.
 */
public final class Resolver {

    /** Marks {@code !Ref AWS::NoValue}: the property is left out. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final Template template;
    private final Map<String, String> parameterValues;
    private final Map<String, String> physicalIds;
    private final BiFunction<String, String, String> attributes;
    private final Map<String, String> pseudo;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    /**
     * @param parameterValues value of each template parameter (those missing take their Default)
     * @param physicalIds     physical id of each resource created locally, by logical id
     * @param attributes      (logicalId, attribute) → value, or null when unknown
     */
    public Resolver(Template template, Map<String, String> parameterValues, Map<String, String> physicalIds,
                    BiFunction<String, String, String> attributes) {
        this.template = template;
        this.parameterValues = Map.copyOf(parameterValues);
        this.physicalIds = Map.copyOf(physicalIds);
        this.attributes = attributes;
        this.pseudo = Map.of(
                "AWS::Region", LocalAws.REGION,
                "AWS::AccountId", LocalAws.ACCOUNT_ID,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", LocalAws.STACK_NAME,
                "AWS::StackId", "arn:aws:cloudformation:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID
                        + ":stack/" + LocalAws.STACK_NAME + "/00000000-0000-0000-0000-000000000000");
    }

    /** The value of a parameter: the given one, else its Default; fails when it has neither. */
    public String parameter(String name) {
        String given = parameterValues.get(name);
        if (given != null) {
            return given;
        }
        Template.Parameter p = template.parameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("template.yaml has no parameter " + name);
        }
        if (p.defaultValue() == null) {
            throw new IllegalStateException("Parameter " + name + " has no Default and no test value");
        }
        return String.valueOf(p.defaultValue());
    }

    /** Resolves a value tree: intrinsics become strings (or lists), maps and lists are resolved inside. */
    public Object resolve(Object value) {
        if (value instanceof Cfn.Intrinsic intrinsic) {
            return resolveIntrinsic(intrinsic);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    /** Resolves to a string (numbers and booleans as text). */
    public String resolveString(Object value) {
        Object r = resolve(value);
        if (r instanceof Map || r instanceof List) {
            throw new IllegalArgumentException("Expected a string, got " + r);
        }
        return r == null || r == NO_VALUE ? null : String.valueOf(r);
    }

    /** The value of {@code !Ref name}. */
    public String ref(String name) {
        if (name.equals("AWS::NoValue")) {
            throw new IllegalArgumentException("AWS::NoValue has no string value");
        }
        String p = pseudo.get(name);
        if (p != null) {
            return p;
        }
        if (template.parameters().containsKey(name)) {
            return parameter(name);
        }
        String physical = physicalIds.get(name);
        if (physical != null) {
            return physical;
        }
        if (template.resources().containsKey(name)) {
            return name;
        }
        throw new IllegalArgumentException("!Ref " + name + ": no such parameter or resource in template.yaml");
    }

    /** The value of {@code !GetAtt resource.attribute}. */
    public String getAtt(String resource, String attribute) {
        String known = attributes == null ? null : attributes.apply(resource, attribute);
        if (known != null) {
            return known;
        }
        Template.Resource r = template.resource(resource);
        if (attribute.equals("Arn")) {
            if (Template.TABLE.equals(r.type())) {
                return "arn:aws:dynamodb:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":table/" + ref(resource);
            }
            if (Template.BUCKET.equals(r.type())) {
                return "arn:aws:s3:::" + ref(resource);
            }
        }
        return resource + "." + attribute;
    }

    private Object resolveIntrinsic(Cfn.Intrinsic intrinsic) {
        if (intrinsic instanceof Cfn.Ref ref) {
            return ref.name().equals("AWS::NoValue") ? NO_VALUE : ref(ref.name());
        }
        if (intrinsic instanceof Cfn.GetAtt att) {
            return getAtt(att.resource(), att.attribute());
        }
        if (intrinsic instanceof Cfn.Sub sub) {
            return sub(sub);
        }
        Cfn.Fn fn = (Cfn.Fn) intrinsic;
        Object arg = fn.argument();
        switch (fn.function()) {
            case "Fn::Join": {
                List<?> a = list(arg, 2, fn);
                Object items = resolve(a.get(1));
                List<String> parts = new ArrayList<>();
                for (Object item : list(items, -1, fn)) {
                    parts.add(String.valueOf(item));
                }
                return String.join(resolveString(a.get(0)), parts);
            }
            case "Fn::Select": {
                List<?> a = list(arg, 2, fn);
                int index = Integer.parseInt(resolveString(a.get(0)));
                return list(resolve(a.get(1)), -1, fn).get(index);
            }
            case "Fn::Split": {
                List<?> a = list(arg, 2, fn);
                return List.of(resolveString(a.get(1)).split(Pattern.quote(resolveString(a.get(0))), -1));
            }
            case "Fn::If": {
                List<?> a = list(arg, 3, fn);
                return resolve(condition(String.valueOf(a.get(0))) ? a.get(1) : a.get(2));
            }
            case "Fn::Equals":
            case "Fn::Not":
            case "Fn::And":
            case "Fn::Or":
            case "Condition":
                return evaluate(fn);
            case "Fn::FindInMap": {
                List<?> a = list(arg, -1, fn);
                Object top = Template.asMap(template.mappings().get(resolveString(a.get(0))), "Mappings." + a.get(0));
                Object second = Template.asMap(top, "Mappings").get(resolveString(a.get(1)));
                Object value = Template.asMap(second, "Mappings").get(resolveString(a.get(2)));
                if (value == null && a.size() > 3) {
                    value = Template.asMap(a.get(3), "FindInMap default").get("DefaultValue");
                }
                return resolve(value);
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(resolveString(arg).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs":
                return List.of(LocalAws.REGION + "a", LocalAws.REGION + "b", LocalAws.REGION + "c");
            default:
                throw new UnsupportedOperationException(fn.function() + " is not supported in the local AWS: " + fn);
        }
    }

    private String sub(Cfn.Sub sub) {
        Matcher m = SUB_VAR.matcher(sub.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            String name = m.group(2);
            if (!m.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else if (sub.variables().containsKey(name)) {
                replacement = resolveString(sub.variables().get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a condition of the template's Conditions section holds. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Object def = template.conditions().get(name);
        if (def == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        boolean value = evaluate(def);
        conditionCache.put(name, value);
        return value;
    }

    private boolean evaluate(Object condition) {
        if (condition instanceof Boolean b) {
            return b;
        }
        if (condition instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Condition")) {
            return condition(String.valueOf(m.get("Condition")));
        }
        if (!(condition instanceof Cfn.Fn fn)) {
            throw new IllegalArgumentException("Not a condition: " + condition);
        }
        switch (fn.function()) {
            case "Fn::Equals": {
                List<?> a = list(fn.argument(), 2, fn);
                return Objects.equals(resolveString(a.get(0)), resolveString(a.get(1)));
            }
            case "Fn::Not":
                return !evaluate(list(fn.argument(), 1, fn).get(0));
            case "Fn::And":
                for (Object c : list(fn.argument(), -1, fn)) {
                    if (!evaluate(c)) {
                        return false;
                    }
                }
                return true;
            case "Fn::Or":
                for (Object c : list(fn.argument(), -1, fn)) {
                    if (evaluate(c)) {
                        return true;
                    }
                }
                return false;
            case "Condition":
                return condition(String.valueOf(fn.argument()));
            default:
                throw new IllegalArgumentException("Not a condition function: " + fn);
        }
    }

    private static List<?> list(Object value, int size, Cfn.Fn fn) {
        if (value instanceof List<?> l && (size < 0 || l.size() == size)) {
            return l;
        }
        throw new IllegalArgumentException(fn.function() + " needs a list"
                + (size < 0 ? "" : " of " + size) + ", got " + value);
    }
}
