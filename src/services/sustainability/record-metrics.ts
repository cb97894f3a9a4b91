import { latestNoticeDate, snapshotTime } from '../../core/cycles/cycle-calendar.js';
import { addDays, calendarDateOf, daysBetween } from '../../core/members/age.js';
import { assert } from '../../core/rejection.js';
import { monthsBefore } from '../../core/sustainability/calendar-months.js';
import { cycleMetrics } from '../../core/sustainability/cycle-metrics.js';
import { rollingMetrics, type StoredCycleMetrics } from '../../core/sustainability/rolling-metrics.js';
import { evaluateAlerts } from '../../core/sustainability/sustainability-alerts.js';
import { sustainabilitySettingsOf } from '../../core/sustainability/sustainability-settings.js';
import type { CycleRow } from '../cycles/cycle-rows.js';
import type { ServiceContext } from '../context.js';
import { findPlan, versionAt, type Plan } from '../plans.js';
import { recordAlertsIn } from './alert-store.js';
import { caseFactsIn, capCountsIn, coveredGroupsIn, flowGroupsIn } from './metric-queries.js';
import { metricsFromJson, metricsToJson } from './metrics-json.js';

/** The most cycles one (re)computation goes through: far more than a plan runs in decades (two a month). */
export const maxCyclesPerRecompute = 10_000;

/** The snapshot time 12 months before this one (the 12-month window's exclusive start). */
export function twelveMonthsBefore(snapshot_at: string): string {
  return snapshotTime(monthsBefore(calendarDateOf(snapshot_at), 12));
}

/** Where the cycle's period starts: the previous cycle's snapshot, or for a first cycle the schedule's previous notice day. */
function periodStart(plan: Plan, cycle: CycleRow, previous: { snapshot_at: string } | undefined): string {
  if (previous !== undefined) return previous.snapshot_at;
  const rules = versionAt(plan, cycle.snapshot_at).rules;
  return snapshotTime(latestNoticeDate(rules.schedule, addDays(calendarDateOf(cycle.snapshot_at), -1)));
}

/**
 * Computes a completed cycle's metrics and its 12 months from the store (set-based aggregates, then
 * core's pure formulas), stores them (replacing an earlier computation of the same cycle), and
 * records the alerts they raise with a message to every operator, all in one transaction. Running
 * it again for the same data writes the same row and no second alert or message.
 */
export async function recordCycleMetrics(context: ServiceContext, plan: Plan, cycle: CycleRow): Promise<StoredCycleMetrics> {
  const db = context.store.db;
  assert(cycle.status === 'completed' && cycle.member_count !== null && cycle.share_total_minor !== null, 'metrics are of completed cycles');
  const rules = versionAt(plan, cycle.snapshot_at).rules;
  const settings = sustainabilitySettingsOf(rules);
  const previous = await db
    .selectFrom('cycles')
    .select('snapshot_at')
    .where('plan_id', '=', cycle.plan_id)
    .where('sequence', '<', cycle.sequence)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const period_start_at = periodStart(plan, cycle, previous);
  const period_days = daysBetween(calendarDateOf(period_start_at), calendarDateOf(cycle.snapshot_at));
  const caps = await capCountsIn(db, cycle, rules.caps.per_year_minor === null ? null : BigInt(rules.caps.per_year_minor));
  const current = cycleMetrics({
    facts: {
      cycle_id: cycle.cycle_code,
      sequence: Number(cycle.sequence),
      snapshot_at: cycle.snapshot_at,
      period_start_at,
      period_days,
      member_count: cycle.member_count,
      share_total_minor: cycle.share_total_minor,
      aid_total_minor: cycle.aid_total_minor,
      total_minor: cycle.total_minor,
      fee_income_minor: cycle.fee_payable_minor ?? cycle.fee_minor,
      backstop_minor: cycle.backstop_minor ?? 0n,
    },
    settings,
    covered: await coveredGroupsIn(db, cycle),
    cases: await caseFactsIn(db, cycle.id),
    // The first cycle's window is the whole time before it: everyone covered joined in it.
    flows: await flowGroupsIn(db, cycle.plan_id, cycle.id, previous?.snapshot_at ?? '', cycle.snapshot_at),
    ...caps,
  });

  const since_at = twelveMonthsBefore(cycle.snapshot_at);
  const earlier = await db
    .selectFrom('plan_cycle_metrics')
    .select('metrics_json')
    .where('plan_id', '=', cycle.plan_id)
    .where('sequence', '<', cycle.sequence)
    .where('snapshot_at', '>', since_at)
    .orderBy('sequence')
    .execute();
  const reference = await db
    .selectFrom('plan_cycle_metrics')
    .select('metrics_json')
    .where('plan_id', '=', cycle.plan_id)
    .where('snapshot_at', '<=', since_at)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rolling = rollingMetrics({
    since_at,
    current,
    earlier_in_window: earlier.map((row) => metricsFromJson(row.metrics_json).cycle),
    reference: reference === undefined ? null : metricsFromJson(reference.metrics_json),
    flows: await flowGroupsIn(db, cycle.plan_id, cycle.id, since_at, cycle.snapshot_at),
    settings,
  });
  const stored: StoredCycleMetrics = { cycle: current, rolling };
  const alerts = evaluateAlerts(current, rolling, settings.alerts);
  const computed_at = context.clock.now().toISOString();
  const row = {
    plan_id: cycle.plan_id,
    cycle_code: cycle.cycle_code,
    sequence: cycle.sequence,
    snapshot_at: cycle.snapshot_at,
    members_covered: current.members_covered,
    share_per_member_minor: current.share.share_per_member_minor,
    yearly_share_minor: rolling.yearly_share_per_member_minor,
    metrics_json: metricsToJson(stored),
    computed_at,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plan_cycle_metrics')
      .values({ cycle_id: cycle.id, ...row })
      .onConflict((conflict) => conflict.column('cycle_id').doUpdateSet(row))
      .execute();
    await recordAlertsIn(trx, plan, cycle, alerts, computed_at);
  });
  return stored;
}

/**
 * Computes the metrics of every completed cycle of the plan that has none yet, oldest first (each
 * cycle's 12 months read the earlier ones). What a cycle run calls when it is done; cheap when
 * nothing is missing (one query).
 */
export async function ensurePlanMetrics(context: ServiceContext, plan_id: string): Promise<number> {
  return computePlanMetrics(context, plan_id, { only_missing: true });
}

/** Recomputes every completed cycle of the plan, oldest first: for cycles that predate the metrics, or after a fix. */
export async function recomputePlanMetrics(context: ServiceContext, plan_id: string): Promise<number> {
  return computePlanMetrics(context, plan_id, { only_missing: false });
}

async function computePlanMetrics(context: ServiceContext, plan_id: string, options: { only_missing: boolean }): Promise<number> {
  const db = context.store.db;
  let query = db
    .selectFrom('cycles as c')
    .leftJoin('plan_cycle_metrics as pm', 'pm.cycle_id', 'c.id')
    .selectAll('c')
    .where('c.plan_id', '=', plan_id)
    .where('c.status', '=', 'completed')
    .orderBy('c.sequence')
    .limit(maxCyclesPerRecompute);
  if (options.only_missing) query = query.where('pm.cycle_id', 'is', null);
  const cycles = await query.execute();
  if (cycles.length === 0) return 0;
  const plan = await findPlan(context, plan_id);
  assert(plan !== undefined, 'a cycle’s plan exists');
  for (const cycle of cycles) await recordCycleMetrics(context, plan, cycle);
  return cycles.length;
}
