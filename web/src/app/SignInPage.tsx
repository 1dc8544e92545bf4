import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

export function SignInPage({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useI18n();
  return (
    <main className="center-page">
      <div className="card sign-in">
        <div className="brand brand-large"><span className="brand-mark" aria-hidden="true" />Spil</div>
        <h1>{t('signIn.signedOut')}</h1>
        <p>{t('signIn.explain')}</p>
        <button type="button" className="btn btn-primary" onClick={onSignIn}>{t('signIn.button')}</button>
        <LanguageSwitch />
      </div>
    </main>
  );
}

export function StartFailed({ error }: { error: string }) {
  const { t } = useI18n();
  return (
    <main className="center-page">
      <div className="card sign-in" role="alert">
        <h1>{t('start.failed')}</h1>
        <p>{error}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.assign('/')}>{t('start.again')}</button>
      </div>
    </main>
  );
}
