import { randomBytes } from 'node:crypto';
import { capReductionOfAid } from '../../core/cycles/cycle-figures.js';
import { assert, unwrap } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import type { ServiceContext } from '../context.js';
import { collectDueCharges } from '../funding/collections.js';
import { payDueAid, scheduleAidPayoutIn } from '../payouts/index.js';
import { versionAt, type Plan } from '../plans.js';
import { allocateCycleInStore } from './sql-allocation.js';
import { chargeCycle } from './charge-step.js';
import { acquireLease, defaultLeaseSeconds, releaseLease, runOwner } from './cycle-lease.js';
import { cycleSteps, type CycleProgress, type CycleRow, type CycleStep, type FailPoint } from './cycle-rows.js';
import { closureStepOf, getPlanForCycle, openOrResumeCycle, runTime } from './open-cycle.js';
import { closingCycleAllowed, sharedTotalOf } from '../../core/cycles/closing-cycle.js';
import { publishCycle } from './publish-step.js';
import { chunks } from '../../store/chunks.js';
import { snapshotMembersIn } from './snapshot-step.js';
import { ensurePlanMetrics } from '../sustainability/record-metrics.js';

export interface CycleRunOptions {
  /** The run time (`--at`); the snapshot is the latest notice day not after it. Default: now. */
  readonly at?: string;
  readonly failPoint?: FailPoint;
  /** Told when each step starts and ends, between transactions: the CLI's progress lines, an HTTP job's row. */
  readonly onProgress?: (progress: CycleProgress) => void | Promise<void>;
  readonly lease_seconds?: number;
}

export interface CycleRunResult {
  readonly cycle_id: string;
  readonly plan_id: string;
  readonly resumed: boolean;
  /** The cycle was completed before this run, which did nothing (running again is always safe). */
  readonly already_completed: boolean;
  /** Steps this run did (a resumed run skips those already recorded). */
  readonly steps_run: CycleStep[];
  readonly cycle: CycleRow;
}

const noFailPoint: FailPoint = () => undefined;
const noProgress = (_progress: CycleProgress) => undefined;

/** Proof chunk rows per insert (five parameters each): under both backends' bound-parameter limits. */
const proof_chunk_rows_per_insert = 500;

