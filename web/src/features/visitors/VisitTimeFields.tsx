import type { Problem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../../ui/ui';
import { PURPOSES } from './data';

type Bind = (name: 'date' | 'time' | 'minutes' | 'purpose') => { value: never; onChange: (e: { target: { value: string } }) => void };

/** When a visit is, how long, and why: the same four fields when registering a visit and when changing one. */
export function VisitTimeFields({ bind, problem }: { bind: Bind; problem: Problem | null | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('visitors.form.date')} name="expectedAt" problem={problem}><input type="date" {...bind('date')} required /></Field>
      <Field label={t('visitors.form.time')} name="expectedAt.time" problem={problem}><input type="time" step={300} {...bind('time')} required /></Field>
      <Field label={t('visitors.form.minutes')} name="minutes" problem={problem} className="narrow">
        <input type="number" min={1} max={1440} {...bind('minutes')} />
      </Field>
      <Field label={t('visitors.form.purpose')} name="purpose" problem={problem}>
        <select {...bind('purpose')}>{PURPOSES.map((x) => <option key={x} value={x}>{t(`visitors.purpose.${x}`)}</option>)}</select>
      </Field>
    </>
  );
}
