import { totalMinor } from '../../core/funding/wallet-deductions.js';
import { postTransfersIn } from '../../ledger/ledger.js';
import type { TransferInput } from '../../ledger/transfer.js';
import type { ServiceContext } from '../context.js';
import { applyMembershipEventIn } from '../membership-status.js';
import { queueNotifications } from '../notifications/outbox.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { retryReference, shareRefundReference } from '../payments/payment-references.js';
import { insertPendingPayments } from '../payments/payment-rows.js';
import { noFollowUp, type Settlement, type SettlementOutcome } from '../payments/payment-settlement.js';
import { accountCodes } from '../plan-accounts.js';
import { fundingAccountCodes, openInTransitAccountsIn } from './funding-accounts.js';
import { sharesRefundedNotice } from './funding-notifications.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { getPlanIn } from './plan-in.js';

export interface WaitingPeriodRefund {
  readonly membership_id: bigint;
  /** Shares paid and now given back, without interest. */
  readonly refunded_minor: bigint;
  /** Shares still owed and now cancelled (post-paid receivables, unpaid prepaid deductions). */
  readonly cancelled_minor: bigint;
  /** Prepaid: into the wallet; post-paid: a payout through the gateway. */
  readonly refunded_to: 'wallet' | 'payout' | 'nothing';
  readonly payout_payment_id: bigint | null;
}

/**
 * A diagnosis inside the waiting period ends the membership and gives back every share paid so
 * far, without interest, in one transaction with the status change (so it cannot happen twice:
 * the state machine refuses a second diagnosis, and every posting key names the membership).
 *  - prepaid: paid shares go back into the wallet (debit aid payable, credit wallet), which the
 *    member can then have refunded; unpaid deductions are cancelled as open receivables are (below).
 *  - post-paid: paid shares are paid out (debit aid payable, credit share refunds in transit; the
 *    payout then leaves the collection account), and open receivables are cancelled (debit aid
 *    payable, credit shares receivable). A collection still in flight that succeeds later is paid
 *    back by settleCollection.
 * Charges end as `refunded` either way.
 */
export async function diagnoseInWaitingPeriod(
  context: ServiceContext,
  membership_id: bigint,
  options: { reason?: string; actor?: string } = {},
): Promise<WaitingPeriodRefund> {
  const now = context.clock.now().toISOString();
  const result = await context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    const { membership } = await applyMembershipEventIn(
      trx,
      membership_id,
      'diagnosed_in_waiting_period',
      options.reason ?? 'Diagnosed inside the waiting period: membership ends, shares paid are refunded without interest',
      options.actor ?? 'operator',
      now,
    );
    const plan = await getPlanIn(trx, membership.plan_id);
    const charges = await trx
      .selectFrom('share_charges')
      .select(['id', 'amount_minor', 'status'])
      .where('membership_id', '=', membership_id)
      .where('status', 'in', ['paid', 'due'])
      .orderBy('id')
      .execute();
    const paid = charges.filter((charge) => charge.status === 'paid');
    const due = charges.filter((charge) => charge.status === 'due');
    if (charges.length > 0) {
      await trx.updateTable('share_charges').set({ status: 'refunded' }).where('id', 'in', charges.map((charge) => charge.id)).execute();
    }
    await trx.updateTable('memberships').set({ unpaid_since: null }).where('id', '=', membership_id).execute();
    const refunded_minor = totalMinor(paid);
    const prepaid = membership.funding_model === 'prepaid';
    const metadata = { membership_id: membership_id.toString() };
    const transfers: TransferInput[] = [];
    let payout_payment_id: bigint | null = null;
    if (refunded_minor > 0n) {
      if (!prepaid) await openInTransitAccountsIn(trx, plan.currency, now);
      transfers.push({
        idempotency_key: `waiting_refund:${membership_id}`,
        kind: 'share_refund',
        description: `Shares of ${membership.member_code} refunded: diagnosed in the waiting period`,
        currency: plan.currency,
        metadata,
        legs: [
          { account_code: accountCodes.aidPayable(membership.plan_id), side: 'debit', amount_minor: refunded_minor },
          {
            account_code: prepaid ? accountCodes.wallet(membership.member_code) : fundingAccountCodes.shareRefundsInTransit(plan.currency),
            side: 'credit',
            amount_minor: refunded_minor,
          },
        ],
      });
      if (!prepaid) {
        const [id] = await insertPendingPayments(trx, [
          { reference: shareRefundReference(membership_id), kind: 'share_refund', membership_id, share_charge_id: null, amount_minor: refunded_minor, currency: plan.currency, created_at: now },
        ]);
        payout_payment_id = id ?? null;
      }
      await queueNotifications(trx, [sharesRefundedNotice(membership, refunded_minor, plan.currency, prepaid)], now);
    }
    // Shares left unpaid (post-paid, or prepaid that the wallet could not pay) are receivables against aid payable.
    const cancelled_minor = totalMinor(due);
    if (cancelled_minor > 0n) {
      transfers.push({
        idempotency_key: `waiting_cancel:${membership_id}`,
        kind: 'share_receivable_cancelled',
        description: `Open shares of ${membership.member_code} cancelled: diagnosed in the waiting period`,
        currency: plan.currency,
        metadata,
        legs: [
          { account_code: accountCodes.aidPayable(membership.plan_id), side: 'debit', amount_minor: cancelled_minor },
          { account_code: accountCodes.sharesReceivable(membership.plan_id), side: 'credit', amount_minor: cancelled_minor },
        ],
      });
    }
    await postTransfersIn(trx, transfers, now);
    const refunded_to: WaitingPeriodRefund['refunded_to'] = refunded_minor === 0n ? 'nothing' : prepaid ? 'wallet' : 'payout';
    return { membership_id, refunded_minor, cancelled_minor, refunded_to, payout_payment_id };
  });
  if (result.payout_payment_id !== null) await dispatchPayments(context, [result.payout_payment_id]);
  return result;
}

