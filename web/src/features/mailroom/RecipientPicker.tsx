import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { fieldError, type Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Button, Field } from '../../ui/ui';
import { useDebounced } from '../visitors/useDebounced';

export type Suggestion = Schemas['RecipientSuggestionList']['items'][number];

/**
 * Whom a label means (or who collects): names suggested while typing, tolerant of typos and
 * initials, people of the site first; departments too unless only a person will do.
 */
export function RecipientPicker({ siteId, label, name, problem, chosen, onChoose, peopleOnly }: {
  siteId: string;
  label: string;
  /** The API's name for the value (items[0].recipient, collectorId). */
  name: string;
  problem: Problem | null;
  chosen: Suggestion | null;
  onChoose: (s: Suggestion | null) => void;
  peopleOnly?: boolean;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const suggestions = useQuery({
    queryKey: ['mail-recipients', siteId, q],
    enabled: q.length >= 2 && !chosen,
    queryFn: () => call(api.GET('/mail/recipients', { params: { query: { q, site: siteId, limit: 8 } } })),
  });
  if (chosen) {
    const error = fieldError(problem, name);
    return (
      <div className={`field chosen-recipient${error ? ' field-invalid' : ''}`}>
        <span className="label-like">{label}</span>
        <div>
          <strong>{t('mail.desk.chosen', { name: chosen.name })}</strong>
          <Kind s={chosen} />
          {' '}<Button kind="link" onClick={() => onChoose(null)}>{t('mail.desk.change')}</Button>
        </div>
        {error && <small className="error">{error}</small>}
      </div>
    );
  }
  const items = (suggestions.data?.items ?? []).filter((s) => !peopleOnly || s.type === 'person');
  return (
    <>
      <Field label={label} name={name} problem={problem}>
        <input value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" maxLength={100} />
      </Field>
      {q.length >= 2 && suggestions.data && items.length === 0 && <p className="muted small">{t('mail.desk.noRecipient')}</p>}
      {items.length > 0 && (
        <ul className="suggestions" aria-label={label}>
          {items.map((s) => (
            <li key={`${s.type}:${s.personId ?? s.name}`}>
              <button type="button" className="suggestion" onClick={() => onChoose(s)}>{s.name}<Kind s={s} /></button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Kind({ s }: { s: Suggestion }) {
  const { t } = useI18n();
  if (s.type === 'department') {
    return <span className="muted small"> · {t('mail.desk.department')}</span>;
  }
  return s.department ? <span className="muted small"> · {s.department}</span> : null;
}
