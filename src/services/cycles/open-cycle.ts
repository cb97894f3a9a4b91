import { GENESIS_ROOT_HEX, cycleSeedHex, cycleTotals } from '../../core/cycles/cycle-figures.js';
import { collectionDateFor, cycleCode, latestNoticeDate, nextNoticeDate, snapshotTime } from '../../core/cycles/cycle-calendar.js';
import { weightSchemeName } from '../../core/cycles/share-weight-bands.js';
import { CLOSING_CYCLE_FEE_BPS, closingCycleAllowed } from '../../core/cycles/closing-cycle.js';
import type { ClosureStep } from '../../core/closure/closure-rules.js';
import { calendarDateOf, dayNumber } from '../../core/members/age.js';
import type { ServiceContext } from '../context.js';
import { findPlan, versionAt, type Plan } from '../plans.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { cycleRejection } from './cycle-rejections.js';
import type { CycleRow } from './cycle-rows.js';
import { coveredAt, statusAtJoin } from './snapshot-step.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Normalises a run time given by a person (`--at`) to ISO UTC, or refuses it. */
export function runTime(at: string | undefined, now: string): string {
  if (at === undefined) return now;
  const millis = isoPattern.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(millis)) cycleRejection('CYCLE_BAD_TIME', `"${at}" is not an ISO 8601 time such as 2026-12-07T00:00:00Z.`, { at });
  const iso = new Date(millis).toISOString();
  if (iso > now) cycleRejection('CYCLE_AT_IN_FUTURE', `A cycle cannot be run for ${iso}, which is after now (${now}): its snapshot has not been taken yet.`, { at: iso, now });
  return iso;
}

export async function getPlanForCycle(context: ServiceContext, plan_id: string): Promise<Plan> {
  return (await findPlan(context, plan_id)) ?? cycleRejection('CYCLE_UNKNOWN_PLAN', `There is no plan "${plan_id}".`, { plan_id });
}

/**
 * The cases a cycle with this snapshot shares: the plan's claims approved by the snapshot and not
 * shared by an earlier cycle, by case number. Approved claims wait here only until one cycle takes
 * them, so the list stays short.
 */
export async function casesToShareIn(db: Kysely<Database>, plan_id: string, snapshot_at: string) {
  return db
    .selectFrom('claims as c')
    .leftJoin('cycle_cases as cc', 'cc.claim_id', 'c.id')
    .select(['c.id', 'c.case_number', 'c.aid_minor'])
    .where('c.plan_id', '=', plan_id)
    .where('c.state', '=', 'approved')
    .where('c.state_changed_at', '<=', snapshot_at)
    .where('cc.claim_id', 'is', null)
    .orderBy('c.case_number')
    .execute();
}

/** The step the plan's closure has reached, or null when no closure is announced. */
export async function closureStepOf(db: Kysely<Database>, plan_id: string): Promise<ClosureStep | null> {
  const closure = await db.selectFrom('plan_closures').select('step').where('plan_id', '=', plan_id).executeTakeFirst();
  return closure?.step ?? null;
}

export interface OpenedCycle {
  readonly cycle: CycleRow;
  /** A crashed run's unfinished cycle, taken up again. */
  readonly resumed: boolean;
  /** The cycle of the latest notice day not after `at` is already completed: there is nothing to do. */
  readonly already_completed: boolean;
}

/**
 * The cycle a run works on: the plan's unfinished cycle if there is one (a crashed run resumes
 * it), otherwise a new cycle for the latest notice day not after `at`. Opening writes the cycle,
 * its figures and its cases in one transaction, so an interrupted open leaves nothing.
 *
 * When that notice day is the snapshot day of the plan's last cycle and it is completed, that cycle
 * is the answer (`already_completed`), so running again is always safe for an operator or a cron
 * job. Only a notice day before the last cycle's snapshot (an `at` earlier than it) is CYCLE_NOT_DUE.
 */
