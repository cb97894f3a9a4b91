import { RejectionError } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { CycleJobs, type CycleJob } from './cycle-jobs.js';

export interface DueCycleReport {
  readonly plan_id: string;
  /**
   * `ran` or `resumed`; NOT_DUE when the latest notice day's cycle is already completed (a normal
   * day, not an error), ALREADY_RUNNING when another process holds it, or the code of a refusal
   * or failure (CYCLE_JOB_FAILED for an unexpected error, whose message is in `message`).
   */
  readonly outcome: string;
  readonly cycle_id?: string;
  readonly job_id?: string;
  readonly message?: string;
}

/** Refusals that only mean "nothing to do now"; anything else is reported as a failure. */
const quiet = new Set(['CYCLE_NOT_DUE', 'CYCLE_ALREADY_RUNNING']);

function outcomeOf(code: string): string {
  return quiet.has(code) ? code.replace('CYCLE_', '') : code;
}

function reportOf(job: CycleJob): DueCycleReport {
  const ids = { plan_id: job.plan_id, job_id: job.job_id, ...(job.cycle_id === null ? {} : { cycle_id: job.cycle_id }) };
  if (job.status === 'succeeded' && job.result !== null) {
    return { ...ids, outcome: job.result.already_completed ? 'NOT_DUE' : job.result.resumed ? 'resumed' : 'ran' };
  }
  const error = job.error ?? { code: 'CYCLE_JOB_FAILED', message: `job ${job.job_id} is ${job.status}` };
  return { ...ids, outcome: outcomeOf(error.code), ...(quiet.has(error.code) ? {} : { message: error.message }) };
}

/**
 * What `serve` does on the plans' schedule: for every plan, run the cycle of the latest notice day
 * if it has none yet, or finish one a crashed run left unfinished. Each run is a cycle job, the
 * same as `POST /api/plans/:plan_id/cycles/run` starts, so a run asked over HTTP at that moment is
 * joined instead of refused. A plan's refusal or failure (no covered members for its cases, a
 * database error) is reported with its ids and does not stop the other plans.
 */
export async function runDueCycles(context: ServiceContext, jobs: CycleJobs = new CycleJobs(context)): Promise<DueCycleReport[]> {
  const plans = await context.store.db.selectFrom('plans').select('id').orderBy('id').execute();
  const reports: DueCycleReport[] = [];
  for (const { id: plan_id } of plans) {
    try {
      const { job } = await jobs.start(plan_id, { created_by: 'schedule' });
      reports.push(reportOf(await jobs.finished(job.job_id)));
    } catch (error) {
      const code = error instanceof RejectionError ? error.rejection.code : 'CYCLE_JOB_FAILED';
      reports.push({ plan_id, outcome: outcomeOf(code), message: error instanceof Error ? error.message : String(error) });
    }
  }
  return reports;
}
