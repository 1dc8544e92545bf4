import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDay, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Empty, Loading, Notice, PageHeader, ProblemBanner, RemoveDialog } from '../../ui/ui';
import { ChangeVisitDialog, changeable } from './ChangeVisitDialog';
import { useMyVisits, VISIT_KEYS, type Visit } from './data';
import { RegisterVisitorsForm } from './RegisterVisitorsForm';
import { VisitStatus } from './VisitStatus';
import './visitors.css';

/** A host's visitors from today on: register them, see when they arrive, cancel a visit. */
export default function MyVisitorsPage() {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const visits = useMyVisits();
  const [registering, setRegistering] = useState(false);
  const [cancelling, setCancelling] = useState<Visit | null>(null);
  const [changing, setChanging] = useState<Visit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (message: string) => {
    setNotice(message);
    VISIT_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  };
  const days = groupByDay(visits.data?.items ?? []);
  return (
    <>
      <PageHeader title={t('visitors.mine.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setRegistering(true); }}>{t('visitors.mine.register')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      {visits.isPending && <Loading />}
      {visits.error instanceof ProblemError && <ProblemBanner problem={visits.error.problem} />}
      {visits.data && visits.data.items.length === 0 && <Empty>{t('visitors.mine.none')}</Empty>}
      {days.map(([day, list]) => (
        <section key={day} className="card" aria-label={formatDay(list[0].expectedAt, list[0].timeZone)}>
          <h2>{formatDay(list[0].expectedAt, list[0].timeZone)}</h2>
          <ul className="visit-list">
            {list.map((v) => (
              <li key={v.id} className="visit-row">
                <div className="visit-time">{formatTime(v.expectedAt, v.timeZone)}</div>
                <div className="visit-main">
                  <strong>{v.visitor.name}</strong>{v.visitor.company && <span className="muted"> · {v.visitor.company}</span>}
                  <div className="muted small">
                    {v.siteName} · {t(`visitors.purpose.${v.purpose}`)} · <VisitStatus visit={v} />
                    {v.checkedInAt && <> · {t('visitors.mine.arrivedAt', { time: formatTime(v.checkedInAt, v.timeZone) })}</>}
                    {v.checkedOutAt && <> · {t('visitors.mine.leftAt', { time: formatTime(v.checkedOutAt, v.timeZone) })}</>}
                  </div>
                </div>
                <div className="visit-actions">
                  {changeable(v) && (
                    <Button aria-label={t('visitors.change.title', { name: v.visitor.name })}
                      onClick={() => { setNotice(null); setChanging(v); }}>{t('visitors.change.button')}</Button>
                  )}
                  {(v.status === 'expected' || v.status === 'pending-review') && (
                    <Button kind="danger" aria-label={t('visitors.mine.cancel', { name: v.visitor.name })}
                      onClick={() => { setNotice(null); setCancelling(v); }}>{t('visitors.mine.cancelButton')}</Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {registering && (
        <RegisterVisitorsForm onClose={() => setRegistering(false)}
          onRegistered={(n) => { setRegistering(false); refresh(t('visitors.mine.registered', { n })); }} />
      )}
      {changing && (
        <ChangeVisitDialog visit={changing} onClose={() => setChanging(null)}
          onChanged={(v) => { setChanging(null); refresh(t('visitors.change.done', { name: v.visitor.name })); }} />
      )}
      {cancelling && (
        <RemoveDialog title={t('visitors.mine.cancelTitle')} explain={t('visitors.mine.cancelExplain', { name: cancelling.visitor.name })}
          remove={() => call(api.DELETE('/visits/{id}', { params: { path: { id: cancelling.id } } }))}
          onClose={() => setCancelling(null)}
          onRemoved={() => { const name = cancelling.visitor.name; setCancelling(null); refresh(t('visitors.mine.cancelled', { name })); }} />
      )}
    </>
  );
}

/** Visits by their local day at their site, in arrival order (the API answers them so). */
export function groupByDay(visits: readonly Visit[]): [string, Visit[]][] {
  const days = new Map<string, Visit[]>();
  for (const v of visits) {
    const day = v.expectedAt.slice(0, 10); // the offset is the site's: the date part is the site's day
    days.set(day, [...(days.get(day) ?? []), v]);
  }
  return [...days.entries()];
}
