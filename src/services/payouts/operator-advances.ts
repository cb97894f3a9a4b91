import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { maxLegAmountMinor } from '../../ledger/transfer.js';
import type { OperatorAdvancesTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { accountCodes } from '../plan-accounts.js';
import { openPayoutAccountsIn, planCashIn, planFundingIn, type PlanFunding } from './payout-accounts.js';
import { payoutRejection } from './payout-rejections.js';

export type OperatorAdvanceRow = Selectable<OperatorAdvancesTable>;

export interface AdvanceInput {
  readonly plan_id: string;
  readonly amount_minor: bigint;
  /** Who advanced it, for the record (e.g. `staff:12`). */
  readonly actor: string;
  /** The caller's key: asking again with it returns the first advance instead of a second one. */
  readonly idempotency_key: string;
}

export interface AdvanceResult {
  readonly advance: OperatorAdvanceRow;
  /** True when this key had been used already for the same advance: nothing changed. */
  readonly replayed: boolean;
}

const keyPattern = /^[\x21-\x7e]{1,100}$/;

/**
 * The advance's key for a user's Idempotency-Key: HTTP keys belong to one user (and may be 200
 * characters long), advance keys are shared by every operator, so the user goes into the hash.
 */
export function advanceKeyFor(user_id: bigint, idempotency_key: string): string {
  return `http:${createHash('sha256').update(`${user_id}|${idempotency_key}`).digest('hex')}`;
}

/**
 * The operator puts its own money into the plan's bank account so aid can be paid before the
 * members' shares are collected: Dr cash account (collection or custody) / Cr operator advances.
 * It is owed back to the operator, and repayAdvances pays it back once collections catch up.
 */
export async function advanceAid(context: ServiceContext, input: AdvanceInput): Promise<AdvanceResult> {
  const { plan_id, amount_minor, actor, idempotency_key } = input;
  if (typeof amount_minor !== 'bigint' || amount_minor <= 0n || amount_minor > maxLegAmountMinor) {
    payoutRejection('ADVANCE_BAD_AMOUNT', 'An advance is a positive number of minor units.', { amount_minor: String(amount_minor) });
  }
  if (typeof idempotency_key !== 'string' || !keyPattern.test(idempotency_key)) {
    payoutRejection('ADVANCE_BAD_KEY', 'An idempotency key is 1–100 printable ASCII characters without spaces.', { idempotency_key });
  }
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    const funding = await planFundingIn(trx, plan_id, 'ADVANCE_UNKNOWN_PLAN');
    const key = `advance:${idempotency_key}`;
    const earlier = await trx.selectFrom('operator_advances').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    if (earlier !== undefined) {
      if (earlier.plan_id !== plan_id || earlier.amount_minor !== amount_minor) {
        payoutRejection('ADVANCE_IDEMPOTENCY_CONFLICT', 'This idempotency key was already used for another advance.', { idempotency_key });
      }
      return { advance: earlier, replayed: true };
    }
    await openPayoutAccountsIn(trx, plan_id, funding.plan.currency, now);
    const advance = await recordIn(trx, funding, { kind: 'advance', amount_minor, actor, idempotency_key: key, at: now });
    return { advance, replayed: false };
  });
}

export interface RepaymentReport {
  readonly repaid: ReadonlyArray<{ plan_id: string; amount_minor: bigint }>;
  /** Plans whose repayment failed (each rolled back alone); the other plans were still repaid. */
  readonly failed: ReadonlyArray<{ plan_id: string; error: unknown }>;
}

/**
 * Pays advances back to the operator from what collections leave over: for each plan with an
 * advance outstanding, the available cash beyond what its due (and failed) payouts need, up to the
 * advance: Dr operator advances / Cr cash account. Run twice, the second run finds nothing over.
 */
