import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { useApp, type Site } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { SaveCancel, Button, Dialog, Empty, Field, Notice, PageHeader, ProblemBanner , WeekdayChips, type Weekday } from '../../ui/ui';
import { useAction } from '../../ui/useAction';


/** Sites with their time zone and working hours (every "day" of Spil is a day in the site's zone). */
export default function SitesPage() {
  const { t } = useI18n();
  const { sites } = useApp();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('sites.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('sites.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="card">
        {sites.length === 0 && <Empty>{t('app.noSite')}</Empty>}
        {sites.length > 0 && (
          <table className="data">
            <thead><tr><th scope="col">{t('sites.name')}</th><th scope="col">{t('sites.hours')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
            <tbody>
              {sites.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}<div className="muted small">{s.timeZone}</div></td>
                  <td>{s.workingHours.opens}–{s.workingHours.closes}<div className="muted small">{(s.workingHours.days ?? []).map((d) => t(`day.${d}`)).join(' ')}</div></td>
                  <td><Button kind="link" onClick={() => { setNotice(null); setEditing(s); }} aria-label={t('common.editThis', { name: s.name })}>{t('common.edit')}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing && <SiteForm site={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
        onSaved={(name) => { setEditing(null); setNotice(t('common.savedThis', { name })); }} />}
    </>
  );
}

function SiteForm({ site, onClose, onSaved }: { site?: Site; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields({
    name: site?.name ?? '', timeZone: site?.timeZone ?? 'Europe/Amsterdam',
    opens: site?.workingHours.opens ?? '08:00', closes: site?.workingHours.closes ?? '18:00',
  });
  const [days, setDays] = useState<Weekday[]>((site?.workingHours.days as Weekday[] | undefined) ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const action = useAction(async (body: Schemas['SiteInput'], key: string) => site
    ? call(api.PUT('/sites/{id}', { params: { path: { id: site.id } }, body: { ...body, version: site.version } }))
    : call(api.POST('/sites', { params: { header: { 'Idempotency-Key': key } }, body })));
  return (
    <Dialog title={site ? t('common.editThis', { name: site.name }) : t('sites.add')} open onClose={onClose}>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({
          name: f.values.name.trim(), timeZone: f.values.timeZone.trim(),
          workingHours: { opens: f.values.opens, closes: f.values.closes, days: days },
        });
        if (out) {
          void queryClient.invalidateQueries({ queryKey: ['sites'] });
          onSaved(out.name);
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['name', 'timeZone', 'workingHours']} />
        <Field label={t('sites.name')} name="name" problem={action.problem}><input {...f.bind('name')} maxLength={120} required /></Field>
        <Field label={t('sites.timeZone')} name="timeZone" problem={action.problem} hint="Europe/Amsterdam"><input {...f.bind('timeZone')} /></Field>
        <div className="filter-row">
          <Field label={t('sites.opens')} name="workingHours.opens" problem={action.problem}><input type="time" step={900} {...f.bind('opens')} /></Field>
          <Field label={t('sites.closes')} name="workingHours.closes" problem={action.problem}><input type="time" step={900} {...f.bind('closes')} /></Field>
        </div>
        <WeekdayChips days={days} onChange={setDays} />
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}
