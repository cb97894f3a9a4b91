import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../shared/ui/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundTitle')}>
      <p>{t('common.notFoundText')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </Page>
  );
}
