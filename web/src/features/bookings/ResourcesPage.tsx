import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { SaveCancel, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner , RemoveDialog, WeekdayChips, type Weekday } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useResources } from './data';
import { hoursOf, type Resource } from './dayGrid';
import { featureLabel } from './BookPage';


/** The rooms and desks of the site and their rules (hours, longest booking, notice, check-in window). */
export default function ResourcesPage() {
  const { t } = useI18n();
  const { api, site } = useApp();
  const resources = useResources(site?.id);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [removing, setRemoving] = useState<Resource | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('resources.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('resources.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="card">
        {resources.isPending && <Loading />}
        {resources.error instanceof ProblemError && <ProblemBanner problem={resources.error.problem} />}
        {resources.data && resources.data.length === 0 && <Empty>{t('resources.none')}</Empty>}
        {resources.data && resources.data.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('resources.name')}</th><th scope="col" className="num">{t('book.seats')}</th>
                <th scope="col" className="hide-phone">{t('resources.hours')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {resources.data.map((r) => {
                  const h = hoursOf(r);
                  return (
                    <tr key={r.id}>
                      <td>{r.name}<div className="muted small">{t(r.type === 'room' ? 'book.room' : 'book.desk')}{r.floor ? ` · ${t('book.floor', { floor: r.floor })}` : ''}{r.features.length ? ` · ${r.features.map((f) => featureLabel(f, t)).join(', ')}` : ''}</div></td>
                      <td className="num">{r.capacity}</td>
                      <td className="hide-phone">{h.opens}–{h.closes}<div className="muted small">{h.days.map((d) => t(`day.${d as Weekday}`)).join(' ')}</div></td>
                      <td className="row-actions">
                        <Button kind="link" onClick={() => { setNotice(null); setEditing(r); }} aria-label={t('common.editThis', { name: r.name })}>{t('common.edit')}</Button>
                        <Button kind="link" onClick={() => { setNotice(null); setRemoving(r); }} aria-label={t('resources.removeThis', { name: r.name })}>{t('people.remove')}</Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {editing && site && <ResourceForm siteId={site.id} resource={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
        onSaved={(name) => { setEditing(null); setNotice(t('common.savedThis', { name })); void queryClient.invalidateQueries({ queryKey: ['resources'] }); }} />}
      {removing && <RemoveDialog title={t('resources.removeThis', { name: removing.name })} explain={t('resources.removeExplain')}
        remove={() => call(api.DELETE('/resources/{id}', { params: { path: { id: removing.id } } }))} onClose={() => setRemoving(null)}
        onRemoved={() => { setNotice(t('people.removed', { name: removing.name })); setRemoving(null); void queryClient.invalidateQueries({ queryKey: ['resources'] }); }} />}
    </>
  );
}

function ResourceForm({ siteId, resource, onClose, onSaved }: { siteId: string; resource?: Resource; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const r = resource?.rules ?? {};
  const f = useFields({
    type: resource?.type ?? 'room', name: resource?.name ?? '', floor: resource?.floor ?? '', capacity: resource ? String(resource.capacity) : '',
    features: resource?.features.join(', ') ?? '', opens: r.opens ?? '07:00', closes: r.closes ?? '20:00',
    maxMinutes: String(r.maxMinutes ?? 240), horizonDays: String(r.horizonDays ?? 180), noticeMinutes: String(r.noticeMinutes ?? 0),
    checkInBeforeMinutes: String(r.checkInBeforeMinutes ?? 15), checkInAfterMinutes: String(r.checkInAfterMinutes ?? 15),
  });
  const [days, setDays] = useState<Weekday[]>((r.days as Weekday[] | undefined) ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const action = useAction(async (body: Schemas['ResourceInput'], key: string) => resource
    ? call(api.PUT('/resources/{id}', { params: { path: { id: resource.id } }, body: { ...body, version: resource.version } }))
    : call(api.POST('/resources', { params: { header: { 'Idempotency-Key': key } }, body })));
  const v = f.values;
  const num = (name: keyof typeof v) => (
    <Field label={t(`rules.${name}` as Parameters<typeof t>[0])} name={`rules.${name}`} problem={action.problem} className="narrow">
      <input type="number" min={0} {...f.bind(name)} />
    </Field>
  );
  return (
    <Dialog title={resource ? t('common.editThis', { name: resource.name }) : t('resources.add')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({
          siteId, type: v.type as 'room' | 'desk', name: v.name.trim(), floor: textOrUndefined(v.floor),
          capacity: numberOrUndefined(v.capacity) as number,
          features: v.features.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean),
          rules: {
            opens: v.opens, closes: v.closes, days: days,
            maxMinutes: numberOrUndefined(v.maxMinutes), horizonDays: numberOrUndefined(v.horizonDays),
            noticeMinutes: numberOrUndefined(v.noticeMinutes), checkInBeforeMinutes: numberOrUndefined(v.checkInBeforeMinutes),
            checkInAfterMinutes: numberOrUndefined(v.checkInAfterMinutes),
          },
        });
        if (out) onSaved(out.name);
      }}>
        <ProblemBanner problem={action.problem} shown={['type', 'name', 'floor', 'capacity', 'features', 'rules']} />
        <div className="filter-row">
          <Field label={t('book.kind')} name="type" problem={action.problem}>
            <select {...f.bind('type')} disabled={!!resource}><option value="room">{t('book.room')}</option><option value="desk">{t('book.desk')}</option></select>
          </Field>
          <Field label={t('resources.name')} name="name" problem={action.problem}><input {...f.bind('name')} maxLength={120} required /></Field>
          <Field label={t('resources.floor')} name="floor" problem={action.problem} className="narrow"><input {...f.bind('floor')} maxLength={40} /></Field>
          <Field label={t('book.seats')} name="capacity" problem={action.problem} className="narrow"><input type="number" min={1} {...f.bind('capacity')} required /></Field>
        </div>
        <Field label={t('book.equipment')} name="features" problem={action.problem} hint={t('resources.featuresHint')}><input {...f.bind('features')} /></Field>
        <fieldset>
          <legend>{t('resources.rules')}</legend>
          <div className="filter-row">
            <Field label={t('sites.opens')} name="rules.opens" problem={action.problem}><input type="time" step={900} {...f.bind('opens')} /></Field>
            <Field label={t('sites.closes')} name="rules.closes" problem={action.problem}><input type="time" step={900} {...f.bind('closes')} /></Field>
          </div>
          <WeekdayChips days={days} onChange={setDays} />
          <div className="filter-row">
            {num('maxMinutes')}{num('horizonDays')}{num('noticeMinutes')}{num('checkInBeforeMinutes')}{num('checkInAfterMinutes')}
          </div>
        </fieldset>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}