export async function repayAdvances(context: ServiceContext, options: { plan_id?: string } = {}): Promise<RepaymentReport> {
  const now = context.clock.now().toISOString();
  let plans = context.store.db
    .selectFrom('operator_advances')
    .select('plan_id')
    .distinct()
    .orderBy('plan_id');
  if (options.plan_id !== undefined) plans = plans.where('plan_id', '=', options.plan_id);
  const repaid: Array<{ plan_id: string; amount_minor: bigint }> = [];
  const failed: Array<{ plan_id: string; error: unknown }> = [];
  for (const { plan_id } of await plans.execute()) {
    const repayment = context.store.db.transaction().execute(async (trx) => {
      await lockLedgerIn(trx);
      const cash = await planCashIn(trx, plan_id);
      if (cash.operator_advances_minor === 0n) return 0n;
      const owed = await trx
        .selectFrom('aid_payouts')
        .select((eb) => eb.fn.sum<bigint | string | number | null>('amount_minor').as('total'))
        .where('plan_id', '=', plan_id)
        .where('status', 'in', ['due', 'failed'])
        .executeTakeFirstOrThrow();
      const spare_minor = cash.available_minor - BigInt(owed.total ?? 0);
      const amount = spare_minor < cash.operator_advances_minor ? spare_minor : cash.operator_advances_minor;
      if (amount <= 0n) return 0n;
      const funding = await planFundingIn(trx, plan_id);
      const sequence = await trx.selectFrom('operator_advances').select((eb) => eb.fn.countAll<bigint | string | number>().as('n')).where('plan_id', '=', plan_id).executeTakeFirstOrThrow();
      await recordIn(trx, funding, { kind: 'repayment', amount_minor: amount, actor: 'system:payouts', idempotency_key: `repayment:${plan_id}:${BigInt(sequence.n) + 1n}`, at: now });
      return amount;
    });
    // One plan's failure (a refused posting, say) must not keep the other plans' advances unpaid.
    const amount_minor = await repayment.catch((error: unknown) => {
      failed.push({ plan_id, error });
      return 0n;
    });
    if (amount_minor > 0n) repaid.push({ plan_id, amount_minor });
  }
  return { repaid, failed };
}

async function recordIn(
  trx: Trx,
  funding: PlanFunding,
  entry: { kind: 'advance' | 'repayment'; amount_minor: bigint; actor: string; idempotency_key: string; at: string },
): Promise<OperatorAdvanceRow> {
  const { plan } = funding;
  const advances = accountCodes.operatorAdvances(plan.id);
  const advance = entry.kind === 'advance';
  const [posted] = await postTransfersIn(
    trx,
    [
      {
        idempotency_key: entry.idempotency_key,
        kind: advance ? 'operator_advance' : 'operator_advance_repaid',
        description: advance ? `Operator advances aid to plan ${plan.id}` : `Advance to plan ${plan.id} repaid to the operator`,
        currency: plan.currency,
        metadata: { plan_id: plan.id, actor: entry.actor },
        legs: advance
          ? [
              { account_code: funding.cash_account, side: 'debit', amount_minor: entry.amount_minor },
              { account_code: advances, side: 'credit', amount_minor: entry.amount_minor },
            ]
          : [
              { account_code: advances, side: 'debit', amount_minor: entry.amount_minor },
              { account_code: funding.cash_account, side: 'credit', amount_minor: entry.amount_minor },
            ],
      },
    ],
    entry.at,
  );
  return trx
    .insertInto('operator_advances')
    .values({
      plan_id: plan.id,
      currency: plan.currency,
      kind: entry.kind,
      amount_minor: entry.amount_minor,
      actor: entry.actor,
      idempotency_key: entry.idempotency_key,
      ledger_transaction_id: posted!.transaction.id,
      created_at: entry.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AdvanceStatement {
  readonly plan_id: string;
  readonly currency: string;
  readonly outstanding_minor: bigint;
  /** What the plan could pay aid with now (see planCashIn). */
  readonly available_minor: bigint;
  readonly entries: readonly OperatorAdvanceRow[];
}

/** A plan's advances and repayments, newest first, with what is still owed to the operator. */
export async function listAdvances(context: ServiceContext, plan_id: string, limit = 200): Promise<AdvanceStatement> {
  const { plan } = await planFundingIn(context.store.db, plan_id, 'ADVANCE_UNKNOWN_PLAN');
  const cash = await planCashIn(context.store.db, plan_id);
  const entries = await context.store.db.selectFrom('operator_advances').selectAll().where('plan_id', '=', plan_id).orderBy('id', 'desc').limit(limit).execute();
  return { plan_id, currency: plan.currency, outstanding_minor: cash.operator_advances_minor, available_minor: cash.available_minor, entries };
}
