import { awaitingResponseStates, type ComplaintState } from '../../core/complaints/complaint-lifecycle.js';
import { summarizeResponseTimes, type ResponseTimeSummary } from '../../core/complaints/response-times.js';
import type { ServiceContext } from '../context.js';
import type { ComplaintRow } from './complaint-actions.js';
import { complaintRejection } from './complaint-rejections.js';

/** The most complaints one listing returns; callers page with `after` (the queue) or see the newest. */
export const maxComplaintPageSize = 200;

export interface ComplaintEventView {
  readonly event: string;
  readonly from_state: string | null;
  readonly to_state: string;
  readonly at: string;
}

export interface ComplaintView extends ComplaintRow {
  /** Still awaiting a response and past the deadline, by the server clock. */
  readonly overdue: boolean;
  readonly events: readonly ComplaintEventView[];
}

function isOverdue(row: Pick<ComplaintRow, 'state' | 'deadline_at'>, now: string): boolean {
  return awaitingResponseStates.includes(row.state) && row.deadline_at <= now;
}

async function withEvents(context: ServiceContext, rows: readonly ComplaintRow[], staff: boolean): Promise<ComplaintView[]> {
  if (rows.length === 0) return [];
  const now = context.clock.now().toISOString();
  const events = await context.store.db
    .selectFrom('complaint_events')
    .select(['complaint_id', 'event', 'from_state', 'to_state', 'actor', 'at'])
    .where(
      'complaint_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    overdue: isOverdue(row, now),
    // Members see what happened and when; which staff member did it stays with staff.
    events: events.filter((event) => event.complaint_id === row.id).map(({ complaint_id: _id, actor, ...event }) => (staff ? { ...event, actor } : event)),
  }));
}

/** The complaints this member filed, newest first. */
export async function listOwnComplaints(context: ServiceContext, payer_user_id: bigint): Promise<ComplaintView[]> {
  const rows = await context.store.db
    .selectFrom('complaints')
    .selectAll()
    .where('filed_by_user_id', '=', payer_user_id)
    .orderBy('id', 'desc')
    .limit(maxComplaintPageSize)
    .execute();
  return withEvents(context, rows, false);
}

/** One complaint: the filer's (else COMPLAINT_NOT_FOUND, as for one that does not exist), or any for staff. */
export async function getComplaint(context: ServiceContext, complaint_id: bigint, viewer: { user_id: bigint; staff: boolean }): Promise<ComplaintView> {
  let query = context.store.db.selectFrom('complaints').selectAll().where('id', '=', complaint_id);
  if (!viewer.staff) query = query.where('filed_by_user_id', '=', viewer.user_id);
  const row = await query.executeTakeFirst();
  if (row === undefined) complaintRejection('COMPLAINT_NOT_FOUND', `No complaint ${complaint_id}.`, { complaint_id: complaint_id.toString() });
  const [view] = await withEvents(context, [row], viewer.staff);
  return view!;
}

export interface ComplaintQueueFilter {
  readonly state?: ComplaintState | undefined;
  /** true: only those awaiting a response past their deadline; false: only the others. */
  readonly overdue?: boolean | undefined;
  /** An owner's user id, or 'unassigned'. */
  readonly owner?: bigint | 'unassigned' | undefined;
  readonly limit: number;
}

/**
 * The staff queue: those awaiting a response first, by deadline (so the overdue lead), then the
 * answered ones, newest first.
 */
export async function listComplaintQueue(context: ServiceContext, filter: ComplaintQueueFilter): Promise<ComplaintView[]> {
  const now = context.clock.now().toISOString();
  const limit = Math.min(Math.max(1, filter.limit), maxComplaintPageSize);
  let query = context.store.db.selectFrom('complaints').selectAll();
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.owner === 'unassigned') query = query.where('owner_user_id', 'is', null);
  else if (filter.owner !== undefined) query = query.where('owner_user_id', '=', filter.owner);
  if (filter.overdue === true) query = query.where('state', 'in', awaitingResponseStates).where('deadline_at', '<=', now);
  if (filter.overdue === false) query = query.where((eb) => eb.or([eb('state', 'not in', awaitingResponseStates), eb('deadline_at', '>', now)]));
  const rows = await query
    .orderBy((eb) => eb.case().when('state', 'in', awaitingResponseStates).then(0).else(1).end())
    .orderBy('deadline_at')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return withEvents(context, rows, true);
}

export interface ComplaintStatistics {
  readonly from: string;
  readonly to: string;
  readonly filed: number;
  readonly by_state: Readonly<Record<ComplaintState, number>>;
  readonly escalated: number;
  /** Awaiting a response now and past the deadline. */
  readonly overdue_now: number;
  /** Filing to response, of the complaints filed in the period and answered. */
  readonly response_time: ResponseTimeSummary;
  readonly responded_within_deadline: number;
}

/** The most response times one report reads; a period with more says so instead of guessing. */
export const maxStatisticsRows = 100_000;

/**
 * For the supervisors' report: complaints filed in [from, to), counted by state, and how long
 * their responses took (median and 95th percentile, nearest rank). Counts are one grouped query;
 * the response times are read as pairs of instants and summarized by the core.
 */
export async function complaintStatistics(context: ServiceContext, period: { from: string; to: string }, plan_id: string | null = null): Promise<ComplaintStatistics> {
  if (Number.isNaN(Date.parse(period.from)) || Number.isNaN(Date.parse(period.to)) || period.from >= period.to) {
    complaintRejection('COMPLAINT_BAD_PERIOD', 'from and to: ISO instants, from before to.', { from: period.from, to: period.to });
  }
  const now = context.clock.now().toISOString();
  const db = context.store.db;
  let inPeriod = db.selectFrom('complaints').where('filed_at', '>=', period.from).where('filed_at', '<', period.to);
  // A plan's report counts the complaints of its own members only.
  if (plan_id !== null) inPeriod = inPeriod.where('membership_id', 'in', db.selectFrom('memberships').select('id').where('plan_id', '=', plan_id));
  const counts = await inPeriod
    .select(['state'])
    .select((eb) => [
      eb.fn.countAll<bigint>().as('n'),
      eb.fn.count<bigint>('escalated_at').as('escalated'),
      eb.fn.sum<bigint>(eb.case().when(eb.and([eb('state', 'in', awaitingResponseStates), eb('deadline_at', '<=', now)])).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy('state')
    .execute();
  const by_state: Record<ComplaintState, number> = { filed: 0, assigned: 0, responded: 0, accepted: 0, disputed: 0 };
  let escalated = 0;
  let overdue_now = 0;
  for (const row of counts) {
    by_state[row.state] = Number(row.n);
    escalated += Number(row.escalated);
    overdue_now += Number(row.overdue ?? 0);
  }
  const answered = await inPeriod.select(['filed_at', 'responded_at', 'deadline_at']).where('responded_at', 'is not', null).limit(maxStatisticsRows + 1).execute();
  if (answered.length > maxStatisticsRows) {
    complaintRejection('COMPLAINT_BAD_PERIOD', `More than ${maxStatisticsRows} answered complaints in the period: ask for a shorter one.`, { limit: maxStatisticsRows });
  }
  const durations_ms = answered.map((row) => Date.parse(row.responded_at!) - Date.parse(row.filed_at));
  return {
    from: period.from,
    to: period.to,
    filed: Object.values(by_state).reduce((sum, n) => sum + n, 0),
    by_state,
    escalated,
    overdue_now,
    response_time: summarizeResponseTimes(durations_ms),
    responded_within_deadline: answered.filter((row) => row.responded_at! <= row.deadline_at).length,
  };
}
