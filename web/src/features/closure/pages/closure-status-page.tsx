import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useClosureStatus, usePlan } from '../api';
import { ClosureSummary } from '../components/closure-summary';
import { TransferOfferSummary } from '../components/transfer-offer';

/** Public: a plan's closure, its steps and, once finalised, the signed report to download and check. */
export function ClosureStatusPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan_id = useParams().plan_id ?? '';
  const status = useClosureStatus(plan_id);
  const plan = usePlan(plan_id);
  // The plan's name once known; its id meanwhile (or for a plan the server does not know).
  const name = plan.data === undefined ? plan_id : language === 'en' ? plan.data.name_en : plan.data.name_zh;
  return (
    <Page title={t('closure.publicTitle', { plan: name })}>
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data === null ? (
        <section className="card" aria-labelledby="closure-none">
          <h2 id="closure-none">{t('closure.none.title')}</h2>
          <p>{t('closure.none.body')}</p>
          <p>
            <Link className="more-link" to={`/plans/${encodeURIComponent(plan_id)}`}>
              {t('closure.none.planLink', { plan: name })}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <ClosureSummary closure={status.data} />
          <TransferOfferSummary plan_id={plan_id} />
        </>
      )}
    </Page>
  );
}