/**
 * A share refund paid out: it leaves the collection account (debit in transit, credit collection).
 * A failed one stays owed, in transit, until retryFailedShareRefunds pays it again.
 */
export async function settleShareRefund({ trx, payment, succeeded, at }: Settlement): Promise<SettlementOutcome> {
  if (!succeeded) return noFollowUp;
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `settle:${payment.reference}`,
        kind: 'share_refund_paid',
        description: 'Refund of shares paid out',
        currency: payment.currency,
        metadata: { payment_reference: payment.reference, membership_id: payment.membership_id.toString() },
        legs: [
          { account_code: fundingAccountCodes.shareRefundsInTransit(payment.currency), side: 'debit', amount_minor: payment.amount_minor },
          { account_code: accountCodes.collection(payment.currency), side: 'credit', amount_minor: payment.amount_minor },
        ],
      },
    ],
    at,
  );
  return noFollowUp;
}

/**
 * Pays again, at most `limit` at a time, the share refunds whose payout failed and was not yet
 * retried. Each retry points at the failed attempt (unique), so overlapping runs retry it once.
 */
export async function retryFailedShareRefunds(context: ServiceContext, limit = 200): Promise<{ requested: number; sent: number; unsent: number }> {
  const now = context.clock.now().toISOString();
  const payment_ids = await context.store.db.transaction().execute(async (trx) => {
    const failed = await trx
      .selectFrom('payments as p')
      .selectAll('p')
      .where('p.kind', '=', 'share_refund')
      .where('p.status', '=', 'failed')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payments as r').select('r.id').whereRef('r.retry_of_id', '=', 'p.id'))))
      .orderBy('p.id')
      .limit(limit)
      .execute();
    if (failed.length === 0) return [];
    const inserted = await trx
      .insertInto('payments')
      .values(
        failed.map((payment) => ({
          reference: retryReference(payment.id, payment.reference),
          gateway_payment_id: null,
          kind: 'share_refund' as const,
          membership_id: payment.membership_id,
          share_charge_id: payment.share_charge_id,
          amount_minor: payment.amount_minor,
          currency: payment.currency,
          status: 'pending' as const,
          failure_reason: null,
          created_at: now,
          settled_at: null,
          retry_of_id: payment.id,
        })),
      )
      .onConflict((conflict) => conflict.column('reference').doNothing())
      .returning('id')
      .execute();
    return inserted.map((row) => row.id);
  });
  const dispatch = await dispatchPayments(context, payment_ids);
  return { requested: payment_ids.length, ...dispatch };
}
