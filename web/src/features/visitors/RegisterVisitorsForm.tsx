import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { Button, Dialog, Field, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { instantOf, nextQuarter } from '../bookings/time';
import { VisitTimeFields } from './VisitTimeFields';

type Registration = Schemas['VisitRegistration'];
interface VisitorLine { name: string; company: string; email: string; language: '' | 'nl' | 'en' }
const EMPTY: VisitorLine = { name: '', company: '', email: '', language: '' };

/** The registration as the API takes it: the day and time are the site's wall clock, sent with its offset. */
export function registration(siteId: string, zone: string, v: { date: string; time: string; minutes: string; purpose: string },
  visitors: readonly VisitorLine[]): Registration {
  let expectedAt: string | undefined;
  try {
    expectedAt = instantOf(v.date, v.time, zone);
  } catch {
    expectedAt = v.date && v.time ? `${v.date}T${v.time}` : undefined; // the API names the field
  }
  return {
    siteId, expectedAt, minutes: numberOrUndefined(v.minutes), purpose: v.purpose as Registration['purpose'],
    visitors: visitors.map((l) => ({
      name: l.name.trim(), company: textOrUndefined(l.company), email: textOrUndefined(l.email), language: l.language || undefined,
    })),
  };
}

/** A host registers one visitor or a group (all or nothing); each gets an invitation with their code. */
export function RegisterVisitorsForm({ onClose, onRegistered }: { onClose: () => void; onRegistered: (n: number) => void }) {
  const { t } = useI18n();
  const { api, site, sites } = useApp();
  const start = nextQuarter(site?.timeZone ?? 'Europe/Amsterdam');
  const f = useFields({ siteId: site?.id ?? '', date: start.date, time: start.time, minutes: '60', purpose: 'meeting' });
  const [lines, setLines] = useState<VisitorLine[]>([EMPTY]);
  const action = useAction(async (body: Registration, key: string) =>
    call(api.POST('/visits', { params: { header: { 'Idempotency-Key': key } }, body })));
  const setLine = (i: number, patch: Partial<VisitorLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const zone = sites.find((s) => s.id === f.values.siteId)?.timeZone ?? 'Europe/Amsterdam';
    const out = await action.submit(registration(f.values.siteId, zone, f.values, lines));
    if (out) {
      onRegistered(out.items.length);
    }
  }
  const p = action.problem;
  return (
    <Dialog title={t('visitors.mine.register')} open onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={p} shown={['siteId', 'expectedAt', 'minutes', 'purpose', 'visitors']} />
        <div className="filter-row">
          {sites.length > 1 && (
            <Field label={t('app.site')} name="siteId" problem={p}>
              <select {...f.bind('siteId')}>{sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
            </Field>
          )}
          <VisitTimeFields bind={f.bind} problem={p} />
        </div>
        {lines.map((l, i) => (
          <fieldset key={i} className="visitor-line">
            <legend>{t('visitors.form.visitorN', { n: i + 1 })}</legend>
            <div className="filter-row">
              <Field label={t('visitors.form.name')} name={`visitors[${i}].name`} problem={p}>
                <input value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} maxLength={120} required autoComplete="off" />
              </Field>
              <Field label={t('visitors.form.company')} name={`visitors[${i}].company`} problem={p}>
                <input value={l.company} onChange={(e) => setLine(i, { company: e.target.value })} maxLength={120} autoComplete="off" />
              </Field>
              <Field label={t('visitors.form.email')} name={`visitors[${i}].email`} problem={p} hint={i === 0 ? t('visitors.form.emailHint') : undefined}>
                <input type="email" value={l.email} onChange={(e) => setLine(i, { email: e.target.value })} autoComplete="off" />
              </Field>
              <Field label={t('visitors.form.language')} name={`visitors[${i}].language`} problem={p}>
                <select value={l.language} onChange={(e) => setLine(i, { language: e.target.value as VisitorLine['language'] })}>
                  <option value="">{t('visitors.form.languageHost')}</option>
                  <option value="nl">Nederlands</option>
                  <option value="en">English</option>
                </select>
              </Field>
            </div>
            {lines.length > 1 && (
              <Button kind="link" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                {t('visitors.form.removeVisitor', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        {lines.length < 50 && <Button onClick={() => setLines((ls) => [...ls, EMPTY])}>{t('visitors.form.addVisitor')}</Button>}
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('visitors.form.register')} />
      </form>
    </Dialog>
  );
}
