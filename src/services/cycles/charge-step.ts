import { sql } from 'kysely';
import { postPaidRetryDeadline } from '../../core/plans/share-schedule.js';
import { calendarDateOf } from '../../core/members/age.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import type { TransferInput } from '../../ledger/transfer.js';
import type { ServiceContext } from '../context.js';
import { deductBatch } from '../funding/share-deductions.js';
import { prepaidRulesAt } from '../funding/funding-rules.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { balancesIn } from '../../ledger/ledger-reads.js';
import { accountCodes, ensurePlanAccountsIn } from '../plan-accounts.js';
import { versionAt, type Plan } from '../plans.js';
import { snapshotTime } from '../../core/cycles/cycle-calendar.js';
import { cycleChargeReference, type CycleRow, type FailPoint } from './cycle-rows.js';
import { cycleBalance, type CycleBalance } from '../../core/cycles/cycle-balance.js';
import { operatorPaidOf } from '../../core/cycles/closing-cycle.js';
import { assert } from '../../core/rejection.js';
import { chargeSharesToOperatorIn, operatorPaysLastCycles } from '../closure/operator-paid-shares.js';

const prepaidBatchSize = 500;

/** What the charge step did, recorded in its cycle_steps detail; the balance figures also on the cycle row. */
export interface ChargeSummary extends CycleBalance {
  /** The post-paid part of charged_minor. */
  readonly receivable_minor: bigint;
  readonly deducted_batches: number;
}

/** The bank account a plan's money sits in: custody for prepaid wallets, collection for post-paid shares. */
export function cashAccount(cycle: CycleRow): string {
  return cycle.funding_model === 'prepaid' ? accountCodes.custody(cycle.currency) : accountCodes.collection(cycle.currency);
}

/**
 * Whether any version of the plan was funded this way. A membership keeps the funding model of the
 * version it joined under, so a plan never prepaid has no prepaid member, and the reverse.
 */
function everFunded(plan: Plan, model: 'prepaid' | 'post_paid'): boolean {
  return plan.versions.some((version) => version.rules.funding.model === model);
}

/**
 * Post-paid members' shares become receivables with one INSERT … SELECT and one aggregate ledger
 * transfer (the per-member detail is in share_charges); both in one transaction, so they happen
 * together or not at all. Collection starts on the cycle's collection day and is retried until
 * the plan's deadline before the next share date.
 */
async function chargePostPaidIn(trx: Trx, plan: Plan, cycle: CycleRow, now: string): Promise<bigint> {
  const rules = versionAt(plan, cycle.snapshot_at).rules;
  const retry_until = snapshotTime(postPaidRetryDeadline(rules, calendarDateOf(cycle.collection_at)));
  const reference = cycleChargeReference(cycle.cycle_code);
  // A deadline already past (a cycle run late) still gives the member one day to pay.
  const until = retry_until > now ? retry_until : new Date(Date.parse(now) + 86_400_000).toISOString();
  // When every version of the plan is post-paid, so is every member, and neither statement needs to look at memberships.
  const only_post_paid = !everFunded(plan, 'prepaid');
  const postPaid = only_post_paid ? sql`` : sql`and exists (select 1 from memberships m where m.id = cm.membership_id and m.funding_model = 'post_paid')`;
  await sql`
    insert into share_charges (membership_id, plan_id, reference, amount_minor, status, attempts, retry_until, next_attempt_at, created_at, paid_at)
    select cm.membership_id, cast(${cycle.plan_id} as text), cast(${reference} as text), cm.share_minor, 'due', 0, cast(${until} as text), cast(${cycle.collection_at} as text), cast(${now} as text), cast(null as text)
    from cycle_members cm
    where cm.cycle_id = ${cycle.id} and cm.share_minor > 0 ${postPaid}
    order by cm.membership_id
    on conflict (membership_id, reference) do nothing`.execute(trx);
  let receivable_minor = cycle.share_total_minor ?? 0n;
  if (!only_post_paid) {
    const total = await sql<{ total_minor: bigint | null }>`
      select sum(cm.share_minor) as total_minor from cycle_members cm where cm.cycle_id = ${cycle.id} ${postPaid}`.execute(trx);
    receivable_minor = BigInt(total.rows[0]?.total_minor ?? 0n);
  }
  if (receivable_minor > 0n) {
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: `cycle:${cycle.cycle_code}:receivables`,
          kind: 'share_receivable',
          description: `Shares of cycle ${cycle.cycle_code} owed by post-paid members`,
          currency: cycle.currency,
          metadata: { plan_id: cycle.plan_id, cycle_id: cycle.cycle_code },
          legs: [
            { account_code: accountCodes.sharesReceivable(cycle.plan_id), side: 'debit', amount_minor: receivable_minor },
            { account_code: accountCodes.aidPayable(cycle.plan_id), side: 'credit', amount_minor: receivable_minor },
          ],
        },
      ],
      now,
    );
  }
  return receivable_minor;
}

