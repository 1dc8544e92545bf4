import { call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, useFields } from '../../ui/forms';
import { Dialog, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { instantOf, localOf } from '../bookings/time';
import { type Visit } from './data';
import { VisitTimeFields } from './VisitTimeFields';

type Change = Schemas['VisitChange'];
type Values = { date: string; time: string; minutes: string; purpose: string };

/**
 * The change as the API takes it: only what differs from the visit (the visitor is e-mailed
 * again), with the version read; null when nothing differs. The arrival is the site's wall clock.
 */
export function visitChange(visit: Visit, v: Values): Change | null {
  const change: Change = { version: visit.version };
  let expectedAt: string | undefined;
  try {
    expectedAt = instantOf(v.date, v.time, visit.timeZone);
  } catch {
    expectedAt = `${v.date}T${v.time}`; // the API names the field
  }
  if (expectedAt !== undefined && Date.parse(expectedAt) !== Date.parse(visit.expectedAt)) change.expectedAt = expectedAt;
  const minutes = numberOrUndefined(v.minutes);
  if (minutes !== visit.minutes) change.minutes = minutes;
  if (v.purpose !== visit.purpose) change.purpose = v.purpose as Change['purpose'];
  return Object.keys(change).length > 1 ? change : null;
}

/** A host (or the desk) moves a visit, makes it longer or shorter, or names another purpose. */
export function ChangeVisitDialog({ visit, onClose, onChanged }: { visit: Visit; onClose: () => void; onChanged: (visit: Visit) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const local = localOf(visit.expectedAt, visit.timeZone);
  const f = useFields<Values>({ date: local.date, time: local.time, minutes: String(visit.minutes), purpose: visit.purpose });
  const action = useAction(async (body: Change) => call(api.PATCH('/visits/{id}', { params: { path: { id: visit.id } }, body })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = visitChange(visit, f.values);
    if (!body) {
      onClose();
      return;
    }
    const out = await action.submit(body);
    if (out) onChanged(out);
  }
  const p = action.problem;
  return (
    <Dialog title={t('visitors.change.title', { name: visit.visitor.name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('visitors.change.explain')}</p>
        <ProblemBanner problem={p} shown={['expectedAt', 'minutes', 'purpose']} />
        <div className="filter-row">
          <VisitTimeFields bind={f.bind} problem={p} />
        </div>
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('visitors.change.save')} />
      </form>
    </Dialog>
  );
}

/** Visits that can still be changed: those to come, also while held for review. */
export function changeable(visit: Pick<Visit, 'status'>): boolean {
  return visit.status === 'expected' || visit.status === 'needs-review' || visit.status === 'pending-review';
}
