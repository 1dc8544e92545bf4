package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Schedules, the DynamoDB stream and the event bus against a tiny test template (echo-template.yaml)
 * whose one function ({@link EchoHandler}, run through the real runtime client in its own JVM)
 * writes each event it gets to a file.
 */
class EventSourcesIT {

    private static LocalFunction echo;
    private static Path echoFile;
    private static Schedules schedules;
    private static Streams streams;
    private static EventBus bus;
    private static TemplateTables tables;
    private static Template template;
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        LocalAws aws = LocalAws.get();
        template = Template.parse(new String(EventSourcesIT.class.getResourceAsStream("/echo-template.yaml").readAllBytes()));
        tables = TemplateTables.create(template, aws.dynamoDb(), aws.s3(), aws.sesV2(), aws.secretsManager(), Map.of());
        echoFile = Files.createTempFile("spil-echo-", ".jsonl");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("ECHO_FILE", echoFile.toString());
        Path runtime = Path.of(System.getProperty("spil.local.runtime", Repo.path("local/target/lambda-runtime").toString()));
        echo = new LocalFunction("EchoFunction", Repo.path("local/target/test-classes"), template.handler("EchoFunction"),
                runtime, env, Files.createTempDirectory("spil-echo-logs").resolve("EchoFunction.log"), Duration.ofSeconds(10));
        echo.start();
        echo.awaitInit(Duration.ofSeconds(60));
        Map<String, LocalFunction> functions = Map.of("EchoFunction", echo);
        PrintStream out = new PrintStream(OUT, true);
        schedules = new Schedules(template, tables.resolver(), functions, out);
        streams = new Streams(template, tables.resolver(), functions, aws, out);
        bus = new EventBus(template, tables.resolver(), functions, out);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {bus, streams, schedules, echo}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // next
            }
        }
    }

    private static List<String> echoed() throws Exception {
        return Files.readAllLines(echoFile);
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    private static boolean echoedContains(String text) {
        try {
            return echoed().stream().anyMatch(l -> l.contains(text));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aScheduleFiredByHandGetsItsInputWithTheScheduledTime() {
        LocalFunction.Result r = schedules.fire("EchoFunction", "WorkingDayMorning");
        assertThat(r.error()).as(r.body()).isFalse();
        assertThat(r.body()).startsWith("{\"job\":\"reminder\",\"scheduledTime\":\"20").endsWith("Z\"}");
        assertThat(r.body()).doesNotContain("<aws.scheduler");
        assertThat(echoedContains("\"job\":\"reminder\"")).isTrue();
        assertThat(schedules.fire("EchoFunction", "NoSuchEvent")).isNull();
    }

    @Test
    void aScheduleFiredByHandAsIfAtAnotherTimeGetsThatTimeInItsZone() {
        // 08:00 in Amsterdam on 1 March 2027 (winter time) is 07:00 UTC
        assertThat(schedules.fire("EchoFunction", "WorkingDayMorning", "2027-03-01T08:00").body())
                .contains("\"scheduledTime\":\"2027-03-01T07:00:00Z\"");
        assertThat(schedules.fire("EchoFunction", "WorkingDayMorning", "2027-03-01T08:00+01:00").body())
                .contains("\"scheduledTime\":\"2027-03-01T07:00:00Z\"");
        // a '+' in a query string arrives as a space
        assertThat(schedules.fire("EchoFunction", "WorkingDayMorning", "2027-07-01T08:00 02:00").body())
                .contains("\"scheduledTime\":\"2027-07-01T06:00:00Z\"");
        assertThatThrownBy(() -> schedules.fire("EchoFunction", "WorkingDayMorning", "tomorrow at eight"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-03-01T08:00").hasMessageNotContaining("\n");
    }

    @Test
    void afterACancelledTransactionTheStreamGoesOnAndShowsNoneOfItsWrites() throws Exception {
        var db = LocalAws.get().dynamoDb();
        String table = tables.table("EchoTable");
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("held-1"))));
        eventually(() -> echoedContains("held-1"));
        // the second write's condition fails: the transaction is cancelled, moto rolls the table back
        assertThatThrownBy(() -> db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("phantom-1")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("held-1")))
                        .conditionExpression("attribute_not_exists(pk)")).build())))
                .isInstanceOf(TransactionCanceledException.class);
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("after-rollback-1"))));
        eventually(() -> echoedContains("after-rollback-1"));
        assertThat(echoedContains("after-rollback-1")).as("a write after the cancelled transaction reaches the function").isTrue();
        assertThat(echoedContains("phantom-1")).as("the cancelled write never does").isFalse();
    }

    @Test
    void theHttpApiPassesTheRawPathEncodedAndTheContextPathDecodedAsApiGatewayDoes() throws Exception {
        HttpApi api = new HttpApi(HttpApi.bind(0), List.of(new HttpApi.Route("GET", "/echo/{id}", "EchoFunction", "Get", null)),
                Map.of("EchoFunction", echo), null, x -> x.close());
        try (api) {
            var response = RunningCloud.HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + api.port() + "/echo/a%20b%23c%3Fd%2Fe")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Type")).hasSize(1);
            var event = Json.read(response.body());
            assertThat(event.path("rawPath").asText()).isEqualTo("/echo/a%20b%23c%3Fd%2Fe");
            assertThat(event.path("requestContext").path("http").path("path").asText()).isEqualTo("/echo/a b#c?d/e");
            assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a b#c?d/e");
            assertThat(event.path("routeKey").asText()).isEqualTo("GET /echo/{id}");
        }
    }

    @Test
    void aCronScheduleFiresAtItsLocalTimeInItsZoneAcrossTheDstChange() {
        Schedules.Schedule s = new Schedules.Schedule("F", "E", "cron(0 8 ? * MON-FRI *)", ZoneId.of("Europe/Amsterdam"), "{}", true);
        // Friday 2027-03-26 09:00 Amsterdam → Monday 2027-03-29 08:00 CEST (summer time began on the 28th)
        ZonedDateTime next = s.next(ZonedDateTime.of(2027, 3, 26, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))).orElseThrow();
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.getHour()).isEqualTo(8);
        assertThat(next.toInstant().toString()).isEqualTo("2027-03-29T06:00:00Z");
        Schedules.Schedule rate = new Schedules.Schedule("F", "E", "rate(5 minutes)", ZoneId.of("UTC"), "{}", true);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("UTC"));
        assertThat(rate.next(now)).hasValue(now.plusMinutes(5));
        assertThat(schedules.describe()).anySatisfy(line -> assertThat(line).contains("EchoFunction/WorkingDayMorning", "Europe/Amsterdam"));
    }

    @Test
    void insertsOnTheTableStreamReachTheFunctionAsADynamodbEventAndTheFilterKeepsOutTheRest() throws Exception {
        var db = LocalAws.get().dynamoDb();
        String table = tables.table("EchoTable");
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("outbox-1"), "n", AttributeValue.fromN("7"))));
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("outbox-1"), "n", AttributeValue.fromN("8"))));
        eventually(() -> echoedContains("outbox-1"));
        List<String> lines = echoed().stream().filter(l -> l.contains("outbox-1")).toList();
        assertThat(lines).hasSize(1);
        var event = Json.read(lines.get(0));
        var record = event.path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo(tables.streamArn("EchoTable"));
        assertThat(record.path("dynamodb").path("NewImage").path("n").path("N").asText()).isEqualTo("7");
        assertThat(record.path("dynamodb").path("Keys").path("pk").path("S").asText()).isEqualTo("outbox-1");
        Thread.sleep(1000); // the MODIFY was filtered out, not just late
        assertThat(echoed().stream().filter(l -> l.contains("outbox-1"))).hasSize(1);
    }

    @Test
    void eventsPutOnTheBusThroughTheSdkReachFunctionsWhoseRuleMatches() throws Exception {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(bus.endpoint())
                .region(Region.of(LocalAws.REGION)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            var response = events.putEvents(b -> b.entries(
                    e -> e.source("spil.bookings").detailType("BookingCreated").detail("{\"bookingId\":\"b-42\"}"),
                    e -> e.source("spil.stock").detailType("BookingCreated").detail("{\"bookingId\":\"b-43\"}")));
            assertThat(response.failedEntryCount()).isZero();
            assertThat(response.entries()).hasSize(2);
        }
        eventually(() -> echoedContains("b-42"));
        String line = echoed().stream().filter(l -> l.contains("b-42")).findFirst().orElseThrow();
        var event = Json.read(line);
        assertThat(event.path("detail-type").asText()).isEqualTo("BookingCreated");
        assertThat(event.path("source").asText()).isEqualTo("spil.bookings");
        assertThat(event.path("detail").path("bookingId").asText()).isEqualTo("b-42");
        Thread.sleep(500);
        // by the event's own field: "b-43" may also occur by chance inside an id (…b-43… in a UUID)
        assertThat(echoed().stream().map(Json::read).map(e -> e.path("detail").path("bookingId").asText()))
                .contains("b-42").doesNotContain("b-43");
    }

    @Test
    void aFunctionWhoseProcessDiedIsStartedAgainAndOneThatRunsPastItsTimeoutIsReplaced() throws Exception {
        Path runtime = Path.of(System.getProperty("spil.local.runtime", Repo.path("local/target/lambda-runtime").toString()));
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "ECHO_FILE", echoFile.toString());
        try (LocalFunction slow = new LocalFunction("SlowFunction", Repo.path("local/target/test-classes"),
                "nl.spil.local.EchoHandler", runtime, env, Files.createTempDirectory("spil-slow").resolve("SlowFunction.log"),
                Duration.ofSeconds(2))) {
            slow.start();
            slow.awaitInit(Duration.ofSeconds(60));
            long first = slow.pid();
            ProcessHandle victim = ProcessHandle.of(first).orElseThrow();
            victim.destroyForcibly();
            victim.onExit().get();
            LocalFunction.Result again = slow.invoke("{\"after\":\"crash\"}");
            assertThat(again.error()).as(again.body()).isFalse();
            assertThat(slow.pid()).isNotEqualTo(first).isPositive();

            LocalFunction.Result late = slow.invoke("{\"sleepMillis\":6000}");
            assertThat(late.error()).isTrue();
            assertThat(late.body()).contains("Task timed out after 2 seconds");
            assertThat(slow.invoke("{\"after\":\"timeout\"}").error()).isFalse();
            assertThat(Files.readString(slow.logFile())).contains("TIMEOUT RequestId:", "REPORT RequestId:");
        }
    }
}
