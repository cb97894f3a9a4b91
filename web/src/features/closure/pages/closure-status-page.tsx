import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useClosureStatus } from '../api';
import { ClosureSummary } from '../components/closure-summary';

/** Public: a plan's closure, its steps and, once finalised, the signed report to download and check. */
export function ClosureStatusPage() {
  const { t } = useTranslation();
  const plan_id = useParams().plan_id ?? '';
  const status = useClosureStatus(plan_id);
  return (
    <Page title={t('closure.publicTitle', { plan: plan_id })}>
      <QueryState query={status}>{(closure) => <ClosureSummary closure={closure} />}</QueryState>
    </Page>
  );
}
