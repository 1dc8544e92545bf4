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
import nl.spil.localkit.Grants;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * Reads template.yaml: every function's policies are explicit statements (no SAM policy
 * templates, whose CRUD and Read grants include Scan) naming only resources the function uses
 * (its environment and its event sources), never "*"; DynamoDB only through item actions, never
 * Scan; writes only to its own table (TABLE_NAME), to the outbox only PutItem and
 * ConditionCheckItem, the directory only read by the functions that do not own it; and a function
 * without an authorizer (the public calendar feed) only reads.
 */
class LeastPrivilegeTest {

    private static final Set<String> ITEM_READS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
    private static final Set<String> ITEM_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:BatchWriteItem");
    private static final Set<String> OUTBOX_ADD = Set.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
    /**
     * Functions that also delete outbox items: the e-mails naming a visitor, sent or not, go when
     * the visitor's data is erased or past retention (GDPR), each found by its dedupe key.
     */
    private static final Set<String> ERASE_FROM_OUTBOX = Set.of("VisitorsFunction", "VisitorsPurgeFunction");
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private final Template template = Template.ofRepo();

    @Test
    void everyFunctionTouchesOnlyWhatItUses() {
        List<String> problems = new ArrayList<>();
        for (String fn : template.functions()) {
            Set<String> uses = new TreeSet<>();
            refs(template.environment(fn), uses);
            refs(template.events(fn), uses);
            for (Object policy : template.policies(fn)) {
                if (!(policy instanceof Map<?, ?> map) || map.size() != 1 || !map.containsKey("Statement")) {
                    problems.add(fn + ": policy " + policy + " is not an explicit statement list");
                    continue;
                }
                Set<String> named = new TreeSet<>();
                refs(map.get("Statement"), named);
                named.remove("AWS");
                for (String resource : named) {
                    if (!uses.contains(resource)) {
                        problems.add(fn + ": a statement names " + resource + ", which the function's environment and events do not use");
                    }
                }
                wildcards(fn, "Statement", map.get("Statement"), problems);
            }
        }
        assertThat(template.functions()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void dynamoDbOnlyThroughItemActionsWritesOnlyItsOwnTableAndOnlyAddsToTheOutbox() {
        List<String> problems = new ArrayList<>();
        Set<String> tables = template.resourcesOfType(Template.TABLE).keySet();
        for (String fn : template.functions()) {
            String own = template.environment(fn).get("TABLE_NAME") instanceof Cfn.Ref r ? r.name() : null;
            boolean isPublic = template.events(fn).values().stream().anyMatch(e -> String.valueOf(e).contains("Authorizer=NONE"));
            for (Grants.Grant g : Grants.of(template, fn)) {
                for (String action : g.actions()) {
                    if (!action.startsWith("dynamodb:")) {
                        continue;
                    }
                    if (!ITEM_READS.contains(action) && !ITEM_WRITES.contains(action)) {
                        problems.add(fn + ": " + action + " is not an item action (Scan, table or stream administration)");
                    }
                    for (String resource : g.resources()) {
                        String table = resource.split("/")[0];
                        if (!tables.contains(table) || !ITEM_WRITES.contains(action)) {
                            continue;
                        }
                        if (isPublic) {
                            problems.add(fn + ": a function without an authorizer may only read, not " + action);
                        } else if (table.equals("OutboxTable") && !table.equals(own) && !OUTBOX_ADD.contains(action)
                                && !(ERASE_FROM_OUTBOX.contains(fn) && action.equals("dynamodb:DeleteItem"))) {
                            problems.add(fn + ": only adds to the outbox, not " + action);
                        } else if (!table.equals(own) && !table.equals("OutboxTable")) {
                            problems.add(fn + ": writes only its own table (" + own + "), not " + action + " on " + table);
                        } else if (table.equals("OutboxTable") && table.equals(own)
                                && (action.equals("dynamodb:PutItem") || action.equals("dynamodb:DeleteItem"))) {
                            problems.add(fn + ": the notifier changes outbox items, it never adds or deletes them (" + action + ")");
                        }
                    }
                }
            }
        }
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