/**
 * Prepaid members' shares are deducted from their wallets in bounded batches (each its own
 * transaction, each charge unique per member and cycle, so a batch done before a crash is
 * skipped on the re-run): memory and transaction size do not grow with the member count.
 */
async function chargePrepaid(context: ServiceContext, plan: Plan, cycle: CycleRow, now: string, failPoint: FailPoint): Promise<number> {
  // Without a prepaid member there is nothing to deduct, and no reason to scan the cycle's members for one.
  if (!everFunded(plan, 'prepaid')) return 0;
  const db = context.store.db;
  const reference = cycleChargeReference(cycle.cycle_code);
  let after = '';
  let batches = 0;
  for (;;) {
    const page = await db
      .selectFrom('cycle_members as cm')
      .innerJoin('memberships as m', 'm.id', 'cm.membership_id')
      .select(['cm.member_code', 'cm.membership_id', 'cm.share_minor'])
      .where('cm.cycle_id', '=', cycle.id)
      .where('cm.member_code', '>', after)
      .where('cm.share_minor', '>', 0n)
      .where('m.funding_model', '=', 'prepaid')
      .orderBy('cm.member_code')
      .limit(prepaidBatchSize)
      .execute();
    if (page.length === 0) return batches;
    const rules = prepaidRulesAt(plan, cycle.snapshot_at);
    await db.transaction().execute((trx) =>
      deductBatch(trx, plan.id, plan.currency, rules, reference, page.map((row) => ({ membership_id: row.membership_id, amount_minor: row.share_minor })), now),
    );
    batches += 1;
    if (batches === 1) await failPoint('charge:between-batches');
    after = page[page.length - 1]!.member_code;
  }
}

/**
 * The cycle's prepaid shares that the wallets could not pay when deducted (still due): deductBatch
 * booked them as receivables, so they are owed as aid like every other share. Read through the
 * cycle's members and the (membership, reference) key, never by scanning every charge.
 */
async function prepaidShortfallIn(trx: Trx, plan: Plan, cycle: CycleRow): Promise<bigint> {
  if (!everFunded(plan, 'prepaid')) return 0n;
  const reference = cycleChargeReference(cycle.cycle_code);
  const result = await sql<{ total_minor: bigint | null }>`
    select sum(sc.amount_minor) as total_minor
    from cycle_members cm
    join share_charges sc on sc.membership_id = cm.membership_id and sc.reference = ${reference}
    join memberships m on m.id = cm.membership_id
    where cm.cycle_id = ${cycle.id} and cm.share_minor > 0 and sc.status = 'due' and m.funding_model = 'prepaid'`.execute(trx);
  return BigInt(result.rows[0]?.total_minor ?? 0n);
}

/**
 * What the caps held back, when the operator's backstop bears it: the operator pays it into the
 * plan's bank account (owed onward as aid) and books it as its expense. The management fee then
 * moves from aid payable to fee payable: owed to the operator, still in the plan's cash account.
 * Every share is in aid payable by now (paid, or owed as a receivable), so the fee is always
 * there to move in full; the assert says so instead of clamping it to what happens to be there.
 */
async function backstopAndFeeIn(trx: Trx, cycle: CycleRow, balance: CycleBalance, now: string): Promise<void> {
  const transfers: TransferInput[] = [];
  const { backstop_minor, fee_payable_minor } = balance;
  if (backstop_minor > 0n) {
    transfers.push({
      idempotency_key: `cycle:${cycle.cycle_code}:backstop`,
      kind: 'cycle_backstop',
      description: `Backstop for the caps of cycle ${cycle.cycle_code}`,
      currency: cycle.currency,
      metadata: { plan_id: cycle.plan_id, cycle_id: cycle.cycle_code },
      legs: [
        { account_code: cashAccount(cycle), side: 'debit', amount_minor: backstop_minor },
        { account_code: accountCodes.aidPayable(cycle.plan_id), side: 'credit', amount_minor: backstop_minor },
        { account_code: accountCodes.backstop(cycle.plan_id), side: 'debit', amount_minor: backstop_minor },
        { account_code: accountCodes.operatorEquity(cycle.currency), side: 'credit', amount_minor: backstop_minor },
      ],
    });
    await postTransfersIn(trx, transfers.splice(0), now);
  }
  const available_minor = (await balancesIn(trx, [accountCodes.aidPayable(cycle.plan_id)])).get(accountCodes.aidPayable(cycle.plan_id)) ?? 0n;
  assert(available_minor >= fee_payable_minor, `aid payable (${available_minor}) holds the fee of cycle ${cycle.cycle_code} (${fee_payable_minor})`);
  if (fee_payable_minor > 0n) {
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: `cycle:${cycle.cycle_code}:fee`,
          kind: 'cycle_fee',
          description: `Management fee of cycle ${cycle.cycle_code}`,
          currency: cycle.currency,
          metadata: { plan_id: cycle.plan_id, cycle_id: cycle.cycle_code },
          legs: [
            { account_code: accountCodes.aidPayable(cycle.plan_id), side: 'debit', amount_minor: fee_payable_minor },
            { account_code: accountCodes.feePayable(cycle.plan_id), side: 'credit', amount_minor: fee_payable_minor },
          ],
        },
      ],
      now,
    );
  }
}

