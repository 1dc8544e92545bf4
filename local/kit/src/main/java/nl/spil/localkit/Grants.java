package nl.spil.localkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's IAM statements from template.yaml, read as what a reviewer asks: which actions on
 * which resource. Resources are named by their logical id, an index as {@code Table/index/gsi1},
 * an object prefix as {@code Bucket/prefix/*}; anything else keeps its text.
 */
public final class Grants {

    private static final Pattern SUB_ARN = Pattern.compile("^\\$\\{([A-Za-z0-9]+)\\.Arn}(/.*)?$");

    /** One Allow statement. */
    public record Grant(String sid, Set<String> actions, Set<String> resources) {
    }

    private Grants() {
    }

    /** Every Allow statement of the function's policies; a policy that is not a statement list is an error. */
    public static List<Grant> of(Template template, String functionId) {
        List<Grant> grants = new ArrayList<>();
        for (Object policy : template.policies(functionId)) {
            if (!(policy instanceof Map<?, ?> map) || !(map.get("Statement") instanceof List<?> statements)) {
                throw new IllegalStateException(functionId + ": policy " + policy + " is not a Statement list");
            }
            for (Object s : statements) {
                Map<?, ?> statement = (Map<?, ?>) s;
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                grants.add(new Grant(String.valueOf(statement.get("Sid")), texts(statement.get("Action")),
                        resources(statement.get("Resource"))));
            }
        }
        return grants;
    }

    /** The actions the function may take on {@code resource} (a logical id, or {@code Table/index/name}). */
    public static Set<String> actionsOn(Template template, String functionId, String resource) {
        Set<String> actions = new TreeSet<>();
        for (Grant g : of(template, functionId)) {
            if (g.resources().contains(resource)) {
                actions.addAll(g.actions());
            }
        }
        return actions;
    }

    /** Every resource any statement of the function names. */
    public static Set<String> resources(Template template, String functionId) {
        Set<String> all = new TreeSet<>();
        of(template, functionId).forEach(g -> all.addAll(g.resources()));
        return all;
    }

    private static Set<String> texts(Object node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (node != null) {
            out.add(String.valueOf(node));
        }
        return out;
    }

    private static Set<String> resources(Object node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof List<?> list) {
            list.forEach(v -> out.addAll(resources(v)));
        } else if (node instanceof Cfn.GetAtt att) {
            out.add(att.resource());
        } else if (node instanceof Cfn.Ref ref) {
            out.add(ref.name());
        } else if (node instanceof Cfn.Sub sub) {
            Matcher m = SUB_ARN.matcher(sub.text());
            out.add(m.matches() ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) : sub.text());
        } else if (node != null) {
            out.add(String.valueOf(node));
        }
        return out;
    }
}
