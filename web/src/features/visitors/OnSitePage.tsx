import { ProblemError } from '../../api/problem';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { formatDateTime, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Empty, Loading, PageHeader, ProblemBanner } from '../../ui/ui';
import { fileSafe, saveFile } from '../../ui/download';
import { useAction } from '../../ui/useAction';
import { useOnSite } from './data';
import './visitors.css';

/** Who is on site now: the evacuation list, printed with one button (a print stylesheet keeps only the list). */
export default function OnSitePage() {
  const { t } = useI18n();
  const { site, api } = useApp();
  const onSite = useOnSite(site?.id);
  const csv = useAction(async (_: null) => {
    const text = await call(api.GET('/sites/{id}/on-site', {
      params: { path: { id: site!.id }, query: { format: 'csv' } }, parseAs: 'text', headers: { Accept: 'text/csv' },
    })) as unknown as string;
    saveFile(new Blob([text], { type: 'text/csv' }), `evacuation-${fileSafe(site!.name)}.csv`);
    return true;
  });
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const data = onSite.data;
  return (
    <>
      <PageHeader title={t('visitors.onSite.title')}>
        <Button kind="primary" className="no-print" disabled={!data} onClick={() => window.print()}>{t('visitors.onSite.print')}</Button>
        <Button className="no-print" busy={csv.busy} onClick={() => void csv.submit(null)}>{t('visitors.onSite.csv')}</Button>
      </PageHeader>
      <ProblemBanner problem={csv.problem} />
      {onSite.isPending && <Loading />}
      {onSite.error instanceof ProblemError && <ProblemBanner problem={onSite.error.problem} />}
      {data && (
        <section className="card evacuation" aria-labelledby="evacuation-head">
          <h2 id="evacuation-head" className="print-only">{t('visitors.onSite.printedAt', { site: site.name, time: formatDateTime(data.at, data.timeZone) })}</h2>
          <p className="no-print">{t('visitors.onSite.count', { n: data.count, time: formatTime(data.at, data.timeZone) })}</p>
          {data.visitors.length === 0 ? <Empty>{t('visitors.onSite.none')}</Empty> : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('visitors.onSite.title')}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col" className="check-col"><span className="visually-hidden">✓</span></th>
                    <th scope="col">{t('visitors.onSite.name')}</th>
                    <th scope="col">{t('visitors.onSite.company')}</th>
                    <th scope="col">{t('visitors.onSite.host')}</th>
                    <th scope="col">{t('visitors.onSite.arrived')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.visitors.map((v) => (
                    <tr key={v.visitId}>
                      <td className="check-col"><span className="print-box" aria-hidden="true" /></td>
                      <td>{v.name}</td>
                      <td>{v.company}</td>
                      <td>{v.host.name}</td>
                      <td>{formatTime(v.arrivedAt, data.timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