export async function openOrResumeCycle(context: ServiceContext, plan: Plan, at: string, now: string): Promise<OpenedCycle> {
  const db = context.store.db;
  const running = await db.selectFrom('cycles').selectAll().where('plan_id', '=', plan.id).where('status', '=', 'running').orderBy('sequence').executeTakeFirst();
  if (running !== undefined) return { cycle: running, resumed: true, already_completed: false };

  const last = await db.selectFrom('cycles').selectAll().where('plan_id', '=', plan.id).orderBy('sequence', 'desc').executeTakeFirst();
  const rules_now = versionAt(plan, at).rules;
  const snapshot_date = latestNoticeDate(rules_now.schedule, calendarDateOf(at));
  if (last !== undefined && dayNumber(snapshot_date) === dayNumber(calendarDateOf(last.snapshot_at))) {
    return { cycle: last, resumed: false, already_completed: true };
  }
  if (last !== undefined && dayNumber(snapshot_date) < dayNumber(calendarDateOf(last.snapshot_at))) {
    const next = snapshotTime(nextNoticeDate(rules_now.schedule, calendarDateOf(last.snapshot_at)));
    const message = `${at} is before the snapshot of the last cycle of ${plan.id} (${last.cycle_code}, ${last.snapshot_at}); the next snapshot is at ${next}.`;
    cycleRejection('CYCLE_NOT_DUE', message, {
      plan_id: plan.id,
      last_cycle_id: last.cycle_code,
      next_snapshot_at: next,
    });
  }
  const snapshot_at = snapshotTime(snapshot_date);
  const rules = versionAt(plan, snapshot_at).rules;
  const code = cycleCode(plan.id, snapshot_date);

  const cases = await casesToShareIn(db, plan.id, snapshot_at);
  const aid_total_minor = cases.reduce((total, row) => total + row.aid_minor, 0n);
  const surplus_in_minor = last?.surplus_out_minor ?? 0n;
  let fee_bps = rules.fee_bps;
  let totals = cycleTotals({ aid_total_minor, fee_bps, surplus_in_minor });
  if (totals.total_minor > 0n) {
    const anyone = await sql<{ one: unknown }>`select 1 as one from memberships m ${statusAtJoin(snapshot_at)} where m.plan_id = ${plan.id} and ${coveredAt(snapshot_at)} limit 1`.execute(db);
    if (anyone.rows.length === 0) {
      // After the plan's close no member is left: a closing cycle, paid wholly by the operator
      // without a fee (core/cycles/closing-cycle.ts). Before it, the cases wait for members.
      if (!closingCycleAllowed(await closureStepOf(db, plan.id))) {
        cycleRejection('CYCLE_NO_MEMBERS', `No member of ${plan.id} is covered at ${snapshot_at} to share ${totals.total_minor} minor units; the cases wait for the next cycle.`, {
          plan_id: plan.id,
          snapshot_at,
        });
      }
      fee_bps = CLOSING_CYCLE_FEE_BPS;
      totals = cycleTotals({ aid_total_minor, fee_bps, surplus_in_minor });
    }
  }
  const previous_root_hex = last?.merkle_root_hex ?? GENESIS_ROOT_HEX;
  try {
    const cycle = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('cycles')
        .values({
          cycle_code: code,
          plan_id: plan.id,
          sequence: (last?.sequence ?? 0n) + 1n,
          currency: plan.currency,
          funding_model: rules.funding.model,
          snapshot_at,
          collection_at: snapshotTime(collectionDateFor(rules.schedule, snapshot_date)),
          status: 'running',
          run_token: null,
          run_lease_until: null,
          previous_root_hex,
          seed_hex: cycleSeedHex(previous_root_hex, code),
          fee_bps: BigInt(fee_bps),
          aid_total_minor,
          fee_minor: totals.fee_minor,
          surplus_in_minor,
          total_minor: totals.total_minor,
          surplus_out_minor: totals.surplus_out_minor,
          weight_scheme: weightSchemeName(rules.share_weights),
          cap_policy: rules.caps.policy,
          member_count: null,
          weight_total: null,
          share_total_minor: null,
          capped_total_minor: null,
          merkle_root_hex: null,
          header_json: null,
          signature_hex: null,
          export_sha256: null,
          created_at: now,
          completed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (cases.length > 0) {
        await trx
          .insertInto('cycle_cases')
          .values(cases.map((claim) => ({ cycle_id: row.id, claim_id: claim.id, case_number: claim.case_number, aid_minor: claim.aid_minor, payable_minor: claim.aid_minor })))
          .execute();
      }
      return row;
    });
    return { cycle, resumed: false, already_completed: false };
  } catch (error) {
    // Another run opened the same cycle a moment earlier.
    if (isUniqueViolation(error)) cycleRejection('CYCLE_ALREADY_RUNNING', `Cycle ${code} is being opened by another run.`, { cycle_id: code });
    throw error;
  }
}
