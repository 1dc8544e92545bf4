import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemError, type Problem } from '../../api/problem';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { ChangeVisitDialog, changeable } from './ChangeVisitDialog';
import { CheckInDialog, type CheckInTarget } from './CheckInDialog';
import { formatCode, normalizeCode, notACode } from './code';
import { openBadge, useVisitDay, VISIT_KEYS, type Visit } from './data';
import { deskOrder } from './order';
import { QrScanner } from './QrScanner';
import { VisitStatus } from './VisitStatus';
import './visitors.css';
import { WalkInDialog } from './WalkInDialog';

/**
 * Reception's day (tablet first): check in by code or QR scan, today's visitors with search,
 * check-in with the house rules on screen, badge, check-out, walk-ins.
 */
export default function ReceptionPage() {
  const { t } = useI18n();
  const { site, api } = useApp();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const day = useVisitDay(site?.id, query);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<Problem | null>(null);
  const [scanning, setScanning] = useState(false);
  const [target, setTarget] = useState<CheckInTarget | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const [changing, setChanging] = useState<Visit | null>(null);
  const [done, setDone] = useState<{ message: string; visit?: Visit } | null>(null);
  const badge = useAction(async (visit: Visit) => openBadge(api, visit).then(() => true));
  const checkOut = useAction(async (visit: Visit) => call(api.POST('/visits/{id}/check-out', { params: { path: { id: visit.id } } })));
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const zone = day.data?.timeZone ?? site.timeZone;

  function byCode(e: React.FormEvent) {
    e.preventDefault();
    const normal = normalizeCode(code);
    if (!normal) {
      setCodeProblem(notACode(t('problem.fields'), t('visitors.desk.codeHint')));
      return;
    }
    setCodeProblem(null);
    setDone(null);
    setTarget({ code: normal });
  }
  const checkedIn = (visit: Visit) => {
    setTarget(null);
    setCode('');
    setDone({ message: t('visitors.desk.checkedIn', { name: visit.visitor.name, host: visit.host.name }), visit });
  };

  return (
    <>
      <PageHeader title={t('visitors.desk.title')}>
        <Button onClick={() => { setDone(null); setWalkIn(true); }}>{t('visitors.desk.registerWalkIn')}</Button>
        <Link className="btn btn-secondary" to="/visitors/on-site">{t('nav.onSite')}</Link>
      </PageHeader>
      {done && (
        <Notice>
          {done.message}
          {done.visit && (
            <> <Button kind="link" busy={badge.busy} onClick={() => void badge.submit(done.visit!)}>
              {t('visitors.desk.badgeName', { name: done.visit.visitor.name })}
            </Button></>
          )}
        </Notice>
      )}
      <ProblemBanner problem={badge.problem ?? checkOut.problem} />
      <section className="card" aria-labelledby="by-code">
        <h2 id="by-code">{t('visitors.desk.byCode')}</h2>
        <form className="code-row" onSubmit={byCode} noValidate>
          <Field label={t('visitors.desk.code')} name="code" problem={codeProblem} hint={t('visitors.desk.codeHint')}>
            <input className="code-input" value={code} onChange={(e) => setCode(e.target.value)} maxLength={32}
              autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH" />
          </Field>
          <div className="code-actions">
            <Button kind="primary" type="submit">{t('visitors.desk.next')}</Button>
            <Button onClick={() => { setDone(null); setScanning(true); }}>{t('visitors.desk.scan')}</Button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="today-list">
        <div className="section-head">
          <h2 id="today-list">{t('visitors.desk.title')}</h2>
        </div>
        <div className="field search">
          <label htmlFor="visitor-search">{t('visitors.desk.search')}</label>
          <input id="visitor-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        {day.isPending && <Loading />}
        {day.error instanceof ProblemError && <ProblemBanner problem={day.error.problem} />}
        {day.data && day.data.items.length === 0 && <Empty>{t('visitors.desk.none')}</Empty>}
        <ul className="visit-list">
          {deskOrder(day.data?.items ?? []).map((v) => (
            <li key={v.id} className="visit-row">
              <div className="visit-time">{formatTime(v.checkedInAt ?? v.expectedAt, zone)}</div>
              <div className="visit-main">
                <strong>{v.visitor.name}</strong>{v.visitor.company && <span className="muted"> · {v.visitor.company}</span>}
                <div className="muted small">
                  {t('visitors.desk.host', { host: v.host.name })}{v.walkIn && <> · {t('visitors.desk.walkIn')}</>}
                  {' '}<VisitStatus visit={v} />
                </div>
                {v.status === 'needs-review' && <div className="muted small">{t('visitors.desk.heldNote')}</div>}
              </div>
              <div className="visit-actions">
                {changeable(v) && (
                  <Button aria-label={t('visitors.change.title', { name: v.visitor.name })}
                    onClick={() => { setDone(null); setChanging(v); }}>{t('visitors.change.button')}</Button>
                )}
                {v.status === 'expected' && (
                  <Button kind="primary" aria-label={t('visitors.desk.checkInName', { name: v.visitor.name })}
                    onClick={() => { setDone(null); setTarget({ visit: v }); }}>{t('visitors.desk.checkIn')}</Button>
                )}
                {v.status === 'checked-in' && (
                  <>
                    <Button aria-label={t('visitors.desk.badgeName', { name: v.visitor.name })} onClick={() => void badge.submit(v)}>
                      {t('visitors.desk.badge')}
                    </Button>
                    <Button busy={checkOut.busy} aria-label={t('visitors.desk.checkOutName', { name: v.visitor.name })}
                      onClick={async () => {
                        if (await checkOut.submit(v)) {
                          setDone({ message: t('visitors.desk.checkedOut', { name: v.visitor.name }) });
                          VISIT_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
                        }
                      }}>{t('visitors.desk.checkOut')}</Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {scanning && (
        <Dialog title={t('visitors.scan.title')} open onClose={() => setScanning(false)}>
          <QrScanner onCode={(c) => { setScanning(false); setCode(formatCode(c)); setTarget({ code: c }); }} />
        </Dialog>
      )}
      {changing && (
        <ChangeVisitDialog visit={changing} onClose={() => setChanging(null)}
          onChanged={(v) => {
            setChanging(null);
            setDone({ message: t('visitors.change.done', { name: v.visitor.name }) });
            VISIT_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          }} />
      )}
      {target && <CheckInDialog siteId={site.id} target={target} onClose={() => setTarget(null)} onCheckedIn={checkedIn} />}
      {walkIn && (
        <WalkInDialog siteId={site.id} onClose={() => setWalkIn(false)}
          onRegistered={(v) => { setWalkIn(false); setDone({ message: t('visitors.desk.walkInDone', { name: v.visitor.name }) }); setTarget({ visit: v }); }} />
      )}
    </>
  );
}
