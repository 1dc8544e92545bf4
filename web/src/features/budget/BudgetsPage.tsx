import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime, formatMoney, parseCents } from '../../i18n/format';
import { locale, useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import './budget.css';
import { BUDGET_KEYS, thisMonth, useBudgets, useCategories, useCostCentres, type Budget } from './data';
import { centsText, euro, monthCents, spreadEvenly, sum } from './money';
import { YearSelect } from './YearSelect';

/** A year's budgets per cost centre and category, each with its monthly phasing and the history of its changes. */
export default function BudgetsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(thisMonth().year);
  const budgets = useBudgets(year);
  const categories = useCategories();
  const [editing, setEditing] = useState<Budget | 'new' | null>(null);
  const [history, setHistory] = useState<Budget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const categoryName = (code: string) => categories.data?.find((c) => c.code === code)?.name ?? code;
  const label = (b: Budget) => `${b.costCentre} · ${categoryName(b.category)}`;
  return (
    <>
      <PageHeader title={t('budgets.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('budgets.add')}</Button>
      </PageHeader>
      <div className="card filters"><div className="filter-row"><YearSelect year={year} onChange={setYear} /></div></div>
      {notice && <Notice>{notice}</Notice>}
      <section className="card" aria-labelledby="budgets-list">
        <h2 id="budgets-list">{t('budgets.title')} {year}</h2>
        {budgets.isPending && <Loading />}
        {budgets.error instanceof ProblemError && <ProblemBanner problem={budgets.error.problem} />}
        {budgets.data?.length === 0 && <Empty>{t('budgets.none', { year })}</Empty>}
        {!!budgets.data?.length && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('budget.category')}</th>
                <th scope="col" className="num">{t('budgets.year')}</th><th scope="col" className="hide-phone">{t('budgets.phasing')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {budgets.data.map((b) => (
                  <tr key={b.id}>
                    <td><span className="muted small">{b.costCentre}</span><div>{categoryName(b.category)}</div></td>
                    <td className="num">{formatMoney(b.amount)}</td>
                    <td className="hide-phone"><Phasing months={b.months.map((m) => m.amountCents)} /></td>
                    <td className="row-actions">
                      <Button kind="link" onClick={() => { setNotice(null); setEditing(b); }}
                        aria-label={t('budgets.changeThis', { name: label(b) })}>{t('budgets.change')}</Button>
                      <Button kind="link" onClick={() => setHistory(b)}>{t('budgets.history')}</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {editing && <BudgetForm year={year} budget={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
        onSaved={(b, created) => {
          setEditing(null);
          setNotice(t(created ? 'budgets.set' : 'budgets.changed', { name: label(b) }));
        }} />}
      {history && <HistoryDialog budget={history} title={label(history)} onClose={() => setHistory(null)} />}
    </>
  );
}

/** Twelve little bars: how the year is spread over its months. */
function Phasing({ months }: { months: number[] }) {
  const max = Math.max(...months, 1);
  return (
    <span className="phasing" aria-hidden="true">
      {months.map((m, i) => <span key={i} style={{ height: `${Math.max(2, Math.round((m / max) * 100))}%` }} />)}
    </span>
  );
}

function monthNames(lang: 'nl' | 'en'): string[] {
  const f = new Intl.DateTimeFormat(locale(lang), { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2000, m, 1))));
}

function BudgetForm({ year, budget, onClose, onSaved }: {
  year: number;
  budget?: Budget;
  onClose: () => void;
  onSaved: (b: Budget, created: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const costCentres = useCostCentres();
  const categories = useCategories();
  const initialMonths = budget?.months.map((m) => m.amountCents);
  const phasedUnevenly = !!initialMonths && initialMonths.join() !== spreadEvenly(sum(initialMonths)).join();
  const f = useFields({
    year: String(budget?.year ?? year), costCentre: budget?.costCentre ?? '', category: budget?.category ?? '',
    amount: budget ? centsText(budget.amount.amountCents) : '', phasing: phasedUnevenly ? 'monthly' : 'even',
  });
  const [months, setMonths] = useState<string[]>(() => (initialMonths ?? Array(12).fill(0)).map((c) => (c ? centsText(c) : '')));
  const amountCents = parseCents(f.values.amount);
  const typed = monthCents(months, parseCents);
  const names = monthNames(lang);
  const action = useAction(async (input: { amount: number; months?: number[] }, key: string) => {
    const amount = euro(input.amount);
    const phasing = input.months?.map(euro);
    return budget
      ? call(api.PUT('/budgets/{id}', { params: { path: { id: budget.id } }, body: { amount, months: phasing, version: budget.version } }))
      : call(api.POST('/budgets', { params: { header: { 'Idempotency-Key': key } }, body: {
        year: Number(f.values.year), costCentre: f.values.costCentre, category: f.values.category, amount, months: phasing,
      } }));
  });
  return (
    <Dialog title={budget ? t('budgets.changeThis', { name: `${budget.costCentre} · ${budget.category}` }) : t('budgets.add')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        // an amount that is not one goes as -1, so the API names the field as it does every refusal
        const out = await action.submit({
          amount: amountCents ?? -1,
          months: f.values.phasing === 'monthly' ? typed.cents.map((c, m) => (typed.bad.includes(m) ? -1 : c)) : undefined,
        });
        if (out) {
          BUDGET_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          onSaved(out, !budget);
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['year', 'costCentre', 'category', 'amount', 'months']} />
        {!budget && (
          <div className="filter-row">
            <Field label={t('budget.year')} name="year" problem={action.problem} className="narrow">
              <input type="number" min={2000} max={2100} {...f.bind('year')} />
            </Field>
            <Field label={t('budget.costCentre')} name="costCentre" problem={action.problem}>
              <select {...f.bind('costCentre')} required>
                <option value="">{t('budget.choose')}</option>
                {(costCentres.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name}</option>)}
              </select>
            </Field>
            <Field label={t('budget.category')} name="category" problem={action.problem}>
              <select {...f.bind('category')} required>
                <option value="">{t('budget.choose')}</option>
                {(categories.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </Field>
          </div>
        )}
        <Field label={t('budgets.year')} name="amount" problem={action.problem} className="narrow">
          <input inputMode="decimal" {...f.bind('amount')} required autoComplete="off" placeholder="6000" />
        </Field>
        <fieldset className="segmented">
          <legend>{t('budgets.phasing')}</legend>
          {(['even', 'monthly'] as const).map((p) => (
            <label key={p} className={f.values.phasing === p ? 'checked' : ''}>
              <input type="radio" name="phasing" value={p} checked={f.values.phasing === p} onChange={() => {
                f.set('phasing', p);
                // starting from the even spread is what most people then adjust
                if (p === 'monthly' && amountCents !== null && sum(typed.cents) === 0) {
                  setMonths(spreadEvenly(amountCents).map((c) => centsText(c)));
                }
              }} />
              {t(p === 'even' ? 'budgets.even' : 'budgets.monthly')}
            </label>
          ))}
        </fieldset>
        {f.values.phasing === 'monthly' && (
          <>
            <div className="month-grid">
              {months.map((m, i) => (
                <Field key={i} label={names[i]} name={`months[${i}]`} problem={action.problem}>
                  <input inputMode="decimal" value={m} autoComplete="off"
                    aria-invalid={typed.bad.includes(i) || undefined}
                    onChange={(e) => setMonths(months.map((x, j) => (j === i ? e.target.value : x)))} />
                </Field>
              ))}
            </div>
            <p className="muted small" role="status">
              {amountCents !== null && sum(typed.cents) === amountCents && typed.bad.length === 0
                ? t('budgets.monthsMatch')
                : t('budgets.monthsSum', { sum: formatMoney(euro(sum(typed.cents))), amount: amountCents === null ? '–' : formatMoney(euro(amountCents)) })}
            </p>
          </>
        )}
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}

function HistoryDialog({ budget, title, onClose }: { budget: Budget; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const full = useQuery({
    queryKey: ['budget', budget.id, budget.version],
    queryFn: () => call(api.GET('/budgets/{id}', { params: { path: { id: budget.id } } })),
  });
  return (
    <Dialog title={`${t('budgets.history')}: ${title}`} open onClose={onClose}>
      {full.isPending && <Loading />}
      {full.error instanceof ProblemError && <ProblemBanner problem={full.error.problem} />}
      <ol className="plain-list history">
        {(full.data?.history ?? []).map((h) => (
          <li key={h.version}>
            <div className="muted small">{t('budgets.historyLine', { version: h.version, by: h.by, at: formatDateTime(h.at) })}</div>
            {h.before ? `${formatMoney(h.before.amount)} → ` : ''}<strong>{formatMoney(h.after.amount)}</strong>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
