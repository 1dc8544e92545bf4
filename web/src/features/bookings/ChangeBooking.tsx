import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { SaveCancel, Button, Dialog, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { quarterTimes } from './dayGrid';
import { instantOf, localOf, minutesOf } from './time';

type Booking = Schemas['Booking'];
export type Scope = 'occurrence' | 'following' | 'series';

function ScopeChoice({ value, onChange, verb }: { value: Scope; onChange: (s: Scope) => void; verb: 'change' | 'cancel' }) {
  const { t } = useI18n();
  return (
    <fieldset className="radios">
      <legend>{t(verb === 'change' ? 'scope.changeWhich' : 'scope.cancelWhich')}</legend>
      {(['occurrence', 'following', 'series'] as const).map((s) => (
        <label key={s}>
          <input type="radio" name="scope" value={s} checked={value === s} onChange={() => onChange(s)} />
          {t(`scope.${s}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** Change a booking's title, notes or time; for a series also the following ones or all. */
export function ChangeBookingForm({ booking, onClose, onChanged }: {
  booking: Booking;
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const local = localOf(booking.start, booking.timeZone);
  const [title, setTitle] = useState(booking.title);
  const [notes, setNotes] = useState(booking.notes ?? '');
  const [date, setDate] = useState(local.date);
  const [start, setStart] = useState(local.time);
  const [end, setEnd] = useState(localOf(booking.end, booking.timeZone).time);
  const [scope, setScope] = useState<Scope>('occurrence');
  const action = useAction(async (input: { scope: Scope; body: Record<string, unknown> }) =>
    call(api.PATCH('/bookings/{id}', {
      params: { path: { id: booking.id }, query: { scope: input.scope } },
      body: input.body as { version: number },
    })));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = { version: booking.version };
    if (title !== booking.title) body.title = title.trim();
    if (notes !== (booking.notes ?? '')) body.notes = notes;
    const newStart = instantOf(date, start, booking.timeZone);
    const newEnd = instantOf(date, end, booking.timeZone);
    if (Date.parse(newStart) !== Date.parse(booking.start) || Date.parse(newEnd) !== Date.parse(booking.end)) {
      body.start = newStart;
      body.end = newEnd;
    }
    const out = await action.submit({ scope, body });
    if (out) {
      const skipped = 'skipped' in out && Array.isArray(out.skipped) ? out.skipped.length : 0;
      onChanged(skipped > 0 ? t('change.doneSkipped', { n: skipped }) : t('change.done', { title: title.trim() }));
    }
  }

  const times = quarterTimes();
  return (
    <Dialog title={t('change.title', { title: booking.title })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={['title', 'notes', 'start', 'end', 'version']} />
        <Field label={t('book.titleField')} name="title" problem={action.problem}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        </Field>
        <Field label={t('book.notes')} name="notes" problem={action.problem}>
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} rows={2} />
        </Field>
        <div className="filter-row">
          <Field label={t('book.date')} name="date">
            <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
          </Field>
          <Field label={t('book.from')} name="start" problem={action.problem}>
            <select value={start} onChange={(e) => setStart(e.target.value)}>
              {times.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </Field>
          <Field label={t('book.until')} name="end" problem={action.problem}>
            <select value={end} onChange={(e) => setEnd(e.target.value)}>
              {times.filter((x) => minutesOf(x) > minutesOf(start)).map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </Field>
        </div>
        {booking.seriesId && <ScopeChoice value={scope} onChange={setScope} verb="change" />}
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}

/** Cancel a booking (for a series: this one, this and the following, or all). */
export function CancelBookingForm({ booking, onClose, onCancelled }: {
  booking: Booking;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const [scope, setScope] = useState<Scope>('occurrence');
  const action = useAction(async (s: Scope) =>
    call(api.DELETE('/bookings/{id}', { params: { path: { id: booking.id }, query: { scope: s } } })).then(() => true));
  return (
    <Dialog title={t('cancel.title', { title: booking.title })} open onClose={onClose}>
      <form onSubmit={async (e) => {
        e.preventDefault();
        if (await action.submit(scope)) {
          onCancelled(t('cancel.done', { title: booking.title }));
        }
      }}>
        <ProblemBanner problem={action.problem} />
        <p>{t('cancel.explain')}</p>
        {booking.seriesId && <ScopeChoice value={scope} onChange={setScope} verb="cancel" />}
        <div className="form-actions">
          <Button onClick={onClose}>{t('cancel.keep')}</Button>
          <Button kind="danger" type="submit" busy={action.busy}>{t('cancel.confirm')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
