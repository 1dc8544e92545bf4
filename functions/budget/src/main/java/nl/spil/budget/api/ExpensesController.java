package nl.spil.budget.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import nl.spil.budget.api.Views.CorrectionView;
import nl.spil.budget.api.Views.ExpenseView;
import nl.spil.budget.api.Views.ReceiptLinkView;
import nl.spil.budget.api.Views.UploadView;
import nl.spil.budget.app.AttachingReceipts;
import nl.spil.budget.app.CorrectingExpenses;
import nl.spil.budget.app.NewExpense;
import nl.spil.budget.app.RecordingExpenses;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.ReceiptType;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Expenses: recorded, listed, corrected (never edited) and given a receipt, by the office manager. */
@Controller("/expenses")
public class ExpensesController {

    private final RecordingExpenses recording;
    private final CorrectingExpenses correcting;
    private final AttachingReceipts receipts;
    private final Json json;

    ExpensesController(RecordingExpenses recording, CorrectingExpenses correcting, AttachingReceipts receipts, Json json) {
        this.recording = recording;
        this.correcting = correcting;
        this.receipts = receipts;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> record(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        NewExpense wanted = BudgetRequests.expense(JsonBody.parse(body).only(BudgetRequests.EXPENSE_FIELDS));
        return Json.answer(recording.record(wanted, caller, Requests.create(caller, request, body),
                e -> json.created(ExpenseView.of(e), "/expenses/" + e.id())));
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    Page<ExpenseView> list(@Nullable @QueryValue String costCentre, @Nullable @QueryValue String year,
                               @Nullable @QueryValue String month, @Nullable @QueryValue String category,
                               @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Expense> page = recording.list(BudgetRequests.requiredCode(costCentre, "costCentre"), BudgetRequests.year(year, "year"),
                BudgetRequests.month(month), BudgetRequests.optionalCode(category, "category"), PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(ExpenseView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    ExpenseView get(String id) {
        return ExpenseView.of(recording.get(id));
    }

    @Post(uri = "/{id}/corrections", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> correct(Caller caller, String id, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("reason", "replacement");
        String reason = f.text("reason", 500);
        Optional<NewExpense> replacement = f.optionalObject("replacement")
                .map(r -> BudgetRequests.expense(r.only(BudgetRequests.EXPENSE_FIELDS)));
        f.done();
        return Json.answer(correcting.correct(id, reason, replacement, caller, Requests.create(caller, request, body),
                c -> json.created(CorrectionView.of(c), "/expenses/" + c.replacement().orElse(c.reversal()).id())));
    }

    @Post(uri = "/{id}/receipt", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    UploadView upload(String id, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("contentType", "size");
        ReceiptType type = f.oneOf("contentType", ReceiptType::ofContentType, "application/pdf, image/jpeg or image/png", true);
        Long size = f.integer("size", 1, ReceiptType.MAX_BYTES);
        f.done();
        return UploadView.of(receipts.upload(id, type, size));
    }

    @Get("/{id}/receipt")
    @Allow(Role.OFFICE_MANAGER)
    ReceiptLinkView receipt(String id) {
        return ReceiptLinkView.of(receipts.receipt(id));
    }
}
