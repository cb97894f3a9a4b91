import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { ErrorState } from '../../../shared/ui/query-state';

/**
 * A membership that does not exist and one paid for by someone else look the same (the API
 * answers 404 for both, so ids cannot be probed): say so plainly, with the way back.
 */
export function MembershipError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <div className="alert error" role="alert">
        <p>{t('memberships.notFound')}</p>
        <Link to="/me">{t('memberships.backToMe')}</Link>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
