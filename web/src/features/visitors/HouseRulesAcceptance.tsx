import { useState } from 'react';
import type { Problem } from '../../api/problem';
import { ProblemError } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { Button, Field, Loading, ProblemBanner } from '../../ui/ui';
import { rulesText, useHouseRules } from './data';

export interface Acceptance {
  version: number;
  typedName: string;
}

/**
 * The site's current house rules on screen, a box to accept them and the name typed; the
 * check-in is sent with the version shown (the API refuses one that is no longer current).
 */
export function HouseRulesAcceptance({ siteId, language, self, initialName, busy, problem, submitLabel, onAccept, large }: {
  siteId: string;
  /** The language to show the rules in (the visitor's, at the desk). */
  language: 'nl' | 'en';
  /** The visitor operates the screen themselves (the kiosk). */
  self?: boolean;
  initialName?: string;
  busy: boolean;
  problem: Problem | null;
  submitLabel: string;
  onAccept: (acceptance: Acceptance) => void;
  large?: boolean;
}) {
  const { t } = useI18n();
  const rules = useHouseRules(siteId);
  const [accepted, setAccepted] = useState(false);
  const [typedName, setTypedName] = useState(initialName ?? '');
  const [mustAccept, setMustAccept] = useState(false);
  if (rules.isPending) {
    return <Loading />;
  }
  if (rules.error instanceof ProblemError) {
    return <ProblemBanner problem={rules.error.problem} />;
  }
  const version = rules.data?.version ?? 0;
  const text = rulesText(rules.data, language);
  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (version > 0 && !accepted) {
      setMustAccept(true);
      return;
    }
    onAccept({ version, typedName: typedName.trim() });
  }
  return (
    <form onSubmit={submit} noValidate className={large ? 'kiosk-form' : undefined}>
      <ProblemBanner problem={problem} shown={['houseRules', 'code']} />
      <section className="house-rules" aria-label={t('visitors.rules.title')}>
        <h3>{t('visitors.rules.title')} {version > 0 && <span className="muted small">· {t('visitors.rules.version', { n: version })}</span>}</h3>
        {version > 0 ? <div className="house-rules-text" tabIndex={0}>{text}</div> : <p className="muted">{t('visitors.rules.none')}</p>}
      </section>
      {version > 0 && (
        <label className={`accept-box${mustAccept && !accepted ? ' accept-missing' : ''}`}>
          <input type="checkbox" checked={accepted} aria-describedby={mustAccept && !accepted ? 'rules-must' : undefined}
            onChange={(e) => { setAccepted(e.target.checked); setMustAccept(false); }} />
          <span>{self ? t('visitors.rules.acceptSelf') : t('visitors.rules.accept')}</span>
        </label>
      )}
      {mustAccept && !accepted && <p id="rules-must" className="error" role="alert">{t('visitors.rules.mustAccept')}</p>}
      <Field label={self ? t('visitors.rules.typedNameSelf') : t('visitors.rules.typedName')} name="houseRules.typedName" problem={problem}>
        <input value={typedName} onChange={(e) => setTypedName(e.target.value)} maxLength={120} autoComplete="off" required />
      </Field>
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={busy}>{submitLabel}</Button>
      </div>
    </form>
  );
}
