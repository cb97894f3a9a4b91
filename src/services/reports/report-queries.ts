import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/**
 * The store's side of the supervisor report: a handful of GROUP BY statements over a period,
 * each returning a row per plan, currency, state or account, whatever the number of members.
 * The same SQL on both backends. A membership's status at an instant T is the `from_status` of its
 * first event at or after T, or its status now when nothing happened since (as snapshot-step.ts
 * reads coverage), so no event before T needs to exist (imported members).
 */

type Count = string | number | bigint;
const big = (value: Count | null | undefined) => BigInt(value ?? 0);

/** Statuses in which a membership counts as a member: waiting or covered. */
const liveStatuses = ['waiting', 'active'] as const;
export const exitStatuses = ['withdrawn', 'lapsed', 'terminated', 'ended'] as const;
export type ExitStatus = (typeof exitStatuses)[number];

function statusAt(at: string) {
  return sql`coalesce((select e.from_status from membership_events e where e.membership_id = m.id and e.at >= ${at} order by e.at, e.id limit 1), m.status)`;
}

function planFilter(column: string, plan_id: string | null) {
  return plan_id === null ? sql`` : sql`and ${sql.ref(column)} = ${plan_id}`;
}

export interface MembershipCounts {
  readonly plan_id: string;
  readonly start: bigint;
  readonly joined: bigint;
  readonly end: bigint;
}

/** Members at the start and at the end of the period, and joins in it, by plan. */
export async function membershipCountsIn(db: Kysely<Database>, from_at: string, to_at: string, plan_id: string | null): Promise<MembershipCounts[]> {
  const live = sql.join(liveStatuses.map((status) => sql.lit(status)));
  const rows = await sql<{ plan_id: string; start_count: Count; joined: Count; end_count: Count }>`
    select m.plan_id as plan_id,
      sum(case when m.joined_at < ${from_at} and ${statusAt(from_at)} in (${live}) then 1 else 0 end) as start_count,
      sum(case when m.joined_at >= ${from_at} then 1 else 0 end) as joined,
      sum(case when ${statusAt(to_at)} in (${live}) then 1 else 0 end) as end_count
    from memberships m
    where m.joined_at < ${to_at} ${planFilter('m.plan_id', plan_id)}
    group by m.plan_id`.execute(db);
  return rows.rows.map((row) => ({ plan_id: row.plan_id, start: big(row.start_count), joined: big(row.joined), end: big(row.end_count) }));
}

/** Memberships that left the live statuses in the period, by plan and the status they went to. */
export async function membershipExitsIn(
  db: Kysely<Database>,
  from_at: string,
  to_at: string,
  plan_id: string | null,
): Promise<Array<{ plan_id: string; status: ExitStatus; count: bigint }>> {
  const rows = await sql<{ plan_id: string; status: ExitStatus; exits: Count }>`
    select m.plan_id as plan_id, e.to_status as status, count(*) as exits
    from membership_events e join memberships m on m.id = e.membership_id
    where e.at >= ${from_at} and e.at < ${to_at}
      and e.from_status in (${sql.join(liveStatuses.map((status) => sql.lit(status)))})
      and e.to_status in (${sql.join(exitStatuses.map((status) => sql.lit(status)))})
      ${planFilter('m.plan_id', plan_id)}
    group by m.plan_id, e.to_status`.execute(db);
  return rows.rows.map((row) => ({ plan_id: row.plan_id, status: row.status, count: big(row.exits) }));
}

export interface BankClosing {
  readonly currency: string;
  readonly statement_id: bigint;
  readonly last_on: string;
  readonly closing_balance_minor: bigint;
}

/** Per currency, the closing balance of the imported statement that ends last before the day `before_on`. */
export async function lastBankClosingsBefore(db: Kysely<Database>, before_on: string): Promise<BankClosing[]> {
  const rows = await sql<{ currency: string; id: bigint; last_on: string; closing_balance_minor: Count }>`
    select s.currency as currency, s.id as id, s.last_on as last_on, s.closing_balance_minor as closing_balance_minor
    from bank_statements s
    where s.id = (select s2.id from bank_statements s2 where s2.currency = s.currency and s2.last_on < ${before_on} order by s2.last_on desc, s2.id desc limit 1)
    order by s.currency`.execute(db);
  return rows.rows.map((row) => ({ currency: row.currency, statement_id: BigInt(row.id), last_on: row.last_on, closing_balance_minor: big(row.closing_balance_minor) }));
}

export interface ClaimGroup {
  readonly plan_id: string;
  readonly state: string;
  /** The first age bucket (by index) whose lower bound the submission passed, see claimAgeBucketExpression. */
  readonly bucket_index: number;
  readonly claims: bigint;
  readonly aid_minor: bigint;
}

/**
 * Claims submitted before `to_at`, by plan, state at `to_at` (the `to_state` of the last event
 * before it) and age bucket. `bucket_starts` are the instants after which a submission is younger
 * than each bucket's upper bound, youngest first; a claim older than all falls in the last bucket.
 */
export async function claimGroupsAt(db: Kysely<Database>, to_at: string, bucket_starts: readonly string[], plan_id: string | null): Promise<ClaimGroup[]> {
  const whens = bucket_starts.map((start, index) => sql`when c.submitted_at > ${start} then ${sql.lit(index)}`);
  const rows = await sql<{ plan_id: string; state: string; bucket_index: Count; claims: Count; aid_minor: Count | null }>`
    with s as (
      select c.plan_id as plan_id, c.aid_minor as aid_minor,
        coalesce((select e.to_state from claim_events e where e.claim_id = c.id and e.at < ${to_at} order by e.at desc, e.id desc limit 1), 'submitted') as state,
        case ${sql.join(whens, sql` `)} else ${sql.lit(bucket_starts.length)} end as bucket_index
      from claims c
      where c.submitted_at < ${to_at} ${planFilter('c.plan_id', plan_id)}
    )
    select plan_id, state, bucket_index, count(*) as claims, sum(aid_minor) as aid_minor
    from s group by plan_id, state, bucket_index`.execute(db);
  return rows.rows.map((row) => ({ plan_id: row.plan_id, state: row.state, bucket_index: Number(row.bucket_index), claims: big(row.claims), aid_minor: big(row.aid_minor) }));
}

/** The most alerts one report lists; more say so rather than cut silently. */
export const maxReportAlerts = 1000;

export interface AlertRow {
  readonly plan_id: string;
  readonly cycle_code: string;
  readonly snapshot_at: string;
  readonly kind: string;
  readonly value: bigint;
  readonly threshold: bigint;
}

/** Sustainability alerts of cycles whose snapshot fell in the period. */
export async function alertsIn(db: Kysely<Database>, from_at: string, to_at: string, plan_id: string | null): Promise<AlertRow[]> {
  let query = db
    .selectFrom('sustainability_alerts')
    .select(['plan_id', 'cycle_code', 'snapshot_at', 'kind', 'value', 'threshold'])
    .where('snapshot_at', '>=', from_at)
    .where('snapshot_at', '<', to_at);
  if (plan_id !== null) query = query.where('plan_id', '=', plan_id);
  const rows = await query.orderBy('snapshot_at').orderBy('plan_id').orderBy('kind').limit(maxReportAlerts + 1).execute();
  return rows.map((row) => ({ ...row, value: BigInt(row.value), threshold: BigInt(row.threshold) }));
}
