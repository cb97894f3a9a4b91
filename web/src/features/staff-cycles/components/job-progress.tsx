import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Instant } from '../../../shared/ui/money';
import { ErrorState, QueryState } from '../../../shared/ui/query-state';
import { useFollowedJob, type CycleJob } from '../api';

const statusTone: Record<CycleJob['status'], string> = { running: 'warn', succeeded: '', failed: 'bad', interrupted: 'bad' };

export function JobStatusBadge({ status }: { status: CycleJob['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge staff-cycles-badge ${statusTone[status]}`}>{t(`staffCycles.jobStatus.${status}`)}</span>;
}

function JobError({ error }: { error: NonNullable<CycleJob['error']> }) {
  const { t } = useTranslation();
  // The job's error is a rejection code of the run: shown in the person's language where we have it.
  const text = errorMessage(t, new ApiError(422, error.code, error.message, {}));
  return (
    <div className="alert error" role="alert">
      <p>
        <strong>{t('staffCycles.job.failed')}</strong> <code>{error.code}</code>
      </p>
      <p>{text}</p>
    </div>
  );
}

function JobView({ job, headingLevel }: { job: CycleJob; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const stepName = job.step === null ? t('staffCycles.job.notStarted') : t(`staffCycles.step.${job.step}`);
  return (
    <section className="card staff-cycles-job" aria-labelledby={`job-${job.job_id}`}>
      <div className="spread">
        <Heading id={`job-${job.job_id}`}>{t('staffCycles.job.title', { id: job.job_id })}</Heading>
        <JobStatusBadge status={job.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('staffCycles.plan')}</dt>
          <dd>{job.plan_id}</dd>
        </div>
        <div>
          <dt>{t('staffCycles.job.cycle')}</dt>
          <dd>{job.cycle_id === null ? '—' : <Link to={`/staff/cycles/${encodeURIComponent(job.cycle_id)}`}>{job.cycle_id}</Link>}</dd>
        </div>
        <div>
          <dt>{t('staffCycles.job.started')}</dt>
          <dd>
            <Instant value={job.created_at} />
          </dd>
        </div>
        <div>
          <dt>{t('staffCycles.job.finished')}</dt>
          <dd>{job.finished_at === null ? '—' : <Instant value={job.finished_at} />}</dd>
        </div>
      </dl>
      <div aria-live="polite" className="staff-cycles-progress">
        <p>
          {t('staffCycles.job.step')}: <strong data-testid="job-step">{stepName}</strong> ·{' '}
          <span data-testid="job-steps">{t('staffCycles.job.stepsDone', { done: job.steps_done, total: job.steps_total })}</span>
          {job.step_statements === null ? null : <span className="muted"> · {t('staffCycles.job.statements', { number: job.step_statements })}</span>}
        </p>
        <progress max={job.steps_total} value={job.steps_done} aria-label={t('staffCycles.job.progressLabel', { done: job.steps_done, total: job.steps_total })} />
      </div>
      {job.result === null ? null : (
        <div className="alert info" role="status">
          <p>
            {job.result.already_completed
              ? t('staffCycles.job.alreadyCompleted', { cycle: job.result.cycle_id })
              : job.result.resumed
                ? t('staffCycles.job.resumed', { cycle: job.result.cycle_id })
                : t('staffCycles.job.succeeded', { cycle: job.result.cycle_id })}
          </p>
          <p>
            <Link className="button secondary" to={`/staff/cycles/${encodeURIComponent(job.result.cycle_id)}`}>
              {t('staffCycles.job.openReport')}
            </Link>
          </p>
        </div>
      )}
      {job.error === null ? null : <JobError error={job.error} />}
    </section>
  );
}

/** A cycle job and its live progress, followed by long-polls while it runs. */
export function JobProgress({ job_id, headingLevel = 2 }: { job_id: string; headingLevel?: 2 | 3 }) {
  const { query, followError, resume } = useFollowedJob(job_id);
  return (
    <QueryState query={query}>
      {(job) => (
        <>
          <JobView job={job} headingLevel={headingLevel} />
          {followError === null ? null : <ErrorState error={followError} onRetry={resume} />}
        </>
      )}
    </QueryState>
  );
}
