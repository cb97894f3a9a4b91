import { sql } from 'kysely';
import { ClosureReportBuilder } from '../../core/closure/build-closure-report.js';
import { checkClaimWindowOver, closureSettledClaimStates } from '../../core/closure/closure-rules.js';
import { calendarDateOf } from '../../core/members/age.js';
import { assert, RejectionError } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { operatorKey } from '../cycles/operator-key.js';
import { getPlanIn } from '../funding/plan-in.js';
import { PROOF_CHUNK_LEAVES } from '../../core/merkle/chunked-proof.js';
import type { FailPoint } from '../cycles/cycle-rows.js';
import { ClosureReportPageWriter, dropUnpublishedPages } from './closure-report-pages.js';
import { claimWindowVersions, closureRejection, lockClosureIn, findClosureIn, type ClosureRow } from './closure-rows.js';

/**
 * Rows read per query while the report is built: reads only, so larger than the write steps'
 * pages (closurePageSize), as the cycle export reads its members (7% faster at a million rows).
 */
const reportReadPageSize = 10_000;

/** The closing plan's member lines in report order (member_code byte order), a page at a time. */
async function* closureLines(db: Db, plan_id: string) {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('plan_closure_members')
      .select(['member_code', 'wallet_at_closure_minor', 'refunded_minor', 'unclaimed_minor'])
      .where('plan_id', '=', plan_id)
      .orderBy('member_code')
      .limit(reportReadPageSize);
    if (after !== null) query = query.where('member_code', '>', after);
    const page = await query.execute();
    if (page.length === 0) return;
    yield page;
    if (page.length < reportReadPageSize) return;
    after = page[page.length - 1]!.member_code;
  }
}

/** Claims of the plan paid and rejected, counted in SQL. */
async function claimTotals(db: Db, plan_id: string) {
  const result = await sql<{ paid_count: bigint | number | null; paid_minor: bigint | number | string | null; rejected_count: bigint | number | null }>`
    select
      sum(case when state = 'paid' then 1 else 0 end) as paid_count,
      sum(case when state = 'paid' then aid_minor else 0 end) as paid_minor,
      sum(case when state in ('rejected', 'rejected_final') then 1 else 0 end) as rejected_count
    from claims where plan_id = ${plan_id}`.execute(db);
  const row = result.rows[0];
  return {
    claims_paid_count: Number(row?.paid_count ?? 0),
    claims_paid_minor: BigInt(row?.paid_minor ?? 0),
    claims_rejected_count: Number(row?.rejected_count ?? 0),
  };
}

/** Claims of the plan that are neither paid nor rejected: the report cannot say each one is settled. */
async function openClaimCount(db: Db, plan_id: string): Promise<number> {
  const row = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('open_count'))
    .where('plan_id', '=', plan_id)
    .where('state', 'not in', [...closureSettledClaimStates])
    .executeTakeFirst();
  return Number(row?.open_count ?? 0);
}

export interface FinaliseOptions {
  /** Member lines per stored page, a power of two (tests use small pages to cross page boundaries). */
  readonly page_leaves?: number;
  /** Called after the first rows are read and their pages sent to the store: tests interrupt the finalisation there. */
  readonly failPoint?: FailPoint;
}

/**
 * The last step: the closure report (huzhu-closure/1) is built from the closure's member rows in
 * report order, signed with the operator's key as a cycle record is; its lines are stored in pages
 * of PROOF_CHUNK_LEAVES as they are read (closure-report-pages.ts), so memory stays bounded.
 * Refused while a refund is due or pending (CLOSURE_REFUNDS_OPEN), while claims for diagnoses
 * before the closure date may still be filed (CLOSURE_CLAIM_WINDOW_OPEN, with the first day it
 * can run) or while a claim of the plan is neither paid nor rejected (CLOSURE_CLAIMS_OPEN).
 * Finalised, a second call returns the stored report unchanged; an interrupted one is run again.
 */
