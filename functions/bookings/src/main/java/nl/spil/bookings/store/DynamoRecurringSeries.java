package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.app.RecurringSeries;
import nl.spil.bookings.domain.Series;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Series on the bookings table ({@link SeriesItems}); their occurrences are bookings ({@link DynamoBookings}). */
@Singleton
public class DynamoRecurringSeries implements RecurringSeries {

    private final DynamoDbClient dynamo;
    private final BookingWrites writes;
    private final IdempotentCreates creates;
    private final Outbox outbox;

    public DynamoRecurringSeries(DynamoDbClient dynamo, Settings settings, IdempotentCreates creates, Outbox outbox) {
        this.dynamo = dynamo;
        this.writes = new BookingWrites(dynamo, settings.tableName());
        this.creates = creates;
        this.outbox = outbox;
    }

    @Override
    public Response add(Series series, Optional<EmailMessage> mail, CreateRequest request, Response answer,
                        Function<String, Optional<Response>> reread) {
        List<TransactWriteItem> all = new ArrayList<>();
        all.add(writes.put(SeriesItems.item(series), "attribute_not_exists(pk)", Map.of(), Map.of()));
        mail.ifPresent(m -> all.add(outbox.email(m, "bookings:series:" + series.id() + ":booked")));
        return creates.create(request, "bookings", new Plan(all, answer, series.id()),
                cancelled -> ProblemException.conflict("series-exists", "Series already booked",
                        "this series was booked before; its Idempotency-Key has expired"), reread);
    }

    @Override
    public Optional<Series> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(writes.table())
                .key(SeriesItems.key(id)).consistentRead(true).build()).item();
        return SeriesItems.isSeries(item) ? Optional.of(SeriesItems.series(item)) : Optional.empty();
    }

    @Override
    public boolean end(Series series, Optional<EmailMessage> mail) {
        List<TransactWriteItem> all = new ArrayList<>();
        all.add(TransactWriteItem.builder().update(Update.builder().tableName(writes.table()).key(SeriesItems.key(series.id()))
                .updateExpression("SET ended = :t")
                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(ended) OR ended = :f)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":f", AttributeValue.fromBool(false)))
                .build()).build());
        mail.ifPresent(m -> all.add(outbox.email(m, "bookings:series-ended:" + series.id())));
        try {
            writes.transact(all);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void forget(Series series) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(writes.table()).key(SeriesItems.key(series.id()))
                    .updateExpression("SET ended = :t, organiserEmail = :none")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":none", s("")))
                    .build());
        } catch (ConditionalCheckFailedException gone) {
            // expired meanwhile: nothing left to forget
        }
    }
}
