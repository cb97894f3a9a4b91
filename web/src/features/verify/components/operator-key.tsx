import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/ui/query-state';
import { useOperatorKey } from '../api/verify-queries';

/** The operator's published key, in full: people compare it with the copy published elsewhere. */
export function OperatorKey() {
  const { t } = useTranslation();
  const key = useOperatorKey();
  return (
    <QueryState query={key}>
      {(data) => (
        <dl className="verify-facts">
          <dt>{t('verify.overview.keyLabel')}</dt>
          <dd>
            <code className="verify-hex" data-testid="operator-key">
              {data.public_key_hex}
            </code>
          </dd>
        </dl>
      )}
    </QueryState>
  );
}
