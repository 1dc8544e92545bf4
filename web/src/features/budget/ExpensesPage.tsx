import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { all, call, type Schemas } from '../../api/client';
import { ProblemError, type Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatMoney, formatPlainDate, parseCents } from '../../i18n/format';
import { locale, useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { Badge, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { today } from '../bookings/time';
import { useSuppliers } from '../stock/data';
import { BUDGET_KEYS, thisMonth, useCategories, useCostCentres, type Expense } from './data';
import { centsText, euro } from './money';
import { ReceiptDialog, ReceiptLink } from './Receipt';
import { YearSelect } from './YearSelect';
import './budget.css';

type ExpenseInput = Schemas['ExpenseInput'];

/** A cost centre's expenses of a year or month: recorded by hand or from received orders, corrected by reversal, with receipts. */
export default function ExpensesPage() {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const costCentres = useCostCentres();
  const categories = useCategories();
  const now = thisMonth();
  const [year, setYear] = useState(now.year);
  const [month, setMonth] = useState<number | undefined>(now.month);
  const [chosen, setChosen] = useState('');
  const costCentre = chosen || costCentres.data?.[0]?.code || '';
  const expenses = useQuery({
    queryKey: ['expenses', costCentre, year, month ?? 0],
    enabled: !!costCentre,
    queryFn: () => all<Expense>((cursor) => call(api.GET('/expenses', {
      params: { query: { costCentre, year, month, limit: 200, cursor } },
    }))),
  });
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<Expense | null>(null);
  const [receiptFor, setReceiptFor] = useState<Expense | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const suppliers = useSuppliers();
  const categoryName = (code: string) => categories.data?.find((c) => c.code === code)?.name ?? code;
  // an order's expense names its supplier by id
  const supplierName = (x: Expense) => (x.source === 'purchase-order' ? suppliers.data?.find((s) => s.id === x.supplier)?.name : undefined) ?? x.supplier;
  const shown = [...(expenses.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeader title={t('expenses.title')}>
        <Button kind="primary" disabled={!costCentre} onClick={() => { setNotice(null); setAdding(true); }}>{t('expenses.add')}</Button>
      </PageHeader>
      <div className="card filters">
        <div className="filter-row">
          <Field label={t('budget.costCentre')} name="costCentre">
            <select value={costCentre} onChange={(e) => setChosen(e.target.value)}>
              {(costCentres.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name}</option>)}
            </select>
          </Field>
          <YearSelect year={year} onChange={setYear} />
          <Field label={t('expenses.month')} name="month">
            <select value={month ?? 0} onChange={(e) => setMonth(Number(e.target.value) || undefined)}>
              <option value={0}>{t('expenses.wholeMonth')}</option>
              {Array.from({ length: 12 }, (_, m) => (
                <option key={m} value={m + 1}>{new Intl.DateTimeFormat(locale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m, 1)))}</option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {costCentres.data?.length === 0 && <Empty>{t('budget.noCostCentres')}</Empty>}
      <section className="card" aria-labelledby="expenses-list">
        <h2 id="expenses-list">{t('expenses.title')} {costCentre}</h2>
        {(expenses.isPending && !!costCentre) && <Loading />}
        {expenses.error instanceof ProblemError && <ProblemBanner problem={expenses.error.problem} />}
        {expenses.data && shown.length === 0 && <Empty>{t('expenses.none')}</Empty>}
        {shown.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('expenses.date')}</th><th scope="col">{t('expenses.description')}</th>
                <th scope="col" className="hide-phone">{t('budget.category')}</th><th scope="col" className="num">{t('expenses.amount')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {shown.map((x) => (
                  <tr key={x.id}>
                    <td>{formatPlainDate(x.date)}</td>
                    <td>{x.description}<div className="muted small">{supplierName(x)}
                      {x.source !== 'manual' && <> <Badge>{t(`expenses.source.${x.source}`)}</Badge></>}
                      {x.reversedBy && <> <Badge tone="warn">{t('expenses.reversed')}</Badge></>}
                      {x.reason && <> · {x.reason}</>}</div></td>
                    <td className="hide-phone">{categoryName(x.category)}</td>
                    <td className="num">{formatMoney(x.amount)}</td>
                    <td className="row-actions">
                      {x.receipt
                        ? <ReceiptLink expense={x} />
                        : x.source === 'manual' && (
                          <Button kind="link" onClick={() => { setNotice(null); setReceiptFor(x); }}
                            aria-label={t('receipt.addFor', { name: x.description })}>{t('receipt.add')}</Button>
                        )}
                      {x.source !== 'reversal' && !x.reversedBy && (
                        <Button kind="link" onClick={() => { setNotice(null); setCorrecting(x); }}
                          aria-label={t('expenses.correctThis', { name: x.description })}>{t('expenses.correct')}</Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {adding && <ExpenseDialog costCentre={costCentre} onClose={() => setAdding(false)}
        onSaved={(x) => { setAdding(false); setNotice(t('expenses.recorded', { amount: formatMoney(x.amount) })); }} />}
      {correcting && <CorrectionDialog expense={correcting} onClose={() => setCorrecting(null)}
        onSaved={(replaced) => { setCorrecting(null); setNotice(t('expenses.corrected', { replaced: replaced ? t('expenses.replaced') : '' })); }} />}
      {receiptFor && <ReceiptDialog expense={receiptFor} onClose={() => setReceiptFor(null)}
        onDone={() => { setReceiptFor(null); setNotice(t('receipt.done')); }} />}
    </>
  );
}

type ExpenseValues = { date: string; amount: string; supplier: string; description: string; costCentre: string; category: string };

function initialValues(costCentre: string, from?: Expense): ExpenseValues {
  return {
    date: from?.date ?? today('Europe/Amsterdam'),
    amount: from ? centsText(from.amount.amountCents) : '',
    supplier: from?.supplier ?? '', description: from?.description ?? '',
    costCentre: from?.costCentre ?? costCentre, category: from?.category ?? '',
  };
}

function toInput(v: ExpenseValues): ExpenseInput {
  return {
    date: v.date, amount: euro(parseCents(v.amount) ?? -1), supplier: v.supplier.trim(), description: v.description.trim(),
    costCentre: v.costCentre, category: v.category,
  };
}

/** The fields of an expense; `prefix` names them as the API does inside a correction (replacement.amount…). */
function ExpenseFields({ f, problem, prefix = '' }: { f: ReturnType<typeof useFields<ExpenseValues>>; problem: Problem | null; prefix?: string }) {
  const { t } = useI18n();
  const costCentres = useCostCentres();
  const categories = useCategories();
  return (
    <>
      <div className="filter-row">
        <Field label={t('expenses.date')} name={`${prefix}date`} problem={problem}><input type="date" {...f.bind('date')} required /></Field>
        <Field label={t('expenses.amount')} name={`${prefix}amount`} problem={problem} className="narrow">
          <input inputMode="decimal" {...f.bind('amount')} required autoComplete="off" />
        </Field>
      </div>
      <div className="filter-row">
        <Field label={t('expenses.supplier')} name={`${prefix}supplier`} problem={problem}><input {...f.bind('supplier')} maxLength={200} required /></Field>
        <Field label={t('expenses.description')} name={`${prefix}description`} problem={problem}><input {...f.bind('description')} maxLength={500} required /></Field>
      </div>
      <div className="filter-row">
        <Field label={t('budget.costCentre')} name={`${prefix}costCentre`} problem={problem}>
          <select {...f.bind('costCentre')} required>
            {(costCentres.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name}</option>)}
          </select>
        </Field>
        <Field label={t('budget.category')} name={`${prefix}category`} problem={problem}>
          <select {...f.bind('category')} required>
            <option value="">{t('budget.choose')}</option>
            {(categories.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </Field>
      </div>
    </>
  );
}

function ExpenseDialog({ costCentre, onClose, onSaved }: { costCentre: string; onClose: () => void; onSaved: (x: Expense) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields(initialValues(costCentre));
  const action = useAction(async (body: ExpenseInput, key: string) =>
    call(api.POST('/expenses', { params: { header: { 'Idempotency-Key': key } }, body })));
  return (
    <Dialog title={t('expenses.add')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit(toInput(f.values));
        if (out) {
          BUDGET_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          onSaved(out);
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['date', 'amount', 'supplier', 'description', 'costCentre', 'category']} />
        <ExpenseFields f={f} problem={action.problem} />
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('expenses.add')} />
      </form>
    </Dialog>
  );
}

function CorrectionDialog({ expense, onClose, onSaved }: { expense: Expense; onClose: () => void; onSaved: (replaced: boolean) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields(initialValues(expense.costCentre, expense));
  const [reason, setReason] = useState('');
  const [replace, setReplace] = useState(true);
  const action = useAction(async (body: { reason: string; replacement?: ExpenseInput }, key: string) =>
    call(api.POST('/expenses/{id}/corrections', { params: { path: { id: expense.id }, header: { 'Idempotency-Key': key } }, body })));
  return (
    <Dialog title={t('expenses.correctThis', { name: expense.description })} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({ reason: reason.trim(), replacement: replace ? toInput(f.values) : undefined });
        if (out) {
          BUDGET_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          onSaved(!!out.replacement);
        }
      }}>
        <p className="muted">{t('expenses.correctExplain')}</p>
        <ProblemBanner problem={action.problem} shown={['reason', 'replacement']} />
        <Field label={t('expenses.reason')} name="reason" problem={action.problem}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
        </Field>
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {t('expenses.withReplacement')}
        </label>
        {replace && <ExpenseFields f={f} problem={action.problem} prefix="replacement." />}
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('expenses.correct')} />
      </form>
    </Dialog>
  );
}
