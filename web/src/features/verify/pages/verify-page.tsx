import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../shared/ui/page';
import { useOperatorKey } from '../api/verify-queries';
import { OperatorKey } from '../components/operator-key';

/** What can be verified and how, in plain words, with the two tools and the operator's key. */
export function VerifyPage() {
  const { t } = useTranslation();
  const key = useOperatorKey();
  return (
    <Page title={t('verify.overview.title')}>
      <p className="verify-lead">{t('verify.overview.intro')}</p>
      <div className="grid two">
        <section className="card" aria-labelledby="verify-share-heading">
          <h2 id="verify-share-heading">{t('verify.overview.shareTitle')}</h2>
          <p>{t('verify.overview.shareText')}</p>
          <Link className="button" to="/verify/share">
            {t('verify.overview.shareLink')}
          </Link>
        </section>
        <section className="card" aria-labelledby="verify-cycle-heading">
          <h2 id="verify-cycle-heading">{t('verify.overview.cycleTitle')}</h2>
          <p>{t('verify.overview.cycleText')}</p>
          <Link className="button" to="/verify/cycle">
            {t('verify.overview.cycleLink')}
          </Link>
        </section>
      </div>
      <section className="card" aria-labelledby="verify-key-heading">
        <h2 id="verify-key-heading">{t('verify.overview.keyTitle')}</h2>
        <p>{t('verify.overview.keyText')}</p>
        <OperatorKey />
      </section>
      <section className="card" aria-labelledby="verify-cli-heading">
        <h2 id="verify-cli-heading">{t('verify.overview.cliTitle')}</h2>
        <p>{t('verify.overview.cliText')}</p>
        <pre className="verify-command" lang="en">
          <code className="verify-hex">huzhu verify cycle.jsonl --public-key {key.data?.public_key_hex ?? 'KEY'}</code>
        </pre>
        <p>
          <Link to="/cycles">{t('verify.overview.reportsLink')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="verify-limits-heading">
        <h2 id="verify-limits-heading">{t('verify.overview.limitsTitle')}</h2>
        <p>{t('verify.overview.limitsText')}</p>
      </section>
    </Page>
  );
}