/** What the operator pays of an allocated cycle as a closing cycle (core/cycles/closing-cycle.ts): its whole total, or 0. */
export function operatorPaidOfCycle(cycle: CycleRow): bigint {
  assert(cycle.member_count !== null && cycle.share_total_minor !== null && cycle.capped_total_minor !== null, `cycle ${cycle.cycle_code} is allocated`);
  return operatorPaidOf({ total_minor: cycle.total_minor, member_count: cycle.member_count, share_total_minor: cycle.share_total_minor, capped_total_minor: cycle.capped_total_minor });
}

/** The cycle's balance (cycle-balance.ts checks every identity) from its figures and the shortfall. */
async function balanceOfCycleIn(trx: Trx, cycle: CycleRow, shortfall_minor: bigint, fee_reduction_minor: bigint): Promise<CycleBalance> {
  assert(cycle.share_total_minor !== null && cycle.capped_total_minor !== null, `cycle ${cycle.cycle_code} is allocated before it is charged`);
  const payable = await trx
    .selectFrom('cycle_cases')
    .select((eb) => eb.fn.sum<bigint | null>('payable_minor').as('total_minor'))
    .where('cycle_id', '=', cycle.id)
    .executeTakeFirstOrThrow();
  const balance = cycleBalance({
    cap_policy: cycle.cap_policy,
    aid_total_minor: cycle.aid_total_minor,
    fee_minor: cycle.fee_minor,
    surplus_in_minor: cycle.surplus_in_minor,
    total_minor: cycle.total_minor,
    surplus_out_minor: cycle.surplus_out_minor,
    share_total_minor: cycle.share_total_minor,
    capped_total_minor: cycle.capped_total_minor,
    aid_payable_minor: BigInt(payable.total_minor ?? 0n),
    shortfall_minor,
    operator_paid_minor: operatorPaidOfCycle(cycle),
  });
  assert(cycle.fee_minor - balance.fee_payable_minor === fee_reduction_minor, 'the run and the balance agree on the fee reduction');
  return balance;
}

/**
 * The charge step: receivables, deductions, backstop and fee, and the cycle's balance recorded on
 * its row (cycle-balance.ts). The caller records the step in the last transaction.
 */
export async function chargeCycle(
  context: ServiceContext,
  plan: Plan,
  cycle: CycleRow,
  fee_reduction_minor: bigint,
  now: string,
  failPoint: FailPoint,
  finish: (trx: Trx, summary: ChargeSummary) => Promise<void>,
): Promise<ChargeSummary> {
  // A closing plan whose operator pays the last cycles charges no member (closure/operator-paid-shares.ts);
  // a closing cycle has no member to charge.
  const operator_pays = await operatorPaysLastCycles(context.store.db, plan.id);
  const deducted_batches = operator_pays ? 0 : await chargePrepaid(context, plan, cycle, now, failPoint);
  return context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    await ensurePlanAccountsIn(trx, plan.id, plan.currency, now);
    let shortfall_minor = 0n;
    let receivable_minor = 0n;
    if (!operator_pays) {
      shortfall_minor = await prepaidShortfallIn(trx, plan, cycle);
      receivable_minor = await chargePostPaidIn(trx, plan, cycle, now);
    }
    // The operator pays the members' shares of a last cycle it took on, and all of a closing cycle
    // (no member left after the close, whoever the closure said pays the last cycles).
    const operator_minor = (operator_pays ? (cycle.share_total_minor ?? 0n) : 0n) + operatorPaidOfCycle(cycle);
    await chargeSharesToOperatorIn(trx, cycle, operator_minor, cashAccount(cycle), now);
    const balance = await balanceOfCycleIn(trx, cycle, shortfall_minor, fee_reduction_minor);
    assert(receivable_minor <= balance.charged_minor, 'receivables are part of what was charged');
    await backstopAndFeeIn(trx, cycle, balance, now);
    await trx.updateTable('cycles').set(balance).where('id', '=', cycle.id).execute();
    const summary: ChargeSummary = { ...balance, receivable_minor, deducted_batches };
    await failPoint('charge:before-commit');
    await finish(trx, summary);
    return summary;
  });
}
