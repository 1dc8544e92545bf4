package nl.spil.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {

    private static final String CCF = "ConditionalCheckFailed";
    private static final String NONE = "None";
    private static final String CONFLICT = "TransactionConflict";

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + Arrays.toString(codes))
                .cancellationReasons(Arrays.stream(codes)
                        .map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }

    @Test
    void conditionFailedLooksAtTheWriteOfTheGivenIndex() {
        TransactionCanceledException e = cancelled(NONE, CCF, NONE);

        assertThat(Transactions.conditionFailed(e, 0)).isFalse();
        assertThat(Transactions.conditionFailed(e, 1)).isTrue();
        assertThat(Transactions.conditionFailed(e, 2)).isFalse();
    }

    @Test
    void conditionFailedIsFalseBeyondTheReasonsOrWithoutThem() {
        assertThat(Transactions.conditionFailed(cancelled(CCF), 1)).isFalse();
        assertThat(Transactions.conditionFailed(cancelled(), 0)).isFalse();
        assertThat(Transactions.conditionFailed(TransactionCanceledException.builder().build(), 0)).isFalse();
    }

    @Test
    void conditionFailedIsFalseForOtherCodes() {
        TransactionCanceledException e = cancelled(CONFLICT, "ThrottlingError", "ValidationError");

        assertThat(Transactions.conditionFailed(e, 0)).isFalse();
        assertThat(Transactions.conditionFailed(e, 1)).isFalse();
        assertThat(Transactions.conditionFailed(e, 2)).isFalse();
    }

    @Test
    void onlyConditionsFailedWhenAtLeastOneConditionFailedAndTheRestAreNone() {
        assertThat(Transactions.onlyConditionsFailed(cancelled(CCF))).isTrue();
        assertThat(Transactions.onlyConditionsFailed(cancelled(NONE, CCF, NONE))).isTrue();
        assertThat(Transactions.onlyConditionsFailed(cancelled(CCF, CCF))).isTrue();
    }

    @Test
    void notOnlyConditionsWhenAConflictOrThrottlingIsAmongTheReasons() {
        assertThat(Transactions.onlyConditionsFailed(cancelled(CCF, CONFLICT))).isFalse();
        assertThat(Transactions.onlyConditionsFailed(cancelled(CONFLICT, CCF))).isFalse();
        assertThat(Transactions.onlyConditionsFailed(cancelled(NONE, "ThrottlingError", CCF))).isFalse();
        assertThat(Transactions.onlyConditionsFailed(cancelled(CCF, "ItemCollectionSizeLimitExceeded"))).isFalse();
    }

    @Test
    void notOnlyConditionsWhenNoConditionFailedAtAll() {
        assertThat(Transactions.onlyConditionsFailed(cancelled(NONE, NONE))).isFalse();
        assertThat(Transactions.onlyConditionsFailed(cancelled())).isFalse();
        assertThat(Transactions.onlyConditionsFailed(TransactionCanceledException.builder().build())).isFalse();
    }

    @Test
    void transactionConflictWhenAnyWriteConflicted() {
        assertThat(Transactions.transactionConflict(cancelled(NONE, CONFLICT))).isTrue();
        assertThat(Transactions.transactionConflict(cancelled(CONFLICT, CCF))).isTrue();
        assertThat(Transactions.transactionConflict(cancelled(CCF, NONE))).isFalse();
        assertThat(Transactions.transactionConflict(cancelled())).isFalse();
        assertThat(Transactions.transactionConflict(TransactionCanceledException.builder().build())).isFalse();
    }

    @Test
    void aCancellationShiftsTheAuthorsIndexPastThePlatformsWrites() {
        // write 0 is the platform's idempotency record; the author's writes start at 1
        Cancellation c = new Cancellation(cancelled(NONE, NONE, CCF), 1);

        assertThat(c.conditionFailed(0)).isFalse();
        assertThat(c.conditionFailed(1)).isTrue();
        assertThat(c.conditionFailed(2)).as("beyond the writes").isFalse();
    }

    @Test
    void aFailedPlatformWriteIsNotTheAuthorsFirstWrite() {
        Cancellation c = new Cancellation(cancelled(CCF, NONE), 1);

        assertThat(c.conditionFailed(0)).isFalse();
    }

    @Test
    void aCancellationWithoutOffsetReadsTheIndicesAsGiven() {
        Cancellation c = new Cancellation(cancelled(CCF, NONE), 0);

        assertThat(c.conditionFailed(0)).isTrue();
        assertThat(c.conditionFailed(1)).isFalse();
        assertThat(c.exception().cancellationReasons()).hasSize(2);
    }
}
