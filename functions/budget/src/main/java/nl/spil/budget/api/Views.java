package nl.spil.budget.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import nl.spil.budget.app.AttachingReceipts;
import nl.spil.budget.app.CorrectingExpenses;
import nl.spil.budget.app.Files;
import nl.spil.budget.app.SettingBudgets;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.BudgetReport;
import nl.spil.budget.domain.Category;
import nl.spil.budget.domain.CostCentre;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Figures;
import nl.spil.budget.domain.Phasing;
import nl.spil.budget.domain.ReceiptType;
import nl.spil.platform.money.Money;
import nl.spil.platform.time.Times;

/** The JSON the budget function answers with. Money is integer cents plus currency; percentages are basis points. */
final class Views {

    private Views() {
    }

    @Serdeable
    record MoneyView(long amountCents, String currency) {
        static MoneyView eur(long cents) {
            Money m = Money.eur(cents);
            return new MoneyView(m.amountCents(), m.currency());
        }
    }

    @Serdeable
    record CostCentreView(String code, String name, String ownerId, long version, String createdAt, String updatedAt) {
        static CostCentreView of(CostCentre c) {
            return new CostCentreView(c.code(), c.name(), c.ownerId(), c.version(), Times.text(c.createdAt()),
                    Times.text(c.updatedAt()));
        }
    }

    @Serdeable
    record CategoryView(String code, String name, String createdAt) {
        static CategoryView of(Category c) {
            return new CategoryView(c.code(), c.name(), Times.text(c.createdAt()));
        }
    }

    @Serdeable
    record PhasingView(MoneyView amount, List<MoneyView> months) {
        static PhasingView of(Phasing p) {
            return new PhasingView(MoneyView.eur(p.year()), p.months().toList().stream().map(MoneyView::eur).toList());
        }
    }

    @Serdeable
    record ChangeView(long version, String by, String at, @Nullable PhasingView before, PhasingView after) {
        static ChangeView of(BudgetChange c) {
            return new ChangeView(c.version(), c.by(), Times.text(c.at()), c.before().map(PhasingView::of).orElse(null),
                    PhasingView.of(c.after()));
        }
    }

    @Serdeable
    record BudgetView(String id, int year, String costCentre, String category, MoneyView amount, List<MoneyView> months,
                      long version, String updatedAt, String updatedBy, @Nullable List<ChangeView> history) {
        static BudgetView of(Budget b) {
            PhasingView p = PhasingView.of(b.phasing());
            return new BudgetView(b.id(), b.key().year(), b.key().costCentre(), b.key().category(), p.amount(), p.months(),
                    b.version(), Times.text(b.updatedAt()), b.updatedBy(), null);
        }

        static BudgetView of(SettingBudgets.BudgetInDetail d) {
            BudgetView v = of(d.budget());
            return new BudgetView(v.id, v.year, v.costCentre, v.category, v.amount, v.months, v.version, v.updatedAt, v.updatedBy,
                    d.history().stream().map(ChangeView::of).toList());
        }
    }

    @Serdeable
    record ReceiptView(String contentType, long size, String checkedAt) {
    }

    @Serdeable
    record ExpenseView(String id, String date, MoneyView amount, String supplier, String description, String costCentre,
                       String category, String source, @Nullable String orderId, @Nullable String reverses,
                       @Nullable String reversedBy, @Nullable String reason, String createdBy, String createdAt,
                       @Nullable ReceiptView receipt) {
        static ExpenseView of(Expense e) {
            return new ExpenseView(e.id(), e.date().toString(), MoneyView.eur(e.amountCents()), e.supplier(), e.description(),
                    e.costCentre(), e.category(), e.source().code(), e.orderId().orElse(null), e.reverses().orElse(null),
                    e.reversedBy().orElse(null), e.reason().orElse(null), e.createdBy(), Times.text(e.createdAt()),
                    e.receipt().map(r -> new ReceiptView(r.type().contentType(), r.size(), Times.text(r.checkedAt()))).orElse(null));
        }
    }

    @Serdeable
    record CorrectionView(ExpenseView reversal, @Nullable ExpenseView replacement) {
        static CorrectionView of(CorrectingExpenses.Corrected c) {
            return new CorrectionView(ExpenseView.of(c.reversal()), c.replacement().map(ExpenseView::of).orElse(null));
        }
    }

    @Serdeable
    record UploadView(String uploadUrl, String method, Map<String, String> headers, String expiresAt, long maxBytes) {
        static UploadView of(Files.Upload u) {
            return new UploadView(u.url(), "PUT", u.headers(), Times.text(u.expiresAt()),
                    ReceiptType.MAX_BYTES);
        }
    }

    @Serdeable
    record ReceiptLinkView(String url, String expiresAt, String contentType, long size) {
        static ReceiptLinkView of(AttachingReceipts.ReceiptLink l) {
            return new ReceiptLinkView(l.link().url(), Times.text(l.link().expiresAt()), l.receipt().type().contentType(),
                    l.receipt().size());
        }
    }

    @Serdeable
    record ForecastView(MoneyView runRate, MoneyView phasing) {
    }

    @Serdeable
    record FiguresView(MoneyView budgetYear, MoneyView budgetToDate, MoneyView actualToDate, MoneyView committed,
                       MoneyView available, MoneyView variance, @Nullable Long varianceBasisPoints,
                       @Nullable Long usedBasisPoints, ForecastView forecastYearEnd, String status) {
        static FiguresView of(Figures f) {
            return new FiguresView(MoneyView.eur(f.budgetYear()), MoneyView.eur(f.budgetToDate()), MoneyView.eur(f.actualToDate()),
                    MoneyView.eur(f.committed()), MoneyView.eur(f.available()), MoneyView.eur(f.variance()),
                    f.varianceBasisPoints().orElse(null), f.usedBasisPoints().orElse(null),
                    new ForecastView(MoneyView.eur(f.forecast().runRate()), MoneyView.eur(f.forecast().phasing())),
                    f.status().code());
        }
    }

    @Serdeable
    record LineView(String category, String categoryName, FiguresView figures) {
    }

    @Serdeable
    record CostCentreReportView(String code, String name, @Nullable String ownerId, List<LineView> categories, FiguresView total) {
    }

    @Serdeable
    record ReportView(int year, int month, String currency, List<CostCentreReportView> costCentres) {
        static ReportView of(BudgetReport r) {
            return new ReportView(r.year(), r.month(), Money.EUR, r.costCentres().stream()
                    .map(cc -> new CostCentreReportView(cc.code(), cc.name(), cc.ownerId().orElse(null),
                            cc.lines().stream().map(l -> new LineView(l.category(), l.categoryName(), FiguresView.of(l.figures()))).toList(),
                            FiguresView.of(cc.total())))
                    .toList());
        }
    }
}