async function recordStepIn(trx: Trx, cycle_id: bigint, step: CycleStep, detail: Record<string, unknown>, at: string): Promise<void> {
  const detail_json = JSON.stringify(detail, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  await trx.insertInto('cycle_steps').values({ cycle_id, step, detail_json, completed_at: at }).execute();
}

async function memberRowCountIn(trx: Trx, cycle_id: bigint): Promise<bigint> {
  const row = await trx.selectFrom('cycle_members').select((eb) => eb.fn.countAll<bigint | number | string>().as('count')).where('cycle_id', '=', cycle_id).executeTakeFirstOrThrow();
  return BigInt(row.count);
}

async function reload(context: ServiceContext, cycle_id: bigint): Promise<CycleRow> {
  return context.store.db.selectFrom('cycles').selectAll().where('id', '=', cycle_id).executeTakeFirstOrThrow();
}

/**
 * Runs a plan's sharing cycle: snapshot of the covered members, allocation (set-based SQL, equal
 * to the pure allocation), publication (Merkle root and signed header), charges (receivables or
 * wallet deductions, backstop, fee), scheduling the cases' payouts, collection and payout. Each
 * step commits together with its record in cycle_steps, so after a crash anywhere a re-run skips
 * what is done and finishes the rest, every amount posted exactly once.
 */
export async function runCycle(context: ServiceContext, plan_id: string, options: CycleRunOptions = {}): Promise<CycleRunResult> {
  const now = context.clock.now().toISOString();
  const at = runTime(options.at, now);
  const failPoint = options.failPoint ?? noFailPoint;
  const plan = await getPlanForCycle(context, plan_id);
  const onProgress = options.onProgress ?? noProgress;
  const opened = await openOrResumeCycle(context, plan, at, now);
  if (opened.already_completed) {
    // A run that completed the cycle and stopped before its metrics left them missing: add them now.
    await ensurePlanMetrics(context, plan_id);
    return { cycle_id: opened.cycle.cycle_code, plan_id, resumed: false, already_completed: true, steps_run: [], cycle: opened.cycle };
  }
  await failPoint('open:after');
  const owner = runOwner(randomBytes(6).toString('hex'));
  const lease_seconds = options.lease_seconds ?? defaultLeaseSeconds;
  await acquireLease(context.store.db, opened.cycle, owner, now, lease_seconds);

  const steps_run: CycleStep[] = [];
  try {
    const done = new Set((await context.store.db.selectFrom('cycle_steps').select('step').where('cycle_id', '=', opened.cycle.id).execute()).map((row) => row.step));
    const progress = (step: CycleStep, state: CycleProgress['state']) =>
      onProgress({ cycle_id: opened.cycle.cycle_code, step, state, steps_done: done.size, steps_total: cycleSteps.length });
    for (const step of cycleSteps) {
      if (done.has(step)) continue;
      await progress(step, 'started');
      await acquireLease(context.store.db, opened.cycle, owner, context.clock.now().toISOString(), lease_seconds);
      const cycle = await reload(context, opened.cycle.id);
      await runStep(context, plan, cycle, step, failPoint);
      steps_run.push(step);
      done.add(step);
      await progress(step, 'done');
      await failPoint(`${step}:after`);
    }
    const completed_at = context.clock.now().toISOString();
    await context.store.db
      .updateTable('cycles')
      .set({ status: 'completed', completed_at, run_token: null, run_lease_until: null })
      .where('id', '=', opened.cycle.id)
      .where('status', '=', 'running')
      .execute();
  } finally {
    await releaseLease(context.store.db, opened.cycle.id, owner);
  }
  // After the cycle is completed, as an idempotent step of its own: the sustainability metrics
  // read its charges (backstop, fee payable), and re-running finds them stored and adds nothing.
  await ensurePlanMetrics(context, plan_id);
  return {
    cycle_id: opened.cycle.cycle_code,
    plan_id,
    resumed: opened.resumed,
    already_completed: false,
    steps_run,
    cycle: await reload(context, opened.cycle.id),
  };
}

async function runStep(context: ServiceContext, plan: Plan, cycle: CycleRow, step: CycleStep, failPoint: FailPoint): Promise<void> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const rules = versionAt(plan, cycle.snapshot_at).rules;
  switch (step) {
    case 'snapshot': {
      const cases = await db.selectFrom('cycle_cases').select((eb) => eb.fn.countAll<bigint>().as('count')).where('cycle_id', '=', cycle.id).executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        const member_count = await snapshotMembersIn(trx, context.store.dialect, cycle, rules, Number(cases.count));
        await failPoint('snapshot:before-commit');
        await recordStepIn(trx, cycle.id, step, { member_count }, now);
      });
      return;
    }
    case 'allocate': {
      await db.transaction().execute(async (trx) => {
        // A closing cycle (opened after the close with no member covered) shares nothing over the
        // members: the operator pays its total in the charge step (core/cycles/closing-cycle.ts).
        const closing = cycle.total_minor > 0n && (await memberRowCountIn(trx, cycle.id)) === 0n && closingCycleAllowed(await closureStepOf(trx, cycle.plan_id));
        const total_minor = sharedTotalOf(cycle.total_minor, closing);
        const figures = await allocateCycleInStore(trx, context.store.dialect, { cycle_id: cycle.id, total_minor, seed_hex: cycle.seed_hex });
        assert(figures.share_total_minor + figures.capped_total_minor === total_minor, 'shares and capped amounts add up to the total shared');
        await trx
          .updateTable('cycles')
          .set({ member_count: figures.member_count, weight_total: figures.weight_total, share_total_minor: figures.share_total_minor, capped_total_minor: figures.capped_total_minor })
          .where('id', '=', cycle.id)
          .execute();
        if (cycle.cap_policy === 'reduce_aid' && figures.capped_total_minor > 0n) {
          const cases = await trx.selectFrom('cycle_cases').select(['claim_id', 'case_number', 'aid_minor']).where('cycle_id', '=', cycle.id).orderBy('case_number').execute();
          const reduced = unwrap(capReductionOfAid(cases.map((row) => ({ case_id: row.case_number, aid_minor: row.aid_minor })), figures.capped_total_minor, cycle.seed_hex));
          for (const [index, row] of cases.entries()) {
            const reduction = reduced.cases[index];
            assert(reduction?.case_id === row.case_number, 'reductions come in the order of the cases');
            await trx.updateTable('cycle_cases').set({ payable_minor: reduction.payable_minor }).where('cycle_id', '=', cycle.id).where('claim_id', '=', row.claim_id).execute();
          }
        }
        await failPoint('allocate:before-commit');
        await recordStepIn(trx, cycle.id, step, { ...figures }, now);
      });
      return;
    }
    case 'publish': {
      const { chunks: proof_chunks, ...published } = await publishCycle(context, cycle, now, failPoint);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('cycles').set(published).where('id', '=', cycle.id).execute();
        await trx.deleteFrom('cycle_proof_chunks').where('cycle_id', '=', cycle.id).execute();
        for (const [batch_index, batch] of chunks(proof_chunks, proof_chunk_rows_per_insert).entries()) {
          await trx
            .insertInto('cycle_proof_chunks')
            .values(
              batch.map((chunk, position) => ({
                cycle_id: cycle.id,
                chunk_index: BigInt(batch_index * proof_chunk_rows_per_insert + position),
                first_member_code: chunk.first_member_code,
                leaf_count: BigInt(chunk.leaf_count),
                root_hex: chunk.root_hex,
              })),
            )
            .execute();
        }
        await recordStepIn(trx, cycle.id, step, { merkle_root_hex: published.merkle_root_hex }, now);
      });
      return;
    }
    case 'charge': {
      const capped = cycle.capped_total_minor ?? 0n;
      const fee_reduction_minor = cycle.cap_policy === 'reduce_aid' && capped > cycle.aid_total_minor ? capped - cycle.aid_total_minor : 0n;
      await chargeCycle(context, plan, cycle, fee_reduction_minor, now, failPoint, (trx, summary) => recordStepIn(trx, cycle.id, step, { ...summary }, now));
      return;
    }
    case 'schedule': {
      await db.transaction().execute(async (trx) => {
        const cases = await trx.selectFrom('cycle_cases').select(['claim_id', 'payable_minor']).where('cycle_id', '=', cycle.id).orderBy('claim_id').execute();
        for (const row of cases) {
          await scheduleAidPayoutIn(trx, { claim_id: row.claim_id, cycle_id: cycle.id, plan_id: cycle.plan_id, amount_minor: row.payable_minor, actor: 'cycle', at: now });
        }
        await failPoint('schedule:before-commit');
        await recordStepIn(trx, cycle.id, step, { cases: cases.length }, now);
      });
      return;
    }
    case 'collect': {
      // Collection starts on the collection day; before it, and for prepaid plans, there is nothing to ask for yet.
      const started = cycle.funding_model === 'post_paid' && now >= cycle.collection_at ? await collectDueCharges(context) : { requested: 0, sent: 0, unsent: 0 };
      await db.transaction().execute((trx) => recordStepIn(trx, cycle.id, step, started, now));
      return;
    }
    case 'payout': {
      const paid = await payDueAid(context, { plan_id: cycle.plan_id });
      await db.transaction().execute((trx) => recordStepIn(trx, cycle.id, step, { ...paid }, now));
      return;
    }
  }
}
