import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDevMailboxAvailable } from '../api/account-api';

/** Outside production the code is also in the dev mailbox; in production this shows nothing. */
export function DevMailboxLink() {
  const { t } = useTranslation();
  const available = useDevMailboxAvailable();
  if (available.data !== true) return null;
  return (
    <div className="alert warning account-form">
      <p>{t('account.devMailboxHint')}</p>
      <Link to="/dev/mailbox" target="_blank" rel="noreferrer">
        {t('account.devMailboxLink')}
      </Link>
    </div>
  );
}
