import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../auth/staff-access';
import { Page } from './page';

/** The page a logged-in person sees on a page of a role they do not hold. */
export function NotAllowed({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Page title={t('staff.notAllowed.title')}>
      <div className="card not-allowed" data-testid="not-allowed">
        <p>{t('staff.notAllowed.body')}</p>
        <p className="muted">{t('staff.notAllowed.needs', { roles: roles.map((role) => t(`staff.roles.${role}`)).join(t('staff.listSeparator')) })}</p>
        <p>
          <Link to="/">{t('staff.notAllowed.home')}</Link>
        </p>
      </div>
    </Page>
  );
}