export async function finaliseClosure(context: ServiceContext, plan_id: string, options: FinaliseOptions = {}): Promise<ClosureRow> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const closure = await findClosureIn(db, plan_id);
  if (closure === undefined) closureRejection('CLOSURE_NOT_FOUND', `No closure is announced for plan ${plan_id}.`, { plan_id });
  if (closure.step === 'finalised') return closure;
  if (closure.step === 'announced' || closure.step === 'closed') {
    closureRejection('CLOSURE_REFUNDS_OPEN', 'Every wallet must be refunded or listed as unclaimed before the closure is finalised.', { plan_id, step: closure.step });
  }
  if (closure.step !== 'receivables_done') {
    closureRejection('CLOSURE_STEP_OUT_OF_ORDER', 'The unpaid shares are settled before the closure is finalised.', { plan_id, step: closure.step, expected: 'receivables_done' });
  }
  const plan = await getPlanIn(db, plan_id);
  const window = checkClaimWindowOver(closure.closure_date, claimWindowVersions(plan), calendarDateOf(now));
  if (!window.ok) throw new RejectionError({ ...window.rejection, details: { plan_id, ...window.rejection.details } });
  const open_claims = await openClaimCount(db, plan_id);
  if (open_claims > 0) {
    closureRejection('CLOSURE_CLAIMS_OPEN', `${open_claims} claims of the plan are neither paid nor rejected; the report must account for each.`, { plan_id, open_claims });
  }
  // Every row is settled (refunded, unclaimed or nothing to refund) and no step changes them now,
  // so the lines can be read outside the finishing transaction, and stored as they are read.
  const builder = new ClosureReportBuilder(plan_id);
  const pages = await ClosureReportPageWriter.begin(db, plan_id, now, options.page_leaves ?? PROOF_CHUNK_LEAVES);
  let pages_root: Buffer;
  try {
    let read = 0;
    for await (const page of closureLines(db, plan_id)) {
      for (const line of page) {
        const { text, leaf_hash } = builder.push(line);
        await pages.push(line.member_code, text, leaf_hash);
      }
      read += 1;
      if (read === 1) await options.failPoint?.('finalise:pages');
    }
    pages_root = await pages.finish();
  } finally {
    await pages.settle();
  }
  const key = await operatorKey(context, now);
  const built = builder.finish(
    {
      plan_id,
      currency: plan.currency,
      closure_date: closure.closure_date,
      announced_at: closure.announced_at,
      finalised_at: now,
      last_cycles_paid_by: closure.last_cycles_paid_by,
      ...(await claimTotals(db, plan_id)),
      receivables_written_off_minor: closure.receivables_written_off_minor,
    },
    key,
  );
  assert(pages_root.toString('hex') === built.header.merkle_root_hex, 'the tree over the pages\' blocks is the signed tree');
  // Custody after = the unclaimed total: the wallets of the plan still hold at least what the report
  // lists as unclaimed (more only if money reached a wallet after the closure date, a top-up settled late).
  const held = await sql<{ held_minor: bigint | number | string | null }>`
    select sum(0 - a.net_debit_minor) as held_minor
    from plan_closure_members cm join ledger_accounts a on a.code = 'wallet:' || cm.member_code
    where cm.plan_id = ${plan_id} and cm.refund_state = 'unclaimed'`.execute(db);
  const held_minor = BigInt(held.rows[0]?.held_minor ?? 0);
  assert(held_minor >= built.header.unclaimed_total_minor, `the wallets hold the unclaimed total (${held_minor} ≥ ${built.header.unclaimed_total_minor})`);
  const stored = await db.transaction().execute(async (trx) => {
    const locked = await lockClosureIn(trx, plan_id);
    // Two finalisations at once: the first stored wins, and the second returns it.
    if (locked.step === 'finalised') return locked;
    assert(locked.step === 'receivables_done', 'the closure did not move back while its report was built');
    // An appeal committed since the count above reopened a rejected claim; appealClaim takes this
    // lock too, so none can commit after this count and before the report is stored.
    const reopened_claims = await openClaimCount(trx, plan_id);
    if (reopened_claims > 0) {
      closureRejection('CLOSURE_CLAIMS_OPEN', `${reopened_claims} claims of the plan are neither paid nor rejected; the report must account for each.`, { plan_id, open_claims: reopened_claims });
    }
    return trx
      .updateTable('plan_closures')
      .set({ step: 'finalised', finalised_at: now, header_json: built.header_line, report_text: null, report_attempt_id: pages.attempt_id })
      .where('plan_id', '=', plan_id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  // The pages of this attempt if it lost, and of any attempt that crashed before, are read by nothing.
  await dropUnpublishedPages(db, plan_id, stored.report_attempt_id);
  return stored;
}
