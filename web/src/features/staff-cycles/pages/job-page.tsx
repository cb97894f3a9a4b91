import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Page } from '../../../shared/ui/page';
import { JobProgress } from '../components/job-progress';

function JobContent() {
  const { t } = useTranslation();
  const { job_id = '' } = useParams();
  return (
    <Page title={t('staffCycles.job.pageTitle', { id: job_id })}>
      <p>
        <Link to="/staff/cycles">{t('staffCycles.backToCycles')}</Link>
      </p>
      <p className="muted">{t('staffCycles.job.followExplained')}</p>
      <JobProgress key={job_id} job_id={job_id} />
    </Page>
  );
}

export function CycleJobPage() {
  return (
    <RequireRole roles={staffAccess.cycles}>
      <JobContent />
    </RequireRole>
  );
}
