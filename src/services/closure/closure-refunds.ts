import { refundOutcome } from '../../core/closure/closure-rules.js';
import { assert } from '../../core/rejection.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import type { ServiceContext } from '../context.js';
import { fundingAccountCodes, openInTransitAccountsIn } from '../funding/funding-accounts.js';
import { getPlanIn } from '../funding/plan-in.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { insertPendingPayments, type PaymentRow } from '../payments/payment-rows.js';
import { accountCodes } from '../plan-accounts.js';
import { closurePageSize, lockClosureIn, type ClosureRow } from './closure-rows.js';

const referencePrefix = 'closure_refund:';

/** One reference per membership and attempt: a re-run cannot ask the provider to pay twice. */
export function closureRefundReference(membership_id: bigint, attempt: bigint): string {
  return `${referencePrefix}${membership_id}:${attempt}`;
}

export function isClosureRefundReference(reference: string): boolean {
  return reference.startsWith(referencePrefix);
}

export interface ClosureRefundRun {
  readonly closure: ClosureRow;
  /** Refund attempts asked for in this run. */
  readonly requested: number;
  /** Attempts sent earlier whose outcome has not come yet. */
  readonly pending: number;
}

/**
 * Asks the payment port to pay every wallet at closure back, page by page (each page one
 * transaction that takes the money out of the wallets into refunds in transit and writes the
 * pending payments), then sends them. A failed attempt is settled back into the wallet and the
 * next run tries again, up to MAX_CLOSURE_REFUND_ATTEMPTS; then the balance is unclaimed. The
 * step is done when no refund is due or pending. Safe to re-run after a crash at any point: the
 * attempt's reference is derived from the membership and the attempt number, and the page's rows
 * change state in the transaction that writes its payments.
 */
export async function runClosureRefunds(context: ServiceContext, plan_id: string): Promise<ClosureRefundRun> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const first = await db.transaction().execute((trx) => lockClosureIn(trx, plan_id));
  // Done already (a re-run) or not yet closed: nothing to refund now.
  if (first.step !== 'closed') return { closure: first, requested: 0, pending: 0 };
  const count = await db.selectFrom('plan_closure_members').select((eb) => eb.fn.countAll<bigint>().as('n')).where('plan_id', '=', plan_id).executeTakeFirstOrThrow();
  // Every page moves its rows out of 'due', so there are at most this many pages.
  const max_pages = Math.ceil(Number(count.n) / closurePageSize) + 1;
  let requested = 0;
  for (let page = 0; page < max_pages; page += 1) {
    const ids = await db.transaction().execute((trx) => requestPageIn(trx, plan_id, now));
    if (ids.length === 0) break;
    requested += ids.length;
    await dispatchPayments(context, ids);
  }
  // Attempts written before a crash but never sent go out now, under their own references.
  const unsent = await db
    .selectFrom('payments as p')
    .innerJoin('plan_closure_members as cm', 'cm.membership_id', 'p.membership_id')
    .select('p.id')
    .where('cm.plan_id', '=', plan_id)
    .where('cm.refund_state', '=', 'pending')
    .where('p.status', '=', 'pending')
    .where('p.gateway_payment_id', 'is', null)
    .where('p.reference', 'like', `${referencePrefix}%`)
    .execute();
  if (unsent.length > 0) await dispatchPayments(context, unsent.map((row) => row.id));
  return db.transaction().execute(async (trx) => {
    const closure = await lockClosureIn(trx, plan_id);
    const open = await trx
      .selectFrom('plan_closure_members')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('plan_id', '=', plan_id)
      .where('refund_state', 'in', ['due', 'pending'])
      .executeTakeFirstOrThrow();
    if (BigInt(open.n) > 0n || closure.step !== 'closed') return { closure, requested, pending: Number(open.n) };
    const done = await trx.updateTable('plan_closures').set({ step: 'refunds_done', refunds_done_at: now }).where('plan_id', '=', plan_id).returningAll().executeTakeFirstOrThrow();
    return { closure: done, requested, pending: 0 };
  });
}

