import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorState } from '../shared/ui/query-state';

/** A page that failed to load or threw: say so and offer a reload, never a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main">
      <h1>{t('common.pageFailed')}</h1>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
