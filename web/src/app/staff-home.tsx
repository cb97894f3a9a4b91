import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../shared/auth/require-role';
import { useSession } from '../shared/auth/session';
import { mayOpen, staffAccess, staffRoles } from '../shared/auth/staff-access';
import { Page } from '../shared/ui/page';
import { staffNav } from './staff-nav';

function Sections() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data;
  const links = staffNav.filter((link) => mayOpen(user, staffAccess[link.section]));
  return (
    <Page title={t('staff.title')}>
      <p className="muted">{t('staff.home.roles', { roles: (user?.roles ?? []).map((role) => t(`staff.roles.${role}`)).join(t('staff.listSeparator')) })}</p>
      <ul className="grid three staff-sections">
        {links.map((link) => (
          <li key={link.to} className="card">
            <h2>
              <Link to={link.to}>{t(link.key)}</Link>
            </h2>
            <p className="muted">{t(`staff.home.about.${link.section}`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** /staff: the sections of the console the user's roles open. */
export function StaffHome() {
  return (
    <RequireRole roles={staffRoles}>
      <Sections />
    </RequireRole>
  );
}
