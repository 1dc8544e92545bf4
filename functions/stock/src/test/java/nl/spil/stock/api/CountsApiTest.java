package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/** Stock-takes: counted quantities, their differences booked once as count movements. */
class CountsApiTest {

    private final StockFunction fn = StockFunction.get();

    private String open(String site) {
        HttpAnswer opened = fn.send(StockFunction.event("open-count.json").header("idempotency-key", StockFunction.unique("c"))
                .body("{\"siteId\":\"" + site + "\"}"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().path("status").asText()).isEqualTo("open");
        return opened.json().path("id").asText();
    }

    private HttpAnswer count(String countId, String itemId, long counted) {
        return fn.send(StockFunction.event("record-count-line.json").pathParameter("id", countId).pathParameter("itemId", itemId)
                .path("/stock/counts/" + countId + "/lines/" + itemId).body("{\"counted\":" + counted + "}"));
    }

    private HttpAnswer close(String countId) {
        return fn.send(StockFunction.event("close-count.json").pathParameter("id", countId).path("/stock/counts/" + countId + "/close"));
    }

    @Test
    void closingBooksEachDifferenceOnceAsACountMovement() {
        String site = fn.site();
        String pens = fn.item(site, "PEN", 100, 10, 200, null).path("id").asText();
        String paper = fn.item(site, "PAPER", 5, 10, 40, null).path("id").asText();
        String mugs = fn.item(site, "MUG", 12, 0, 12, null).path("id").asText();
        String countId = open(site);

        HttpAnswer line = count(countId, pens, 97);
        assertThat(line.status()).as(line.toString()).isEqualTo(200);
        assertThat(line.json().path("difference").asLong()).isEqualTo(-3);
        assertThat(count(countId, paper, 20).json().path("difference").asLong()).isEqualTo(15);
        assertThat(count(countId, mugs, 12).json().path("difference").asLong()).isZero();
        assertThat(count(countId, paper, 21).json().path("difference").asLong()).isEqualTo(16); // counted again

        HttpAnswer shown = fn.send(StockFunction.event("get-count.json").pathParameter("id", countId).path("/stock/counts/" + countId));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(differences(shown.json())).isEqualTo(Map.of(pens, -3L, paper, 16L, mugs, 0L));

        HttpAnswer closed = close(countId);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
        assertThat(differences(closed.json())).isEqualTo(Map.of(pens, -3L, paper, 16L, mugs, 0L));
        assertThat(fn.getItem(pens).json().path("quantity").asLong()).isEqualTo(97);
        assertThat(fn.getItem(paper).json().path("quantity").asLong()).isEqualTo(21);
        assertThat(fn.getItem(paper).json().path("low").asBoolean()).isFalse(); // left the low-stock index
        assertThat(fn.ledgerSum(pens)).isEqualTo(97);
        assertThat(fn.ledgerSum(paper)).isEqualTo(21);
        assertThat(fn.ledgerSum(mugs)).isEqualTo(12);

        // closed twice: the same answer, nothing booked twice
        fn.move(pens, "use", 7);
        HttpAnswer again = close(countId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(differences(again.json())).isEqualTo(Map.of(pens, -3L, paper, 16L, mugs, 0L));
        assertThat(fn.getItem(pens).json().path("quantity").asLong()).isEqualTo(90);
        assertThat(fn.ledgerSum(pens)).isEqualTo(90);

        HttpAnswer late = count(countId, pens, 1);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("type").asText()).endsWith("/count-closed");
    }

    @Test
    void aCountTakesOnlyItemsOfItsSiteAndWholeNonNegativeNumbers() {
        String site = fn.site();
        String countId = open(site);
        String elsewhere = fn.item(fn.site(), "ELSEWHERE", 1, 0, 1, null).path("id").asText();
        assertThat(count(countId, elsewhere, 1).status()).isEqualTo(422);
        String here = fn.item(site, "HERE", 1, 0, 1, null).path("id").asText();
        for (String bad : new String[] {"-1", "1.5", "\"3\"", "null"}) {
            HttpEvent e = StockFunction.event("record-count-line.json").pathParameter("id", countId).pathParameter("itemId", here)
                    .path("/stock/counts/" + countId + "/lines/" + here).body("{\"counted\":" + bad + "}");
            HttpAnswer answer = fn.send(e);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.problemFields()).contains("counted");
        }
        assertThat(count("01JNOSUCHCOUNT000000000000", here, 1).status()).isEqualTo(404);
        assertThat(count(countId, "01JNOSUCHITEM0000000000000", 1).status()).isEqualTo(404);
        // an empty count closes without booking anything
        HttpAnswer closed = close(countId);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("lines").size()).isZero();
    }

    private static Map<String, Long> differences(JsonNode count) {
        Map<String, Long> out = new HashMap<>();
        count.path("lines").forEach(l -> out.put(l.path("itemId").asText(), l.path("difference").asLong()));
        return out;
    }
}
