package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.DirectoryItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * THE place that decides which items the measured functions find in the local AWS (whose tables are
 * template.yaml's, created by the kit). When a function reads something new on its measured path,
 * seed it here: a subject none of whose events gets a good answer fails the benchmark.
 *
 * <ul>
 *   <li>the plain baseline's {@code PERSON#bench}/{@code PERSON} with a {@code name}, in the
 *       DirectoryTable;</li>
 *   <li>one site, and every person an HTTP event signs in as (its JWT's e-mail, name and
 *       cognito:groups), written by the testkit's {@link DirectoryItems} in the directory's own item
 *       layout, so that "me" and every read of the caller finds them.</li>
 * </ul>
 */
final class BenchData {
    static final String DIRECTORY = "DirectoryTable";

    private BenchData() {
    }

    static List<String> seed(LocalAws aws, List<Subject> subjects) {
        String table = aws.tableName(DIRECTORY);
        List<String> described = new ArrayList<>();
        aws.dynamoDb().putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("PERSON#bench"), "sk", AttributeValue.fromS("PERSON"),
                "name", AttributeValue.fromS("Bench Person"))));
        described.add("PERSON#bench");
        DirectoryItems directory = new DirectoryItems(aws);
        String site = directory.site("Bench site", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        described.add("site " + site);
        Set<String> seen = new LinkedHashSet<>();
        for (Subject s : subjects) {
            if (!s.kind().http()) {
                continue;
            }
            for (Subject.Candidate c : s.candidates()) {
                JsonNode claims = c.json().at("/requestContext/authorizer/jwt/claims");
                String email = claims.path("email").asText("");
                if (email.isBlank() || !seen.add(email.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String name = claims.path("name").asText("").isBlank() ? "Bench Person" : claims.path("name").asText();
                directory.person(name, email, "en", site, groups(claims.path("cognito:groups")));
                described.add("person " + email);
            }
        }
        return described;
    }

    /** cognito:groups as API Gateway hands it over ("[a b]") or as a JSON list. */
    private static List<String> groups(JsonNode claim) {
        List<String> out = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(g -> out.add(g.asText()));
        } else if (claim.isTextual()) {
            for (String g : claim.asText().replace("[", " ").replace("]", " ").split("[\\s,]+")) {
                if (!g.isBlank()) {
                    out.add(g.trim());
                }
            }
        }
        return out.isEmpty() ? List.of("staff") : out;
    }
}
