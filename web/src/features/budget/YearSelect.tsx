import { useI18n } from '../../i18n/i18n';
import { Field } from '../../ui/ui';
import { thisMonth } from './data';

/** Last year, this year and the next two: the years a budget is kept or planned for. */
export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const now = thisMonth().year;
  const years = [now - 2, now - 1, now, now + 1];
  if (!years.includes(year)) years.push(year);
  return (
    <Field label={t('budget.year')} name="year" className="narrow">
      <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {years.sort().map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </Field>
  );
}

/** The months of a year by name, for "up to month". */
export function MonthSelect({ month, onChange }: { month: number; onChange: (month: number) => void }) {
  const { t, lang } = useI18n();
  const f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  return (
    <Field label={t('budget.month')} name="month">
      <select value={month} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: 12 }, (_, m) => <option key={m} value={m + 1}>{f.format(new Date(Date.UTC(2000, m, 1)))}</option>)}
      </select>
    </Field>
  );
}
