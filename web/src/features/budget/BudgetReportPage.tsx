import { lazy, Suspense, useState } from 'react';
import { call } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatMoney } from '../../i18n/format';
import { locale, useI18n } from '../../i18n/i18n';
import { Badge, Button, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { saveFile } from '../../ui/download';
import { useAction } from '../../ui/useAction';
import { thisMonth, useBudgetReport, type Figures, type Report } from './data';
import { csvFileName, percent, reportMonth } from './money';
import { MonthSelect, YearSelect } from './YearSelect';
import './budget.css';

// Chart.js comes with the chart, not with the first page
const BudgetChart = lazy(() => import('./BudgetChart'));

type CostCentreReport = Report['costCentres'][number];

export const STATUS_TONE = { ok: 'good', watch: 'warn', over: 'bad' } as const;

/** Management's and the office manager's report: per cost centre and category, budget against actual, committed and forecast. */
export default function BudgetReportPage() {
  const { t, lang } = useI18n();
  const now = thisMonth();
  const [year, setYear] = useState(now.year);
  const [month, setMonth] = useState(now.month);
  const [costCentre, setCostCentre] = useState('');
  const report = useBudgetReport(year, month);
  const shown = (report.data?.costCentres ?? []).filter((c) => !costCentre || c.code === costCentre);
  const monthName = new Intl.DateTimeFormat(locale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return (
    <>
      <PageHeader title={t('report.title')} />
      <div className="card filters">
        <div className="filter-row">
          <YearSelect year={year} onChange={(y) => { setYear(y); setMonth(reportMonth(y, now)); }} />
          <MonthSelect month={month} onChange={setMonth} />
          <Field label={t('budget.costCentre')} name="costCentre">
            <select value={costCentre} onChange={(e) => setCostCentre(e.target.value)}>
              <option value="">{t('budget.all')}</option>
              {(report.data?.costCentres ?? []).map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name}</option>)}
            </select>
          </Field>
        </div>
        <CsvButtons year={year} month={month} costCentre={costCentre || undefined} />
      </div>
      {report.isPending && <Loading />}
      {report.error instanceof ProblemError && <ProblemBanner problem={report.error.problem} />}
      {report.data && shown.length === 0 && <Empty>{t('report.none', { year })}</Empty>}
      {report.data && shown.length > 0 && <p className="muted lead">{t('report.asOf', { month: monthName, year })}</p>}
      {shown.map((c) => <CostCentreSection key={c.code} report={c} />)}
    </>
  );
}

function CostCentreSection({ report }: { report: CostCentreReport }) {
  const { t, lang } = useI18n();
  const id = `cc-${report.code}`;
  return (
    <section className="card" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{report.code} · {report.name}</h2>
        <span><StatusBadge figures={report.total} /> <span className="muted small">
          {t('report.used', { pct: percent(report.total.usedBasisPoints, locale(lang)) })}</span></span>
      </div>
      {report.categories.length > 0 && (
        <Suspense fallback={<div className="budget-chart"><Loading /></div>}>
          <BudgetChart report={report} />
        </Suspense>
      )}
      <FiguresTable report={report} />
    </section>
  );
}

export function StatusBadge({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[figures.status]}>{t(`report.status.${figures.status}`)}</Badge>;
}

function FiguresTable({ report }: { report: CostCentreReport }) {
  const { t, lang } = useI18n();
  const row = (name: string, f: Figures, head = false) => {
    const Cell = head ? 'th' : 'td';
    return (
      <>
        <th scope="row">{name}</th>
        <Cell className="num">{formatMoney(f.budgetYear)}</Cell>
        <Cell className="num hide-phone">{formatMoney(f.budgetToDate)}</Cell>
        <Cell className="num" data-figure="actual">{formatMoney(f.actualToDate)}</Cell>
        <Cell className="num" data-figure="committed">{formatMoney(f.committed)}</Cell>
        <Cell className="num">{formatMoney(f.available)}</Cell>
        <Cell className="num hide-phone">{formatMoney(f.variance)} <span className="muted small">{percent(f.varianceBasisPoints, locale(lang))}</span></Cell>
        <Cell className="num hide-phone">{formatMoney(f.forecastYearEnd.runRate)}</Cell>
        <Cell className="num hide-phone">{formatMoney(f.forecastYearEnd.phasing)}</Cell>
        <Cell><StatusBadge figures={f} /></Cell>
      </>
    );
  };
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data figures">
        <caption className="visually-hidden">{report.code} · {report.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.category')}</th>
            <th scope="col" className="num">{t('report.budgetYear')}</th>
            <th scope="col" className="num hide-phone">{t('report.budgetToDate')}</th>
            <th scope="col" className="num">{t('report.actual')}</th>
            <th scope="col" className="num">{t('report.committed')}</th>
            <th scope="col" className="num">{t('report.available')}</th>
            <th scope="col" className="num hide-phone">{t('report.variance')}</th>
            <th scope="col" className="num hide-phone">{t('report.forecastRunRate')}</th>
            <th scope="col" className="num hide-phone">{t('report.forecastPhasing')}</th>
            <th scope="col">{t('report.status')}</th>
          </tr>
        </thead>
        <tbody>
          {report.categories.map((c) => <tr key={c.category} data-category={c.category}>{row(c.categoryName, c.figures)}</tr>)}
        </tbody>
        <tfoot><tr>{row(t('report.total'), report.total)}</tr></tfoot>
      </table>
    </div>
  );
}

/**
 * The CSV comes through the API with the person's token, so it is fetched and then saved from
 * memory; the semicolon variant is the one Dutch spreadsheets open as columns.
 */
function CsvButtons({ year, month, costCentre }: { year: number; month: number; costCentre?: string }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (separator: 'comma' | 'semicolon') => {
    const request = api.GET('/reports/budget.csv', {
      params: { query: { year, month, costCentre, separator } },
      parseAs: 'blob',
    });
    const blob = await call(request) as unknown as Blob;
    const answer = await request;
    const name = csvFileName(answer.response.headers.get('Content-Disposition'), year, month, costCentre);
    saveFile(blob, name);
    return name;
  });
  return (
    <>
      <div className="report-actions">
        <Button kind="primary" busy={action.busy} onClick={async () => { setSaved(null); setSaved((await action.submit('comma')) ?? null); }}>{t('report.csv')}</Button>
        <Button busy={action.busy} onClick={async () => { setSaved(null); setSaved((await action.submit('semicolon')) ?? null); }}>{t('report.csvNl')}</Button>
      </div>
      <ProblemBanner problem={action.problem} />
      {saved && <Notice>{t('report.downloaded', { file: saved })}</Notice>}
    </>
  );
}
