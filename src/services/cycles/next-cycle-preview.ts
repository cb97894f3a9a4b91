import { sql } from 'kysely';
import { collectionDateFor, cycleCode, latestNoticeDate, nextNoticeDate, snapshotTime } from '../../core/cycles/cycle-calendar.js';
import { cycleTotals } from '../../core/cycles/cycle-figures.js';
import { calendarDateOf, dayNumber } from '../../core/members/age.js';
import { assert } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { versionAt, type Plan } from '../plans.js';
import { casesToShareIn } from './open-cycle.js';
import { capRoomExpression, coveredAt, statusAtJoin, weightExpression, yearPaidJoinIn } from './snapshot-step.js';
import { CYCLE_PRODUCT_LIMIT } from './sql-allocation.js';

/** The most cases a preview lists one by one; the totals always cover them all. */
export const maxPreviewCases = 200;

export interface NextCyclePreview {
  readonly cycle_id: string;
  readonly snapshot_at: string;
  readonly collection_at: string;
  /** The snapshot is past: the cycle is due and waits for its run. */
  readonly due: boolean;
  readonly plan_version: number;
  readonly cases: ReadonlyArray<{ case_number: string; aid_minor: bigint }>;
  readonly case_count: number;
  readonly aid_total_minor: bigint;
  readonly fee_bps: number;
  readonly fee_minor: bigint;
  readonly surplus_in_minor: bigint;
  readonly total_minor: bigint;
  readonly surplus_out_minor: bigint;
  readonly cap_policy: 'backstop' | 'reduce_aid';
  /** Members who would be covered at the snapshot if nobody joined or left before it. */
  readonly member_count: bigint;
  readonly weight_total: bigint;
  /** floor(total / weight total): the share of a member of weight 1 before the caps. */
  readonly share_per_weight_minor: bigint;
  /** The per-case cap times the cases (null without a per-case cap): the most any member pays. */
  readonly per_member_cap_minor: bigint | null;
  /** The share of a member of weight 1 with nothing paid yet this year, after the caps. */
  readonly estimated_share_minor: bigint;
  /** Members whose cap room is less than their whole units floor(T·w/W): the caps hold part of their share back. */
  readonly members_at_cap: bigint;
  /** What the caps hold back from those whole units; the leftover units (fewer than the members) may add to it. */
  readonly capped_estimate_minor: bigint;
}

function minOf(values: readonly bigint[]): bigint {
  return values.reduce((smallest, value) => (value < smallest ? value : smallest));
}

/**
 * The plan's next cycle as it would be if it ran now: the notice day it will snapshot (the one due
 * and not yet run, or the next one), the cases it would share and its totals by the same
 * functions the run uses (casesToShareIn, cycleTotals), and the covered members, their weights and
 * cap rooms by the snapshot's own SQL expressions, aggregated in the store (two statements over
 * the members, never a member row in JavaScript).
 */
