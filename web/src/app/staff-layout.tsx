import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../shared/auth/session';
import { mayOpen, staffAccess } from '../shared/auth/staff-access';
import { staffNav } from './staff-nav';

/** The staff console: its sections beside the page (above it on a narrow screen), only those the user's roles open. */
export function StaffLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const links = staffNav.filter((link) => mayOpen(session.data, staffAccess[link.section]));
  return (
    <div className="staff">
      {links.length === 0 ? null : (
        <nav className="staff-nav" aria-label={t('staff.nav.label')}>
          <p className="staff-nav-title">{t('staff.title')}</p>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{t(link.key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="staff-content">
        <Outlet />
      </div>
    </div>
  );
}
