import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';
import { formatDateTime, formatPlainDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Dialog, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import type { Resource } from './dayGrid';
import { ruleOf, type Repeat } from './recurrence';
import { instantOf } from './time';

export interface Booked {
  summary: string;
}

type Body = Schemas['BookingInput'];
type Occurrence = { start: string; end: string; type: string; detail: string };

/** The booking dialog: title, notes, repeat; what the API refuses is marked and nothing typed is lost. */
export function BookingForm({ resource, date, start, end, zone, onClose, onBooked }: {
  resource: Resource;
  date: string;
  start: string;
  end: string;
  zone: string;
  onClose: () => void;
  onBooked: (b: Booked) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [count, setCount] = useState(8);
  const [mode, setMode] = useState<'free-ones' | 'all-or-nothing'>('free-ones');
  const [skipped, setSkipped] = useState<Occurrence[]>([]);

  const action = useAction(async (body: Body, key: string) => call(api.POST('/bookings', {
    params: { header: { 'Idempotency-Key': key } },
    body,
  })));

  const occurrences = (action.problem?.body.occurrences as Occurrence[] | undefined) ?? [];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const rule = ruleOf(repeat, count);
    const body: Body = {
      resourceId: resource.id,
      start: instantOf(date, start, zone),
      end: instantOf(date, end, zone),
      title: title.trim(),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(rule ? { recurrence: { rule, mode } } : {}),
    };
    const out = await action.submit(body);
    if (!out) {
      return;
    }
    if ('booked' in out) {
      setSkipped(out.skipped);
      const summary = t('book.seriesBooked', { n: out.booked.length, skipped: out.skipped.length, name: resource.name });
      if (out.skipped.length === 0) {
        onBooked({ summary });
      } else {
        // the person sees which dates were not booked before the dialog closes
        setDone(summary);
      }
    } else {
      onBooked({ summary: t('book.booked', { name: resource.name, day: formatPlainDate(date), from: start, to: end }) });
    }
  }

  const [done, setDone] = useState<string | null>(null);
  const shown = ['title', 'notes', 'recurrence.rule', 'recurrence.mode', 'resourceId', 'start', 'end'];

  return (
    <Dialog title={t('book.dialogTitle', { name: resource.name })} open onClose={onClose}>
      {done ? (
        <div>
          <p role="status">{done}</p>
          <h3>{t('book.skipped')}</h3>
          <OccurrenceList items={skipped} zone={zone} />
          <div className="form-actions">
            <Button kind="primary" onClick={() => onBooked({ summary: done })}>{t('common.done')}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">
            {formatPlainDate(date)}, {start}–{end} · {t('book.seatsCount', { n: resource.capacity })}
          </p>
          <ProblemBanner problem={action.problem} shown={shown}>
            {occurrences.length > 0 && <OccurrenceList items={occurrences} zone={zone} />}
          </ProblemBanner>
          <Field label={t('book.titleField')} name="title" problem={action.problem}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required autoComplete="off" />
          </Field>
          <Field label={t('book.notes')} name="notes" problem={action.problem} hint={t('book.notesHint')}>
            <textarea value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} rows={2} />
          </Field>
          <div className="filter-row">
            <Field label={t('book.repeat')} name="recurrence.rule" problem={action.problem}>
              <select value={repeat} onChange={(e) => setRepeat(e.target.value as Repeat)}>
                <option value="none">{t('repeat.none')}</option>
                <option value="daily">{t('repeat.daily')}</option>
                <option value="weekdays">{t('repeat.weekdays')}</option>
                <option value="weekly">{t('repeat.weekly')}</option>
                <option value="monthly">{t('repeat.monthly')}</option>
              </select>
            </Field>
            {repeat !== 'none' && (
              <>
                <Field label={t('book.times')} name="count" className="narrow">
                  <input type="number" min={2} max={60} value={count} onChange={(e) => setCount(Number(e.target.value))} />
                </Field>
                <Field label={t('book.whenTaken')} name="recurrence.mode" problem={action.problem}>
                  <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
                    <option value="free-ones">{t('book.freeOnes')}</option>
                    <option value="all-or-nothing">{t('book.allOrNothing')}</option>
                  </select>
                </Field>
              </>
            )}
          </div>
          <div className="form-actions">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button kind="primary" type="submit" busy={action.busy}>{action.busy ? t('book.booking') : t('book.confirm')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function OccurrenceList({ items, zone }: { items: Occurrence[]; zone: string }) {
  return (
    <ul className="occurrences">
      {items.map((o) => <li key={o.start}><strong>{formatDateTime(o.start, zone)}</strong> — {o.detail}</li>)}
    </ul>
  );
}
