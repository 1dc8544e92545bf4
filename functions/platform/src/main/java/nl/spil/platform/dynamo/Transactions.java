package nl.spil.platform.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads why a TransactWriteItems was cancelled, item by item. */
public final class Transactions {

    private Transactions() {
    }

    /** True when the i-th write of the transaction failed its condition. */
    public static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && index < reasons.size()
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** True when any write failed only because of a condition (not throttling or conflicts). */
    public static boolean onlyConditionsFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null || reasons.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (CancellationReason r : reasons) {
            String code = r.code();
            if ("ConditionalCheckFailed".equals(code)) {
                any = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return any;
    }

    /** Another transaction touched the same items at the same moment: safe to retry. */
    public static boolean transactionConflict(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }
}
