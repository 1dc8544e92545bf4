package nl.spil.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.spil.platform.dynamo.Attrs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

class NameIndexTest {

    private static NameIndex.Entry entry(String id, String name) {
        return new NameIndex.Entry(id, name, Optional.of("SITE1"), Optional.of("Finance"));
    }

    @Test
    void anEntryReadsBackAsWritten() {
        NameIndex.Entry full = entry("P1", "Anne van den Berg");
        NameIndex.Entry bare = new NameIndex.Entry("P2", "Sam", Optional.empty(), Optional.empty());
        Map<String, AttributeValue> item = new HashMap<>(NameIndex.shardKey(3));
        item.put("kind", Attrs.s(NameIndex.PK));
        item.put("@P1", Attrs.s(NameIndex.encode(full)));
        item.put("@P2", Attrs.s(NameIndex.encode(bare)));
        assertThat(NameIndex.read(item)).containsExactlyInAnyOrder(full, bare);
    }

    @Test
    void aNameCannotBreakTheEncoding() {
        NameIndex.Entry odd = new NameIndex.Entry("P3", "Odd\u001fName", Optional.of("S"), Optional.empty());
        assertThat(NameIndex.decode("P3", NameIndex.encode(odd)).name()).isEqualTo("Odd Name");
        assertThat(NameIndex.decode("P3", NameIndex.encode(odd)).siteId()).contains("S");
    }

    @Test
    void aPersonAlwaysLandsInTheSameShard() {
        assertThat(NameIndex.shardOf("01JABCDEFGHJKMNPQRSTVWXYZ0")).isEqualTo(NameIndex.shardOf("01JABCDEFGHJKMNPQRSTVWXYZ0"));
        Set<Integer> used = IntStream.range(0, 1000).mapToObj(i -> NameIndex.shardOf("01J" + i))
                .collect(Collectors.toSet());
        assertThat(used).hasSize(NameIndex.SHARDS).allMatch(s -> s >= 0 && s < NameIndex.SHARDS);
    }

    @Test
    void anImportTouchesEachShardOnceWhateverTheNumberOfPeople() {
        List<NameIndex.Entry> many = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            many.add(entry("01JPERSON" + i, "Person " + i));
        }
        List<TransactWriteItem> writes = NameIndex.writes("T", many, List.of("01JGONE"));
        Set<Map<String, AttributeValue>> keys = writes.stream().map(w -> w.update().key()).collect(Collectors.toSet());
        assertThat(writes).hasSizeLessThanOrEqualTo(NameIndex.SHARDS).hasSameSizeAs(keys);
        int sets = writes.stream().mapToInt(w -> (int) w.update().expressionAttributeValues().keySet().stream()
                .filter(k -> k.startsWith(":p")).count()).sum();
        assertThat(sets).isEqualTo(42);
        Update removal = writes.stream().map(TransactWriteItem::update)
                .filter(u -> u.key().equals(NameIndex.shardKey(NameIndex.shardOf("01JGONE")))).findFirst().orElseThrow();
        assertThat(removal.updateExpression()).contains(" REMOVE #r0");
        assertThat(removal.expressionAttributeNames()).containsEntry("#r0", "@01JGONE");
    }

    @Test
    void theWholeIndexAsShardItemsReadsBackAsTheEntries() {
        List<NameIndex.Entry> all = IntStream.range(0, 100).mapToObj(i -> entry("01JP" + i, "Person " + i)).toList();
        List<Map<String, AttributeValue>> shards = NameIndex.shardItems(all);
        assertThat(shards).hasSize(NameIndex.SHARDS);
        assertThat(shards.stream().flatMap(s -> NameIndex.read(s).stream())).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void oneRemovalIsOneUpdateWithoutConditions() {
        Update u = NameIndex.remove("T", "01JX").update();
        assertThat(u.key()).isEqualTo(NameIndex.shardKey(NameIndex.shardOf("01JX")));
        assertThat(u.updateExpression()).isEqualTo("SET kind = :kind REMOVE #r0");
        assertThat(u.conditionExpression()).isNull();
    }
}
