import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, ScrollRestoration } from 'react-router';
import { onSessionExpired } from '../shared/api/client';
import { loginPath } from '../shared/auth/require-session';
import { useSession, sessionQueryKey } from '../shared/auth/session';
import { isStaff } from '../shared/auth/staff-access';
import { loadAllTexts, setLanguage, useLanguage } from '../shared/i18n/i18n';
import { useQueryClient } from '@tanstack/react-query';

/** The four tabs of the phone layout; a desktop shows them (and two more) in the header. */
const tabs = [
  { to: '/', key: 'nav.home', icon: '⌂', end: true },
  { to: '/notices', key: 'nav.notices', icon: '☰', end: false },
  { to: '/verify', key: 'nav.verify', icon: '✓', end: false },
  { to: '/me', key: 'nav.me', icon: '☺', end: false },
] as const;

const desktopLinks = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/plans', key: 'nav.plans', end: false },
  { to: '/notices', key: 'nav.notices', end: false },
  { to: '/cycles', key: 'nav.cycles', end: false },
  { to: '/verify', key: 'nav.verify', end: false },
  { to: '/me', key: 'nav.me', end: false },
] as const;

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => void setLanguage(other)} aria-label={t('common.switchLanguage')}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** When a request finds the session gone, go to the login page and come back here afterwards. */
function useSessionExpiry() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        if (location.pathname === '/login') return;
        // A visitor's own session check (GET /api/auth/me) answers 401 too: nothing expired then.
        if (client.getQueryData(sessionQueryKey) == null) return;
        client.setQueryData(sessionQueryKey, null);
        void navigate(loginPath(location.pathname + location.search), { replace: true });
      }),
    [navigate, location, client],
  );
}

/** Once the first page has painted, fetch the rest of the texts, so the next page opens at once. */
function usePrefetchTexts() {
  useEffect(() => {
    const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
    whenIdle(() => void loadAllTexts());
  }, []);
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  useSessionExpiry();
  usePrefetchTexts();
  const user = session.data;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('common.brand')}
        </Link>
        <nav className="top-nav" aria-label={t('nav.main')}>
          {desktopLinks.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end}>
              {t(link.key)}
            </NavLink>
          ))}
        </nav>
        <div className="header-actions">
          <LanguageSwitch />
          {isStaff(user) ? <Link to="/staff">{t('nav.staff')}</Link> : null}
          {user === undefined ? null : user === null ? <Link to="/login">{t('nav.login')}</Link> : <Link to="/account">{user.display_name}</Link>}
        </div>
      </header>
      <main id="main">
        <Outlet />
        <footer className="app-footer">
          <Link to="/about/operator">{t('nav.aboutOperator')}</Link>
        </footer>
      </main>
      <nav className="tab-bar" aria-label={t('nav.tabs')}>
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end}>
            <span className="tab-icon" aria-hidden="true">
              {tab.icon}
            </span>
            {t(tab.key)}
          </NavLink>
        ))}
      </nav>
      <ScrollRestoration />
    </>
  );
}
