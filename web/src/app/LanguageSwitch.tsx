import { setLanguage, useI18n, type Language } from '../i18n/i18n';

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {(['nl', 'en'] as Language[]).map((l) => (
        <button key={l} type="button" className={`btn btn-link${l === lang ? ' active' : ''}`} aria-pressed={l === lang}
          lang={l} onClick={() => setLanguage(l)}>
          {l === 'nl' ? 'Nederlands' : 'English'}
        </button>
      ))}
    </div>
  );
}
