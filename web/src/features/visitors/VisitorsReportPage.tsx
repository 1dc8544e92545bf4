import { useState } from 'react';
import { ProblemError, unplacedFields } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatNumber, formatPlainDate } from '../../i18n/format';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Empty, Field, Loading, PageHeader, ProblemBanner } from '../../ui/ui';
import { addDays, today } from '../bookings/time';
import { PURPOSES, useVisitorsReport, type Purpose } from './data';
import { summarize } from './report';
import './visitors.css';

/** Management's and the office manager's view of a site's visits: per day, hour, purpose and department, without names. */
export default function VisitorsReportPage() {
  const { t } = useI18n();
  const { site } = useApp();
  const end = today(site?.timeZone ?? 'Europe/Amsterdam');
  const [from, setFrom] = useState(addDays(end, -29));
  const [to, setTo] = useState(end);
  const report = useVisitorsReport(site?.id, from, to);
  const problem = report.error instanceof ProblemError ? report.error.problem : null;
  // a refused date is marked at its field; a banner would take the focus from the date being typed
  const onlyDates = !!problem && Object.keys(problem.fields).length > 0 && unplacedFields(problem, ['from', 'to']).length === 0;
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const data = report.data;
  const summary = data ? summarize(data) : null;
  const purposeName = (p: string) => ((PURPOSES as readonly string[]).includes(p) ? t(`visitors.purpose.${p as Purpose}`) : p);
  return (
    <>
      <PageHeader title={t('visitors.report.title')} />
      <p className="muted lead">{t('home.site', { site: site.name })}</p>
      <div className="card filters">
        {!onlyDates && <ProblemBanner problem={problem} shown={['from', 'to']} />}
        <div className="filter-row">
          <Field label={t('visitors.report.from')} name="from" problem={problem}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </Field>
          <Field label={t('visitors.report.to')} name="to" problem={problem} hint={t('visitors.report.toHint')}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          </Field>
        </div>
      </div>
      {report.isFetching && <Loading />}
      {data && summary && (
        data.days.length === 0 ? <Empty>{t('visitors.report.none')}</Empty> : (
          <>
            <section className="card" aria-labelledby="report-totals">
              <h2 id="report-totals">{t('visitors.report.totals')}</h2>
              <dl className="totals">
                <div><dt>{t('visitors.report.registered')}</dt><dd>{formatNumber(data.registered)}</dd></div>
                <div><dt>{t('visitors.report.arrived')}</dt><dd>{formatNumber(data.arrived)}</dd></div>
                {summary.averageMinutes !== null && (
                  <div><dt>{t('visitors.report.average')}</dt><dd>{t('visitors.report.minutes', { n: summary.averageMinutes })}</dd></div>
                )}
              </dl>
            </section>
            <CountTable title="visitors.report.byHour" head="visitors.report.hour"
              rows={summary.byHour.flatMap((n, h) => (n > 0 ? [[`${String(h).padStart(2, '0')}:00`, n] as [string, number]] : []))} />
            <div className="cards">
              <CountTable title="visitors.report.byPurpose" head="visitors.form.purpose" rows={summary.byPurpose.map(([p, n]) => [purposeName(p), n])} />
              <CountTable title="visitors.report.byDepartment" head="visitors.report.department" rows={summary.byDepartment.map(([d, n]) => [d === '-' ? t('visitors.report.noDepartment') : d, n])} />
            </div>
            <section className="card" aria-labelledby="report-days">
              <h2 id="report-days">{t('visitors.report.perDay')}</h2>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('visitors.report.perDay')}>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('visitors.report.day')}</th>
                      <th scope="col" className="num">{t('visitors.report.registered')}</th>
                      <th scope="col" className="num">{t('visitors.report.arrived')}</th>
                      <th scope="col" className="num hide-phone">{t('visitors.report.minutesOnSite')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.days.map((d) => (
                      <tr key={d.date}>
                        <td>{formatPlainDate(d.date)}</td>
                        <td className="num">{formatNumber(d.registered)}</td>
                        <td className="num">{formatNumber(d.arrived)}</td>
                        <td className="num hide-phone">{formatNumber(d.minutesOnSite)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )
      )}
    </>
  );
}

/** A count per row with a bar as long as its share of the largest (the number is the figure; the bar is a picture of it). */
function CountTable({ title, head, rows }: { title: MessageKey; head: MessageKey; rows: [string, number][] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const id = `count-${title.replace(/\W/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {rows.length === 0 ? <Empty>{t('visitors.report.noneHere')}</Empty> : (
        <table className="data counts">
          <thead><tr><th scope="col">{t(head)}</th><th scope="col" className="num">{t('visitors.report.arrivals')}</th><th scope="col"><span className="visually-hidden">{t('visitors.report.share')}</span></th></tr></thead>
          <tbody>
            {rows.map(([name, n]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{formatNumber(n)}</td>
                <td className="bar-cell" aria-hidden="true"><span className="bar" style={{ width: `${(n / max) * 100}%` }} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
