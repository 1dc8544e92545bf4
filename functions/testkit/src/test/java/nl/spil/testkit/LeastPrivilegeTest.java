package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * Reads template.yaml: every function's policies name only resources that function uses (its
 * environment and its event sources), never "*", full CRUD only on its own table (TABLE_NAME),
 * and only policy templates whose scope is known to be narrow.
 */
class LeastPrivilegeTest {

    private static final Set<String> NARROW_TEMPLATES = Set.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy",
            "DynamoDBStreamReadPolicy", "SQSSendMessagePolicy", "EventBridgePutEventsPolicy", "S3ReadPolicy",
            "S3WritePolicy", "S3CrudPolicy", "Statement");
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private final Template template = Template.ofRepo();

    @Test
    void everyFunctionTouchesOnlyWhatItUses() {
        List<String> problems = new ArrayList<>();
        for (String fn : template.functions()) {
            Set<String> uses = new TreeSet<>();
            refs(template.environment(fn), uses);
            refs(template.events(fn), uses);
            String ownTable = template.environment(fn).get("TABLE_NAME") instanceof Cfn.Ref r ? r.name() : null;
            for (Object policy : template.policies(fn)) {
                if (!(policy instanceof Map<?, ?> map) || map.size() != 1) {
                    problems.add(fn + ": policy " + policy + " is not a single SAM policy template or statement list");
                    continue;
                }
                String kind = String.valueOf(map.keySet().iterator().next());
                Object body = map.values().iterator().next();
                if (!NARROW_TEMPLATES.contains(kind)) {
                    problems.add(fn + ": policy template " + kind + " is not on the narrow list");
                }
                Set<String> named = new TreeSet<>();
                refs(body, named);
                named.remove("AWS");
                for (String resource : named) {
                    if (!uses.contains(resource)) {
                        problems.add(fn + ": " + kind + " names " + resource + ", which the function's environment and events do not use");
                    }
                }
                if (kind.equals("DynamoDBCrudPolicy") && !named.equals(ownTable == null ? Set.of() : Set.of(ownTable))) {
                    problems.add(fn + ": full CRUD is only for its own table (TABLE_NAME=" + ownTable + "), not " + named);
                }
                wildcards(fn, kind, body, problems);
            }
        }
        assertThat(template.functions()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    private static void wildcards(String fn, String kind, Object node, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if ((key.equals("Resource") || key.equals("Action")) && containsStar(e.getValue())) {
                    problems.add(fn + ": " + kind + " has a wildcard " + key + ": " + e.getValue());
                }
                wildcards(fn, kind, e.getValue(), problems);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> wildcards(fn, kind, item, problems));
        }
    }

    private static boolean containsStar(Object value) {
        if (value instanceof String s) {
            return s.equals("*") || s.endsWith(":*");
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(LeastPrivilegeTest::containsStar);
        }
        return false;
    }

    /** Logical ids named through Ref, GetAtt or Sub anywhere under {@code node}. */
    static void refs(Object node, Set<String> out) {
        if (node instanceof Cfn.Ref ref) {
            if (!ref.name().startsWith("AWS::")) {
                out.add(ref.name());
            }
        } else if (node instanceof Cfn.GetAtt att) {
            out.add(att.resource());
        } else if (node instanceof Cfn.Sub sub) {
            Matcher m = SUB_VAR.matcher(sub.text());
            while (m.find()) {
                if (sub.variables() == null || !sub.variables().containsKey(m.group(1))) {
                    out.add(m.group(1));
                }
            }
            if (sub.variables() != null) {
                refs(sub.variables(), out);
            }
        } else if (node instanceof Cfn.Fn fn) {
            refs(fn.argument(), out);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> refs(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> refs(v, out));
        }
    }
}
