import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { CsvLink } from '../../../shared/ui/csv-link';
import { TextField } from '../../../shared/ui/field';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading, QueryState } from '../../../shared/ui/query-state';
import { useRecentJobs, useStaffCycles, useStartRun } from '../api';
import { CycleStatusBadge, ShortHex } from '../components/cycle-status';
import { JobProgress, JobStatusBadge } from '../components/job-progress';
import { useMayAct } from '../components/may-act';
import { PlanSelect } from '../components/plan-select';

/** `at` as the API takes it: the local date and time the operator typed, as an instant; empty for now. */
function atInstant(local: string): string | undefined {
  if (local === '') return undefined;
  const instant = new Date(local);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

function RunForm({ onStarted }: { onStarted: (job_id: string, joined: boolean) => void }) {
  const { t } = useTranslation();
  const start = useStartRun();
  const [plan_id, setPlan] = useState('');
  const [at, setAt] = useState('');
  const [planError, setPlanError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (plan_id === '') {
      setPlanError(t('staffCycles.run.planRequired'));
      return;
    }
    setPlanError(undefined);
    // A second press while the first is out is ignored; a press after it joins the running job (the API does).
    if (start.isPending) return;
    const instant = atInstant(at);
    start.mutate({ plan_id, ...(instant === undefined ? {} : { at: instant }) }, { onSuccess: (answer) => onStarted(answer.job.job_id, answer.joined) });
  };
  return (
    <form className="card staff-cycles-run" onSubmit={submit} noValidate aria-labelledby="run-title">
      <h2 id="run-title">{t('staffCycles.run.title')}</h2>
      <p className="muted">{t('staffCycles.run.explained')}</p>
      <div className="staff-cycles-run-fields">
        <div data-field="plan">
          <PlanSelect label={t('staffCycles.plan')} value={plan_id} onChange={(value) => setPlan(value)} required />
          {planError === undefined ? null : (
            <span className="field-error" role="alert">
              {planError}
            </span>
          )}
        </div>
        <TextField label={t('staffCycles.run.at')} hint={t('staffCycles.run.atHint')} type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
      </div>
      {start.isError ? (
        <div className="alert error" role="alert">
          <p>{errorMessage(t, start.error)}</p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={start.isPending}>
        {start.isPending ? t('staffCycles.run.starting') : t('staffCycles.run.submit')}
      </button>
    </form>
  );
}

function CyclesTable({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cycles = useStaffCycles(plan_id);
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const rows = cycles.data.pages.flatMap((page) => page.cycles);
  if (rows.length === 0) return <p className="muted">{t('staffCycles.noCycles')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{t('staffCycles.cyclesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffCycles.cycle')}</th>
              <th scope="col">{t('staffCycles.noticeDay')}</th>
              <th scope="col">{t('staffCycles.members')}</th>
              <th scope="col">{t('staffCycles.cases')}</th>
              <th scope="col">{t('staffCycles.total')}</th>
              <th scope="col">{t('staffCycles.sharePerMember')}</th>
              <th scope="col">{t('staffCycles.status')}</th>
              <th scope="col">{t('staffCycles.merkleRoot')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ cycle, staff_status, last_job }) => (
              <tr key={cycle.cycle_id}>
                <th scope="row">
                  <Link to={`/staff/cycles/${encodeURIComponent(cycle.cycle_id)}`}>{cycle.cycle_id}</Link>
                </th>
                <td>
                  <Day value={cycle.snapshot_at} />
                </td>
                <td className="number">{cycle.member_count === null ? '—' : formatNumber(cycle.member_count, language)}</td>
                <td className="number">{formatNumber(cycle.case_count, language)}</td>
                <td className="number">
                  <Money minor={cycle.total_minor} currency={cycle.currency} />
                </td>
                <td className="number">{cycle.paid_share_per_member_minor === null ? '—' : <Money minor={cycle.paid_share_per_member_minor} currency={cycle.currency} />}</td>
                <td>
                  <CycleStatusBadge status={staff_status} />
                  {last_job === null || staff_status === 'published' ? null : (
                    <>
                      {' '}
                      <Link to={`/staff/cycles/jobs/${last_job.job_id}`}>{t('staffCycles.job.title', { id: last_job.job_id })}</Link>
                    </>
                  )}
                </td>
                <td>
                  <ShortHex hex={cycle.merkle_root_hex} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cycles.hasNextPage ? (
        <button type="button" className="button secondary" disabled={cycles.isFetchingNextPage} onClick={() => void cycles.fetchNextPage()}>
          {t('staffCycles.more')}
        </button>
      ) : null}
    </>
  );
}

function RecentJobs({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const jobs = useRecentJobs(plan_id);
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('staffCycles.recentJobs')}</h2>
      <QueryState query={jobs}>
        {(data) =>
          data.jobs.length === 0 ? (
            <p className="muted">{t('staffCycles.noJobs')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t('staffCycles.jobsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffCycles.jobColumn')}</th>
                    <th scope="col">{t('staffCycles.plan')}</th>
                    <th scope="col">{t('staffCycles.job.cycle')}</th>
                    <th scope="col">{t('staffCycles.status')}</th>
                    <th scope="col">{t('staffCycles.job.step')}</th>
                    <th scope="col">{t('staffCycles.job.started')}</th>
                    <th scope="col">{t('staffCycles.job.errorCode')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.jobs.map((job) => (
                    <tr key={job.job_id}>
                      <th scope="row">
                        <Link to={`/staff/cycles/jobs/${job.job_id}`}>{t('staffCycles.job.title', { id: job.job_id })}</Link>
                      </th>
                      <td>{job.plan_id}</td>
                      <td>{job.cycle_id ?? '—'}</td>
                      <td>
                        <JobStatusBadge status={job.status} />
                      </td>
                      <td>{t('staffCycles.job.stepsDone', { done: job.steps_done, total: job.steps_total })}</td>
                      <td>
                        <Instant value={job.created_at} />
                      </td>
                      <td>{job.error === null ? '—' : <code>{job.error.code}</code>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function CyclesContent() {
  const { t } = useTranslation();
  const mayAct = useMayAct();
  const [plan_id, setPlan] = useState('');
  const [started, setStarted] = useState<{ job_id: string; joined: boolean } | null>(null);
  return (
    <Page title={t('staffCycles.title')}>
      <p>{t('staffCycles.intro')}</p>
      {mayAct ? <RunForm onStarted={(job_id, joined) => setStarted({ job_id, joined })} /> : null}
      {started === null ? null : (
        <div className="staff-cycles-started">
          {started.joined ? (
            <p className="alert info" role="status">
              {t('staffCycles.run.joined')}
            </p>
          ) : null}
          <JobProgress key={started.job_id} job_id={started.job_id} />
          <p>
            <Link to={`/staff/cycles/jobs/${started.job_id}`}>{t('staffCycles.job.openPage')}</Link>
          </p>
        </div>
      )}
      <section aria-labelledby="cycles-title">
        <div className="spread">
          <h2 id="cycles-title">{t('staffCycles.cyclesTitle')}</h2>
          <CsvLink table="cycles" />
        </div>
        <div className="staff-cycles-filter">
          <PlanSelect label={t('staffCycles.filterPlan')} anyLabel={t('staffCycles.allPlans')} value={plan_id} onChange={setPlan} />
        </div>
        <CyclesTable plan_id={plan_id} />
      </section>
      <RecentJobs plan_id={plan_id} />
    </Page>
  );
}

export function StaffCyclesPage() {
  return (
    <RequireRole roles={staffAccess.cycles}>
      <CyclesContent />
    </RequireRole>
  );
}
