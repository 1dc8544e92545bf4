import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useApp } from './context';
import { LanguageSwitch } from './LanguageSwitch';
import { screensFor, type Screen } from './routes';

const GROUPS: { id: Screen['group']; label: MessageKey }[] = [
  { id: 'me', label: 'nav.group.me' },
  { id: 'desk', label: 'nav.group.desk' },
  { id: 'office', label: 'nav.group.office' },
  { id: 'reports', label: 'nav.group.reports' },
];

/** Header (site, language, who is signed in), the navigation for the person's roles, the screen. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, me, sites, site, setSiteId, signOut } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const close = (e: KeyboardEvent) => { if (e.key === 'Escape') setMenuOpen(false); };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [menuOpen]);
  const screens = screensFor(session.roles).filter((s) => !s.hidden);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="topbar">
        <button type="button" className="btn btn-link menu-button" aria-expanded={menuOpen} aria-controls="nav"
          onClick={() => setMenuOpen((o) => !o)}>
          <span aria-hidden="true">☰</span><span className="menu-label">{t('app.menu')}</span>
        </button>
        <NavLink to="/" className="brand"><span className="brand-mark" aria-hidden="true" />Spil</NavLink>
        {sites.length > 0 && (
          <label className="site-picker">
            <span className="visually-hidden">{t('app.site')}</span>
            <select value={site?.id ?? ''} onChange={(e) => setSiteId(e.target.value)}>
              {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        )}
        <div className="topbar-end">
          <span className="who" title={session.email}>{me?.name ?? session.email}</span>
          <button type="button" className="btn btn-link" onClick={signOut}>{t('app.signOut')}</button>
        </div>
      </header>
      <nav id="nav" className={`sidenav${menuOpen ? ' open' : ''}`} aria-label={t('app.navigation')}>
        <NavLink to="/" end className="nav-link"><span className="nav-icon" aria-hidden="true">⌂</span>{t('nav.home')}</NavLink>
        {GROUPS.map((g) => {
          const items = screens.filter((s) => s.group === g.id);
          return items.length === 0 ? null : (
            <div key={g.id} className="nav-group">
              <h2 className="nav-group-title">{t(g.label)}</h2>
              {items.map((s) => (
                <NavLink key={s.path} to={s.path} className="nav-link">
                  <span className="nav-icon" aria-hidden="true">{s.icon}</span>{t(s.label)}
                </NavLink>
              ))}
            </div>
          );
        })}
        <div className="nav-foot">
          <LanguageSwitch />
          <div className="nav-who">
            <span className="muted small">{session.email}</span>
            <button type="button" className="btn btn-link" onClick={signOut}>{t('app.signOut')}</button>
          </div>
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>{children}</main>
    </div>
  );
}