async function requestPageIn(trx: Trx, plan_id: string, now: string): Promise<bigint[]> {
  await lockLedgerIn(trx);
  const closure = await lockClosureIn(trx, plan_id);
  if (closure.step !== 'closed') return [];
  const plan = await getPlanIn(trx, plan_id);
  const due = await trx
    .selectFrom('plan_closure_members')
    .select(['id', 'membership_id', 'member_code', 'wallet_at_closure_minor', 'refund_attempts'])
    .where('plan_id', '=', plan_id)
    .where('refund_state', '=', 'due')
    .orderBy('id')
    .limit(closurePageSize)
    .execute();
  if (due.length === 0) return [];
  await openInTransitAccountsIn(trx, plan.currency, now);
  const payment_ids = await insertPendingPayments(
    trx,
    due.map((member) => ({
      reference: closureRefundReference(member.membership_id, member.refund_attempts + 1n),
      kind: 'wallet_refund' as const,
      membership_id: member.membership_id,
      share_charge_id: null,
      amount_minor: member.wallet_at_closure_minor,
      currency: plan.currency,
      created_at: now,
    })),
  );
  let total_minor = 0n;
  for (const member of due) total_minor += member.wallet_at_closure_minor;
  // One transfer per page: each wallet out, the page's total into refunds in transit (still in custody).
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `closure_refunds:${plan_id}:${payment_ids[0]}:${payment_ids[payment_ids.length - 1]}`,
        kind: 'wallet_refund_requested',
        description: `Closure refunds of ${due.length} wallets of ${plan_id}`,
        currency: plan.currency,
        metadata: { plan_id, refunds: String(due.length) },
        legs: [
          ...due.map((member) => ({ account_code: accountCodes.wallet(member.member_code), side: 'debit' as const, amount_minor: member.wallet_at_closure_minor })),
          { account_code: fundingAccountCodes.walletRefundsInTransit(plan.currency), side: 'credit', amount_minor: total_minor },
        ],
      },
    ],
    now,
  );
  await trx
    .updateTable('plan_closure_members')
    .set((eb) => ({ refund_state: 'pending', refund_attempts: eb('refund_attempts', '+', 1n) }))
    .where('id', 'in', due.map((member) => member.id))
    .execute();
  return payment_ids;
}

/**
 * After the wallet refund's own settlement has moved the money (out of custody, or back into the
 * wallet), the closure records the outcome of the attempt: refunded, due again, or unclaimed once
 * the attempts are used up. A stale attempt (not the membership's latest) changes nothing.
 */
export async function settleClosureRefundIn(trx: Trx, payment: PaymentRow, succeeded: boolean): Promise<void> {
  const attempt = BigInt(payment.reference.slice(payment.reference.lastIndexOf(':') + 1));
  const member = await trx
    .selectFrom('plan_closure_members')
    .select(['id', 'wallet_at_closure_minor', 'refund_attempts', 'refund_state'])
    .where('membership_id', '=', payment.membership_id)
    .executeTakeFirst();
  if (member === undefined || member.refund_state !== 'pending' || member.refund_attempts !== attempt) return;
  assert(payment.amount_minor === member.wallet_at_closure_minor, 'a closure refund pays the wallet at closure');
  const rows = trx.updateTable('plan_closure_members').where('id', '=', member.id);
  switch (refundOutcome(succeeded, Number(member.refund_attempts))) {
    case 'refunded':
      await rows.set({ refund_state: 'refunded', refunded_minor: payment.amount_minor }).execute();
      return;
    case 'unclaimed':
      // The failed attempt's settlement put the money back in the wallet: it stays there, a liability.
      await rows.set({ refund_state: 'unclaimed', unclaimed_minor: member.wallet_at_closure_minor }).execute();
      return;
    case 'retry':
      await rows.set({ refund_state: 'due' }).execute();
      return;
  }
}
