import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import type { Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { currentLanguage, setLanguage, useI18n, type Language } from '../../i18n/i18n';
import { Button, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { formatCode, normalizeCode, notACode } from '../visitors/code';
import { HouseRulesAcceptance, type Acceptance } from '../visitors/HouseRulesAcceptance';
import { QrScanner } from '../visitors/QrScanner';
import { useIdleReset } from './idle';
import '../visitors/visitors.css';
import './kiosk.css';

type Step =
  | { at: 'start' }
  | { at: 'code'; direction: 'in' | 'out'; scanning: boolean }
  | { at: 'rules'; code: string }
  | { at: 'done'; message: string; detail?: string };

const IDLE_MS = 60_000;

/**
 * The kiosk a visitor operates alone, on reception's signed-in tablet: large touch targets, the
 * visitor's own name only (no list, no navigation, no staff data), back to the start after a
 * minute without use. Reception leaves it by holding the small button in the corner.
 */
export default function KioskPage() {
  const { t, lang } = useI18n();
  const { site, api } = useApp();
  const startLanguage = useRef<Language>(currentLanguage());
  const [step, setStep] = useState<Step>({ at: 'start' });
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<Problem | null>(null);
  const reset = () => {
    setStep({ at: 'start' });
    setCode('');
    setCodeProblem(null);
    checkIn.reset();
    checkOut.reset();
    setLanguage(startLanguage.current, false);
  };
  useIdleReset(IDLE_MS, step.at !== 'start', reset);
  const checkIn = useAction(async (body: { code: string; houseRules: Acceptance }) =>
    call(api.POST('/check-ins', { body: { siteId: site!.id, ...body } })));
  const checkOut = useAction(async (c: string) => call(api.POST('/check-outs', { body: { siteId: site!.id, code: c } })));
  useEffect(() => {
    document.title = `${t('kiosk.title')} · Spil`;
  }, [t]);
  if (!site) {
    return <main className="kiosk"><p>{t('app.noSite')}</p></main>;
  }

  async function withCode(c: string, direction: 'in' | 'out') {
    if (direction === 'in') {
      setStep({ at: 'rules', code: c });
      return;
    }
    const visit = await checkOut.submit(c);
    if (visit) {
      setStep({ at: 'done', message: t('kiosk.goodbye', { name: visit.visitor.name }) });
    }
  }
  function submitCode(e: React.FormEvent, direction: 'in' | 'out') {
    e.preventDefault();
    const c = normalizeCode(code);
    if (!c) {
      setCodeProblem(notACode(t('problem.fields'), t('visitors.desk.codeHint')));
      return;
    }
    setCodeProblem(null);
    void withCode(c, direction);
  }
  const seeReception = (p: Problem | null) => p?.kind === 'visitor-see-reception';

  return (
    <main className="kiosk" id="main">
      <header className="kiosk-head">
        <span className="brand"><span className="brand-mark" aria-hidden="true" />{site.name}</span>
        <div className="kiosk-lang" role="group" aria-label={t('common.language')}>
          {(['nl', 'en'] as const).map((l) => (
            <button key={l} type="button" className={`btn kiosk-lang-btn${lang === l ? ' active' : ''}`} aria-pressed={lang === l}
              onClick={() => setLanguage(l, false)}>{l === 'nl' ? 'Nederlands' : 'English'}</button>
          ))}
        </div>
      </header>

      {step.at === 'start' && (
        <section className="kiosk-body" aria-labelledby="kiosk-title">
          <h1 id="kiosk-title">{t('kiosk.title')}</h1>
          <p className="kiosk-lead">{t('kiosk.intro')}</p>
          <div className="kiosk-choices">
            <button type="button" className="kiosk-big kiosk-primary" onClick={() => setStep({ at: 'code', direction: 'in', scanning: false })}>
              {t('kiosk.checkIn')}
            </button>
            <button type="button" className="kiosk-big" onClick={() => setStep({ at: 'code', direction: 'out', scanning: false })}>
              {t('kiosk.checkOut')}
            </button>
          </div>
        </section>
      )}

      {step.at === 'code' && (
        <section className="kiosk-body" aria-labelledby="kiosk-title">
          <h1 id="kiosk-title">{step.direction === 'in' ? t('kiosk.checkIn') : t('kiosk.checkOut')}</h1>
          {seeReception(checkOut.problem) ? <p className="kiosk-alert" role="alert">{t('kiosk.seeReception')}</p>
            : <ProblemBanner problem={checkOut.problem} shown={['code']} />}
          {step.scanning ? (
            <QrScanner onCode={(c) => { setCode(formatCode(c)); setStep({ ...step, scanning: false }); void withCode(c, step.direction); }} />
          ) : (
            <form onSubmit={(e) => submitCode(e, step.direction)} noValidate className="kiosk-form">
              <Field label={t('kiosk.code')} name="code" problem={codeProblem ?? checkOut.problem} hint={t('visitors.desk.codeHint')}>
                <input className="code-input kiosk-code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={32}
                  autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH" />
              </Field>
              <div className="kiosk-choices">
                <Button kind="primary" type="submit" className="kiosk-big kiosk-primary" busy={checkOut.busy}>{t('visitors.desk.next')}</Button>
              </div>
            </form>
          )}
          <div className="kiosk-choices">
            <button type="button" className="kiosk-big" onClick={() => setStep({ ...step, scanning: !step.scanning })}>
              {step.scanning ? t('kiosk.typeCode') : t('kiosk.scan')}
            </button>
            <button type="button" className="kiosk-big kiosk-quiet" onClick={reset}>{t('kiosk.back')}</button>
          </div>
        </section>
      )}

      {step.at === 'rules' && (
        <section className="kiosk-body" aria-labelledby="kiosk-title">
          <h1 id="kiosk-title">{t('kiosk.checkIn')}</h1>
          {seeReception(checkIn.problem) ? (
            <>
              <p className="kiosk-alert" role="alert">{t('kiosk.seeReception')}</p>
              <button type="button" className="kiosk-big" onClick={reset}>{t('kiosk.start')}</button>
            </>
          ) : (
            <>
              <HouseRulesAcceptance siteId={site.id} language={lang} self large busy={checkIn.busy} problem={checkIn.problem}
                submitLabel={t('kiosk.checkIn')}
                onAccept={async (houseRules) => {
                  const visit = await checkIn.submit({ code: step.code, houseRules });
                  if (visit) {
                    setStep({ at: 'done', message: t('kiosk.welcome', { name: visit.visitor.name }), detail: t('kiosk.hostTold') });
                  }
                }} />
              <button type="button" className="kiosk-big kiosk-quiet" onClick={reset}>{t('kiosk.back')}</button>
            </>
          )}
        </section>
      )}

      {step.at === 'done' && (
        <section className="kiosk-body" aria-labelledby="kiosk-title">
          <div role="status">
            <h1 id="kiosk-title">{step.message}</h1>
            {step.detail && <p className="kiosk-lead">{step.detail}</p>}
          </div>
          <button type="button" className="kiosk-big kiosk-primary" onClick={reset}>{t('kiosk.start')}</button>
        </section>
      )}

      <footer className="kiosk-foot">
        <span className="muted small">{t('kiosk.resetSoon')}</span>
        <HoldToExit />
      </footer>
    </main>
  );
}

/** Reception leaves the kiosk by holding this for two seconds (a visitor's tap does nothing). */
function HoldToExit() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const start = () => { timer.current = setTimeout(() => navigate('/visitors/today'), 2000); };
  const stop = () => clearTimeout(timer.current);
  useEffect(() => stop, []);
  return (
    <button type="button" className="btn btn-link kiosk-exit" onPointerDown={start} onPointerUp={stop} onPointerLeave={stop}
      onKeyDown={(e) => { if (e.key === 'Enter' && !e.repeat) start(); }} onKeyUp={stop}>
      {t('kiosk.exit')}
    </button>
  );
}
