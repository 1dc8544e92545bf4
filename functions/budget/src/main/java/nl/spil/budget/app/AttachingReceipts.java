package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Receipt;
import nl.spil.budget.domain.ReceiptType;
import nl.spil.budget.domain.Refusal;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager attaches a receipt to an expense: the function hands out a pre-signed upload
 * (PDF, JPEG or PNG, at most 10 MB, 15 minutes), and the first time the receipt is asked for, what
 * arrived is checked (its size and its first bytes) before anyone gets a link to it. A file that
 * fails the check is deleted and the answer says why; one that passes is pinned by its version, so a
 * later upload to the same key is never what the expense shows.
 */
@Singleton
public class AttachingReceipts {

    static final Duration UPLOAD_VALID = Duration.ofMinutes(15);
    static final Duration LINK_VALID = Duration.ofMinutes(5);

    private final Ledger ledger;
    private final Files files;
    private final Clock clock;

    public AttachingReceipts(Ledger ledger, Files files, Clock clock) {
        this.ledger = ledger;
        this.files = files;
        this.clock = clock;
    }

    /** Where a receipt is kept: one per expense. */
    static String key(String expenseId) {
        return "budget/receipts/" + expenseId;
    }

    /** A checked receipt and a short-lived link to it. */
    public record ReceiptLink(Receipt receipt, Files.Link link) {
    }

    public Files.Upload upload(String expenseId, ReceiptType type, long size) {
        Expense expense = expense(expenseId);
        if (expense.receipt().isPresent()) {
            throw ProblemException.conflict("receipt-attached", "Receipt attached",
                    "expense " + expenseId + " has its receipt; a correction makes a new expense for another");
        }
        return files.upload(key(expenseId), type, size, UPLOAD_VALID);
    }

    public ReceiptLink receipt(String expenseId) {
        Expense expense = expense(expenseId);
        if (expense.receipt().isPresent()) {
            return linked(expense.receipt().get());
        }
        Files.Stored stored = files.inspect(key(expenseId)).orElseThrow(() -> new ProblemException(
                Problem.of(404, "no-receipt", "No receipt",
                        "no receipt was uploaded for expense " + expenseId + "; ask for an upload URL first")));
        ReceiptType type;
        try {
            type = ReceiptType.check(ReceiptType.ofContentType(stored.contentType()).orElse(null), stored.size(), stored.head());
        } catch (Refusal.Refused refused) {
            files.delete(key(expenseId), stored.versionId());
            throw Refusals.of(refused.refusal());
        }
        Receipt receipt = new Receipt(key(expenseId), stored.versionId(), type, stored.size(), clock.instant());
        if (!ledger.attachReceipt(expense, receipt)) {
            return linked(expense(expenseId).receipt().orElseThrow());
        }
        return linked(receipt);
    }

    private ReceiptLink linked(Receipt receipt) {
        return new ReceiptLink(receipt, files.link(receipt.key(), Optional.of(receipt.versionId()), LINK_VALID));
    }

    private Expense expense(String id) {
        return ledger.expense(id).orElseThrow(() -> ProblemException.notFound("expense", id));
    }
}
