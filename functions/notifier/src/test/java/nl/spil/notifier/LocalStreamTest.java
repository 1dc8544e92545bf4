package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.spil.localkit.LocalAws;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.outbox.OutboxItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The outbox table's own stream in the local AWS, polled as the event source mapping does and fed
 * to the handler until it runs dry: the business functions' transactional puts arrive as INSERTs,
 * the notifier's own writes come back as MODIFY records and are ignored (no loop), and every
 * item ends DONE (sent once) or FAILED.
 */
class LocalStreamTest {

    private static final NotifierHarness H = NotifierHarness.get();

    @Test
    void theRealStreamDeliversEachItemOnceAndTheNotifiersOwnWritesDoNotLoop() {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String arn = H.aws.tables().streamArn("OutboxTable");
            var shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
            String shard = shards.get(shards.size() - 1).shardId();
            String[] iterator = {streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator()};

            List<OutboxItem> items = new ArrayList<>();
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String to = NotifierHarness.uniqueAddress("stream" + i);
                recipients.add(to);
                items.add(H.enqueue(NotifierHarness.message(to, Language.NL)));
            }
            String refused = NotifierHarness.uniqueAddress("stream-refused");
            H.faults.plan(refused, Faults.Fault.REJECT);
            items.add(H.enqueue(NotifierHarness.message(refused, Language.EN)));
            items.add(H.enqueueEvent("StockCounted", "{\"countId\":\"c-1\"}"));

            StreamHandler handler = new StreamHandler(H.notifier(Clock.systemUTC()));
            int records = 0;
            int inserts = 0;
            int modifies = 0;
            int emptyPolls = 0;
            for (int poll = 0; poll < 50 && emptyPolls < 2; poll++) {
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterator[0]));
                iterator[0] = page.nextShardIterator();
                List<Record> got = page.records();
                if (got.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                records += got.size();
                for (Record r : got) {
                    if (r.eventNameAsString().equals("INSERT")) {
                        inserts++;
                    } else if (r.eventNameAsString().equals("MODIFY")) {
                        modifies++;
                    }
                }
                StreamsEventResponse response = handler.handleRequest(event(got, arn), H.context(NotifierHarness.STREAM_FN));
                assertThat(response.getBatchItemFailures()).isEmpty();
            }

            assertThat(inserts).isGreaterThanOrEqualTo(items.size());
            assertThat(modifies).isGreaterThanOrEqualTo(2 * items.size()); // claim + outcome per item, nothing more follows
            assertThat(emptyPolls).as("the stream ran dry: no loop").isEqualTo(2);
            for (int i = 0; i < recipients.size(); i++) {
                assertThat(H.status(items.get(i).pk())).isEqualTo("DONE");
                assertThat(H.sentTo(recipients.get(i))).hasSize(1);
            }
            assertThat(H.status(items.get(4).pk())).isEqualTo("FAILED");
            assertThat(H.sentTo(refused)).isEmpty();
            assertThat(H.status(items.get(5).pk())).isEqualTo("DONE");
            System.out.printf("local stream: %d records (%d INSERT, %d MODIFY) for %d items%n", records, inserts,
                    modifies, items.size());
        }
    }

    /** Records as the Lambda event source mapping hands them over. */
    private static DynamodbEvent event(List<Record> records, String arn) {
        List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
        for (Record r : records) {
            DynamodbEvent.DynamodbStreamRecord e = new DynamodbEvent.DynamodbStreamRecord();
            e.setEventID(r.eventID());
            e.setEventName(r.eventNameAsString());
            e.setEventVersion(r.eventVersion());
            e.setEventSource("aws:dynamodb");
            e.setAwsRegion(LocalAws.REGION);
            e.setEventSourceARN(arn);
            StreamRecord s = new StreamRecord();
            s.setKeys(NotifierHarness.toEvents(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                s.setNewImage(NotifierHarness.toEvents(r.dynamodb().newImage()));
            }
            if (r.dynamodb().hasOldImage()) {
                s.setOldImage(NotifierHarness.toEvents(r.dynamodb().oldImage()));
            }
            s.setSequenceNumber(r.dynamodb().sequenceNumber());
            s.setSizeBytes(r.dynamodb().sizeBytes());
            s.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
            e.setDynamodb(s);
            out.add(e);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(out);
        return event;
    }
}
