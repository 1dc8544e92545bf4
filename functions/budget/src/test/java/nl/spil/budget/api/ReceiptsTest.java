package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receipts: uploaded to the files bucket through a pre-signed PUT, checked after upload (size and
 * first bytes) before anyone gets a link, and read through a short-lived pre-signed GET of exactly
 * the version that was checked. The local AWS does not refuse expired URLs, so their lifetime is
 * read from their parameters.
 */
class ReceiptsTest {

    private static final BudgetFunction FN = BudgetFunction.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static String cc;

    @BeforeAll
    static void costCentre() {
        cc = BudgetFunction.code("RE");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("catering", "Catering");
    }

    private static String expense() {
        return FN.expense(cc, "catering", "2027-03-05", 45_99).path("id").asText();
    }

    private static HttpAnswer askUpload(String id, String contentType, long size) {
        return FN.send(BudgetFunction.event("request-receipt-upload.json").pathParameter("id", id)
                .path("/expenses/" + id + "/receipt").body("{\"contentType\":\"" + contentType + "\",\"size\":" + size + "}"));
    }

    private static HttpAnswer receipt(String id) {
        return FN.send(BudgetFunction.event("get-receipt.json").pathParameter("id", id).path("/expenses/" + id + "/receipt"));
    }

    private static int upload(JsonNode upload, byte[] bytes) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) { // the client sets it from the body
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        Arrays.stream(URI.create(url).getRawQuery().split("&")).forEach(p -> {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), p.substring(eq + 1));
        });
        return out;
    }

    @Test
    void aPdfIsUploadedCheckedAndLinkedByTheVersionThatWasChecked() throws Exception {
        String id = expense();
        HttpAnswer asked = askUpload(id, "application/pdf", PDF.length);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        JsonNode upload = asked.json();
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(upload.path("headers").path("Content-Type").asText()).isEqualTo("application/pdf");
        assertThat(upload.path("maxBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        Map<String, String> params = query(upload.path("uploadUrl").asText());
        assertThat(params).containsEntry("X-Amz-Expires", "900");
        assertThat(params.get("X-Amz-SignedHeaders")).contains("content-type").contains("content-length");
        assertThat(URI.create(upload.path("uploadUrl").asText()).getPath()).endsWith("/budget/receipts/" + id);

        assertThat(receipt(id).json().path("type").asText()).endsWith("/no-receipt");
        assertThat(upload(upload, PDF)).isEqualTo(200);

        HttpAnswer linked = receipt(id);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(linked.json().path("size").asLong()).isEqualTo(PDF.length);
        String url = linked.json().path("url").asText();
        assertThat(query(url)).containsEntry("X-Amz-Expires", "300").containsKey("versionId");
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);

        JsonNode expense = FN.send(BudgetFunction.event("get-expense.json").pathParameter("id", id).path("/expenses/" + id)).json();
        assertThat(expense.path("receipt").path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(expense.path("amount").path("amountCents").asLong()).isEqualTo(45_99);
        assertThat(askUpload(id, "application/pdf", 10).status()).isEqualTo(409);

        // an upload to the same key afterwards (through an old URL) is not what the expense shows
        upload(upload, "%PDF-1.7 something else".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> still = HTTP.send(HttpRequest.newBuilder(URI.create(receipt(id).json().path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(still.body()).isEqualTo(PDF);
    }

    @Test
    void whatIsNotAPdfJpegOrPngAsAnnouncedIsRefusedAndDeleted() throws Exception {
        String html = expense();
        upload(askUpload(html, "image/png", 20).json(), "<html><script>x</script>".getBytes(StandardCharsets.US_ASCII));
        HttpAnswer refused = receipt(html);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).endsWith("/receipt-unknown-type");
        assertThat(receipt(html).json().path("type").asText()).endsWith("/no-receipt"); // deleted

        String mismatch = expense();
        upload(askUpload(mismatch, "image/png", PDF.length).json(), PDF);
        assertThat(receipt(mismatch).json().path("type").asText()).endsWith("/receipt-type-mismatch");

        String empty = expense();
        assertThat(askUpload(empty, "image/png", 0).problemFields()).containsExactly("size");
        assertThat(askUpload(empty, "image/png", 10L * 1024 * 1024 + 1).problemFields()).containsExactly("size");
        assertThat(askUpload(empty, "image/gif", 10).problemFields()).containsExactly("contentType");
        assertThat(askUpload("01JNOSUCHEXPENSE0000000000", "image/png", 10).status()).isEqualTo(404);
    }
}
