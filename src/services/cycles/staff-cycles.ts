import type { ServiceContext } from '../context.js';
import { caseCounts, getCycleRow, summaryOf, type CycleSummary } from './cycle-queries.js';

/**
 * How a cycle stands for the operator: published once its run completed; failed when its latest job
 * failed or was interrupted and none runs (a new run resumes it); else running.
 */
export type StaffCycleStatus = 'running' | 'published' | 'failed';

export interface StaffCycleJobRef {
  readonly job_id: string;
  readonly status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  readonly error_code: string | null;
}

export interface StaffCycle {
  readonly cycle: CycleSummary;
  readonly staff_status: StaffCycleStatus;
  /** The cycle's latest job, if it was run as one (runs by `huzhu cycle run` have none). */
  readonly last_job: StaffCycleJobRef | null;
}

export interface StaffCyclePage {
  readonly cycles: StaffCycle[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly next_before: string | null;
}

export const maxStaffCyclePage = 200;

function statusOf(cycle: CycleSummary, job: StaffCycleJobRef | undefined): StaffCycleStatus {
  if (cycle.status === 'completed') return 'published';
  if (job !== undefined && (job.status === 'failed' || job.status === 'interrupted')) return 'failed';
  return 'running';
}

/** The latest job of each of these cycles, in one query (the newest id per cycle code). */
async function latestJobs(context: ServiceContext, cycle_codes: readonly string[]): Promise<Map<string, StaffCycleJobRef>> {
  if (cycle_codes.length === 0) return new Map();
  const rows = await context.store.db
    .selectFrom('cycle_jobs')
    .select(['id', 'cycle_code', 'status', 'error_code'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('cycle_jobs').select((inner) => inner.fn.max('id').as('id')).where('cycle_code', 'in', cycle_codes).groupBy('cycle_code'),
    )
    .execute();
  return new Map(rows.map((row) => [row.cycle_code!, { job_id: row.id.toString(), status: row.status, error_code: row.error_code }]));
}

/** Cycles newest first (by when they were opened), with their status for the operator and latest job; paged. */
export async function listStaffCycles(
  context: ServiceContext,
  filter: { plan_id?: string; before?: string; limit: number },
): Promise<StaffCyclePage> {
  const limit = Math.min(Math.max(filter.limit, 1), maxStaffCyclePage);
  let query = context.store.db.selectFrom('cycles').selectAll().orderBy('id', 'desc').limit(limit + 1);
  if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
  if (filter.before !== undefined) {
    const before = await getCycleRow(context, filter.before);
    query = query.where('id', '<', before.id);
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const countOf = await caseCounts(context.store.db, page.map((row) => row.id));
  const jobOf = await latestJobs(context, page.map((row) => row.cycle_code));
  const cycles = page.map((row) => {
    const cycle = summaryOf(row, countOf.get(row.id) ?? 0);
    const job = jobOf.get(row.cycle_code);
    return { cycle, staff_status: statusOf(cycle, job), last_job: job ?? null };
  });
  return { cycles, next_before: rows.length > limit ? page[page.length - 1]!.cycle_code : null };
}

export interface StaffCycleCase {
  readonly case_number: string;
  readonly aid_minor: bigint;
  /** The aid owed after a "reduce_aid" cut; equal to aid under the backstop policy. */
  readonly payable_minor: bigint;
  readonly payout_id: string | null;
  readonly payout_status: string | null;
}

export interface StaffCycleReport extends StaffCycle {
  readonly cases: StaffCycleCase[];
}

/** A cycle for the operator and the auditor: the public figures, its status and every case with aid and payout. */
export async function staffCycleReport(context: ServiceContext, cycle_code: string): Promise<StaffCycleReport> {
  const row = await getCycleRow(context, cycle_code);
  // A cycle has a few hundred cases at most (the plan's approved claims of one notice period).
  const cases = await context.store.db
    .selectFrom('cycle_cases as cc')
    .leftJoin('aid_payouts as ap', (join) => join.onRef('ap.claim_id', '=', 'cc.claim_id').onRef('ap.cycle_id', '=', 'cc.cycle_id'))
    .select(['cc.case_number', 'cc.aid_minor', 'cc.payable_minor', 'ap.id as payout_id', 'ap.status as payout_status'])
    .where('cc.cycle_id', '=', row.id)
    .orderBy('cc.case_number')
    .execute();
  const cycle = summaryOf(row, cases.length);
  const job = (await latestJobs(context, [row.cycle_code])).get(row.cycle_code);
  return {
    cycle,
    staff_status: statusOf(cycle, job),
    last_job: job ?? null,
    cases: cases.map((item) => ({
      case_number: item.case_number,
      aid_minor: item.aid_minor,
      payable_minor: item.payable_minor,
      payout_id: item.payout_id === null ? null : item.payout_id.toString(),
      payout_status: item.payout_status ?? null,
    })),
  };
}