export async function nextCyclePreview(context: ServiceContext, plan: Plan): Promise<NextCyclePreview> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const last = await db
    .selectFrom('cycles')
    .select(['sequence', 'snapshot_at', 'surplus_out_minor'])
    .where('plan_id', '=', plan.id)
    .orderBy('sequence', 'desc')
    .executeTakeFirst();
  const schedule = versionAt(plan, now).rules.schedule;
  const due_date = latestNoticeDate(schedule, calendarDateOf(now));
  const ran_due = last !== undefined && dayNumber(calendarDateOf(last.snapshot_at)) >= dayNumber(due_date);
  const snapshot_date = ran_due ? nextNoticeDate(schedule, calendarDateOf(last.snapshot_at)) : due_date;
  const snapshot_at = snapshotTime(snapshot_date);
  const version = versionAt(plan, snapshot_at);
  const rules = version.rules;

  const cases = await casesToShareIn(db, plan.id, snapshot_at);
  const aid_total_minor = cases.reduce((total, row) => total + row.aid_minor, 0n);
  const surplus_in_minor = last?.surplus_out_minor ?? 0n;
  const totals = cycleTotals({ aid_total_minor, fee_bps: rules.fee_bps, surplus_in_minor });

  const weighted = rules.share_weights !== null && rules.share_weights.length > 1;
  const persons = weighted ? sql`join persons p on p.id = m.person_id` : sql``;
  const weight = weightExpression(rules, snapshot_at);
  const covered = sql`from memberships m ${persons} ${statusAtJoin(snapshot_at)} where m.plan_id = ${plan.id} and ${coveredAt(snapshot_at)}`;
  const statistics = await sql<{ member_count: string | number | bigint; weight_total: string | number | bigint | null; weight_max: string | number | bigint | null }>`
    select count(*) as member_count, sum(x.weight) as weight_total, max(x.weight) as weight_max
    from (select ${weight} as weight ${covered}) x`.execute(db);
  const row = statistics.rows[0];
  const member_count = BigInt(row?.member_count ?? 0);
  const weight_total = BigInt(row?.weight_total ?? 0);
  const weight_max = BigInt(row?.weight_max ?? 0);
  const total_minor = totals.total_minor;
  // The allocation's own overflow guard: T·max(w) must stay far from int64 for the SQL below.
  assert(total_minor * weight_max < CYCLE_PRODUCT_LIMIT, 'the total times the largest weight fits the store’s integers');

  const per_member_cap_minor = rules.caps.per_case_minor === null ? null : BigInt(rules.caps.per_case_minor) * BigInt(cases.length);
  const share_per_weight_minor = weight_total > 0n ? total_minor / weight_total : 0n;
  const caps = [share_per_weight_minor];
  if (per_member_cap_minor !== null) caps.push(per_member_cap_minor);
  if (rules.caps.per_year_minor !== null) caps.push(BigInt(rules.caps.per_year_minor));

  let members_at_cap = 0n;
  let capped_estimate_minor = 0n;
  if (weight_total > 0n && total_minor > 0n && (rules.caps.per_case_minor !== null || rules.caps.per_year_minor !== null)) {
    const { has_year_paid, yearPaid } = await yearPaidJoinIn(db, plan.id, (last?.sequence ?? 0n) + 1n, snapshot_at, rules);
    const room = capRoomExpression(context.store.dialect, rules, cases.length, has_year_paid);
    const held = await sql<{ members: string | number | bigint; capped_minor: string | number | bigint | null }>`
      select count(*) as members, sum(x.whole_minor - x.room_minor) as capped_minor
      from (
        select ${weight} * cast(${total_minor} as bigint) / cast(${weight_total} as bigint) as whole_minor, ${room} as room_minor
        from memberships m ${persons} ${yearPaid} ${statusAtJoin(snapshot_at)}
        where m.plan_id = ${plan.id} and ${coveredAt(snapshot_at)}
      ) x
      where x.room_minor < x.whole_minor`.execute(db);
    members_at_cap = BigInt(held.rows[0]?.members ?? 0);
    capped_estimate_minor = BigInt(held.rows[0]?.capped_minor ?? 0);
  }

  return {
    cycle_id: cycleCode(plan.id, snapshot_date),
    snapshot_at,
    collection_at: snapshotTime(collectionDateFor(rules.schedule, snapshot_date)),
    due: snapshot_at <= now,
    plan_version: version.version,
    cases: cases.slice(0, maxPreviewCases).map((entry) => ({ case_number: entry.case_number, aid_minor: entry.aid_minor })),
    case_count: cases.length,
    aid_total_minor,
    fee_bps: rules.fee_bps,
    fee_minor: totals.fee_minor,
    surplus_in_minor,
    total_minor,
    surplus_out_minor: totals.surplus_out_minor,
    cap_policy: rules.caps.policy,
    member_count,
    weight_total,
    share_per_weight_minor,
    per_member_cap_minor,
    estimated_share_minor: minOf(caps),
    members_at_cap,
    capped_estimate_minor,
  };
}
