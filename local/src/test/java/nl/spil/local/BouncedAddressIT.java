package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Repo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A bounce on the local cloud, end to end: SES reports on the default bus that mail to a new
 * colleague's address bounced for good; the notifier's feedback handler turns it into
 * {@code EmailBounced}, the directory marks the person, and the next e-mail to that address (Rita
 * logs a letter for them) is not sent but listed among the failed notifications with the reason.
 */
class BouncedAddressIT {

    @Test
    void afterAPermanentBounceThePersonIsMarkedAndTheirNextMailIsNotSent() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String olga = cloud.token("olga");
        String rita = cloud.token("rita");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "bo." + unique + "@example.org";
        String site = Json.read(RunningCloud.send("GET", "/sites", olga, null).body()).path("items").get(0).path("id").asText();
        HttpResponse<String> created = RunningCloud.send("POST", "/people", olga, """
                {"name":"Bo Terug %s","email":"%s","siteId":"%s","roles":["staff"],"language":"nl"}""".formatted(unique, email, site));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String personId = Json.read(created.body()).path("id").asText();

        // what SES puts on the default bus through the configuration set
        String bounce = Files.readString(Repo.path("events/notifier/ses-bounce.json"))
                .replace("Gone.For.Good@example.org", email)
                .replace("0102018e8a6f4c1d-7b3e5a90-1c2d-4e5f-8a9b-0c1d2e3f4a5b-000000", "feedback-" + unique);
        JsonNode event = Json.read(bounce);
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(cloud.eventBusEndpoint())
                .region(Region.of(LocalAws.REGION)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            var put = events.putEvents(b -> b.entries(e -> e.source(event.path("source").asText())
                    .detailType(event.path("detail-type").asText()).detail(event.path("detail").toString())));
            assertThat(put.failedEntryCount()).isZero();
        }

        JsonNode marked = eventually(() -> {
            JsonNode person = read(RunningCloud.send("GET", "/people/" + personId, olga, null));
            return person.path("mailUndeliverable").isObject() ? person : null;
        });
        assertThat(marked.path("mailUndeliverable").path("reason").asText()).isEqualTo("BOUNCE");

        HttpResponse<String> logged = RunningCloud.send("POST", "/mail", rita, """
                {"siteId":"%s","items":[{"kind":"letter","carrier":"postnl","sender":"Belastingdienst",
                 "recipient":{"personId":"%s"},"shelf":"C"}]}""".formatted(site, personId));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);

        JsonNode failed = eventually(() -> {
            for (JsonNode item : read(RunningCloud.send("GET", "/notifications?status=failed", olga, null)).path("items")) {
                if (email.equals(item.path("to").asText())) {
                    return item;
                }
            }
            return null;
        });
        assertThat(failed.path("lastError").asText()).contains("not sent: mail to this address bounced for good");
        assertThat(new Mail(cloud.aws()).messages()).noneMatch(m -> m.to().contains(email));
    }

    private static JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    /** What {@code find} answers once it answers something, within 90 s (the chain runs through two buses and the stream). */
    private static JsonNode eventually(ThrowingSupplier find) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = find.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within 90 s; see .local-cloud logs of the notifier and the directory");
    }

    private interface ThrowingSupplier {
        JsonNode get() throws Exception;
    }
}
