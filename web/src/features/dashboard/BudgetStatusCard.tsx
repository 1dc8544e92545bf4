import { Link } from 'react-router';
import { ProblemError } from '../../api/problem';
import { formatMoney } from '../../i18n/format';
import { locale, useI18n } from '../../i18n/i18n';
import { Empty, Loading, ProblemBanner } from '../../ui/ui';
import { StatusBadge } from '../budget/BudgetReportPage';
import { thisMonth, useBudgetReport } from '../budget/data';
import { percent } from '../budget/money';
import '../budget/budget.css';

/** This month's budget at a glance: each cost centre's use of its budget to date, and the categories to watch. */
export default function BudgetStatusCard() {
  const { t, lang } = useI18n();
  const now = thisMonth();
  const report = useBudgetReport(now.year, now.month);
  const centres = report.data?.costCentres ?? [];
  const attention = centres.flatMap((c) => c.categories.filter((x) => x.figures.status !== 'ok').map((x) => ({ cc: c, x })));
  return (
    <section className="card" aria-labelledby="budget-card-title">
      <div className="section-head"><h2 id="budget-card-title">{t('budgetCard.title')}</h2><Link to="/budget-report">{t('nav.budgetReport')}</Link></div>
      {report.isPending && <Loading />}
      {report.error instanceof ProblemError && <ProblemBanner problem={report.error.problem} />}
      {report.data && centres.length === 0 && <Empty>{t('budgetCard.none')}</Empty>}
      <ul className="plain-list">
        {centres.map((c) => {
          const used = c.total.usedBasisPoints ?? 0;
          return (
            <li key={c.code}>
              <strong>{c.code}</strong> {c.name} <StatusBadge figures={c.total} />
              <span className="muted small"> {t('report.used', { pct: percent(c.total.usedBasisPoints, locale(lang)) })} · {formatMoney(c.total.actualToDate)} / {formatMoney(c.total.budgetToDate)}</span>
              <span className={`meter ${c.total.status}`} aria-hidden="true"><span style={{ width: `${Math.min(100, used / 100)}%` }} /></span>
            </li>
          );
        })}
      </ul>
      {report.data && centres.length > 0 && (attention.length === 0
        ? <p className="muted small">{t('budgetCard.allWell')}</p>
        : (
          <ul className="plain-list">
            {attention.map(({ cc, x }) => (
              <li key={`${cc.code}-${x.category}`}><StatusBadge figures={x.figures} /> {cc.code} · {x.categoryName}
                <span className="muted small"> {t('report.used', { pct: percent(x.figures.usedBasisPoints, locale(lang)) })}</span></li>
            ))}
          </ul>
        ))}
    </section>
  );
}
