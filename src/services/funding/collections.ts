import { postTransfersIn } from '../../ledger/ledger.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications } from '../notifications/outbox.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { collectionReference, lateCollectionRefundReference } from '../payments/payment-references.js';
import { insertPendingPayments } from '../payments/payment-rows.js';
import { noFollowUp, type Settlement, type SettlementOutcome } from '../payments/payment-settlement.js';
import { accountCodes } from '../plan-accounts.js';
import { fundingAccountCodes, openInTransitAccountsIn } from './funding-accounts.js';
import { getFundingMembership } from './funding-memberships.js';
import { collectionFailedWarning } from './funding-notifications.js';
import { addDays } from './funding-time.js';
import { clearUnpaidIfSettled, markUnpaid } from './membership-flags.js';

/** A failed collection is tried again this many days later, until the charge's retry_until. */
export const collectionRetryDays = 1;

/**
 * Asks the provider to collect, at most `limit` at a time, every post-paid charge that is due and
 * whose next attempt has come (before its retry_until). Each attempt is its own payment, with a
 * reference derived from the charge and the attempt number, and the charge is marked in flight
 * (next_attempt_at = null) in the same transaction, so overlapping runs never ask twice.
 */
export async function collectDueCharges(context: ServiceContext, limit = 500): Promise<{ requested: number; sent: number; unsent: number }> {
  const now = context.clock.now().toISOString();
  const payment_ids = await context.store.db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('share_charges as c')
      .innerJoin('memberships as m', 'm.id', 'c.membership_id')
      .innerJoin('plans as p', 'p.id', 'c.plan_id')
      .select(['c.id', 'c.membership_id', 'c.amount_minor', 'c.attempts', 'p.currency'])
      .where('c.status', '=', 'due')
      .where('m.funding_model', '=', 'post_paid')
      .where('c.next_attempt_at', '<=', now)
      .where('c.retry_until', '>', now)
      .orderBy('c.next_attempt_at')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    if (candidates.length === 0) return [];
    const claimed = await trx
      .updateTable('share_charges')
      .set({ next_attempt_at: null })
      .where('id', 'in', candidates.map((charge) => charge.id))
      .where('status', '=', 'due')
      .where('next_attempt_at', '<=', now)
      .returning('id')
      .execute();
    const claimedIds = new Set(claimed.map((row) => row.id));
    return insertPendingPayments(
      trx,
      candidates
        .filter((charge) => claimedIds.has(charge.id))
        .map((charge) => ({
          reference: collectionReference(charge.id, charge.attempts + 1n),
          kind: 'collection' as const,
          membership_id: charge.membership_id,
          share_charge_id: charge.id,
          amount_minor: charge.amount_minor,
          currency: charge.currency,
          created_at: now,
        })),
    );
  });
  const dispatch = await dispatchPayments(context, payment_ids);
  return { requested: payment_ids.length, ...dispatch };
}

/**
 * Collected: the charge is paid (debit the collection account, credit the receivable). Money for
 * a charge no longer owed (refunded after a waiting-period diagnosis while the attempt was in
 * flight) goes back to the member: it is held as a share refund in transit and paid out.
 * Failed: one more attempt tomorrow, and the member is warned (once per charge) that the
 * membership lapses if the share is still unpaid at retry_until.
 */
export async function settleCollection({ trx, payment, succeeded, at }: Settlement): Promise<SettlementOutcome> {
  const charge = await trx.selectFrom('share_charges').selectAll().where('id', '=', payment.share_charge_id!).executeTakeFirstOrThrow();
  const metadata = { payment_reference: payment.reference, share_charge_id: charge.id.toString() };
  if (succeeded && charge.status === 'due') {
    await trx.updateTable('share_charges').set({ status: 'paid', paid_at: at }).where('id', '=', charge.id).execute();
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: `settle:${payment.reference}`,
          kind: 'share_collected',
          description: `Share ${charge.reference} collected`,
          currency: payment.currency,
          metadata,
          legs: [
            { account_code: accountCodes.collection(payment.currency), side: 'debit', amount_minor: payment.amount_minor },
            { account_code: accountCodes.sharesReceivable(charge.plan_id), side: 'credit', amount_minor: payment.amount_minor },
          ],
        },
      ],
      at,
    );
    await clearUnpaidIfSettled(trx, [charge.membership_id]);
    return noFollowUp;
  }
  if (succeeded) {
    await openInTransitAccountsIn(trx, payment.currency, at);
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: `settle:${payment.reference}`,
          kind: 'unowed_collection',
          description: `Share ${charge.reference} collected after it was ${charge.status}; paid back`,
          currency: payment.currency,
          metadata,
          legs: [
            { account_code: accountCodes.collection(payment.currency), side: 'debit', amount_minor: payment.amount_minor },
            { account_code: fundingAccountCodes.shareRefundsInTransit(payment.currency), side: 'credit', amount_minor: payment.amount_minor },
          ],
        },
      ],
      at,
    );
    const follow_up_payment_ids = await insertPendingPayments(trx, [
      {
        reference: lateCollectionRefundReference(payment.reference),
        kind: 'share_refund',
        membership_id: payment.membership_id,
        share_charge_id: charge.id,
        amount_minor: payment.amount_minor,
        currency: payment.currency,
        created_at: at,
      },
    ]);
    return { follow_up_payment_ids };
  }
  if (charge.status !== 'due') return noFollowUp;
  await trx
    .updateTable('share_charges')
    .set({ attempts: charge.attempts + 1n, next_attempt_at: addDays(at, collectionRetryDays), warned_at: charge.warned_at ?? at })
    .where('id', '=', charge.id)
    .execute();
  await markUnpaid(trx, [charge.membership_id], at);
  if (charge.warned_at === null) {
    const membership = await getFundingMembership(trx, charge.membership_id);
    await queueNotifications(trx, [collectionFailedWarning(membership, charge.id, charge.amount_minor, payment.currency, charge.retry_until)], at);
  }
  return noFollowUp;
}
