import { postTransfersIn } from '../../ledger/ledger.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications } from '../notifications/outbox.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { keyedPaymentReference, randomPaymentReference } from '../payments/payment-references.js';
import { insertPendingPayments, refuseSecondKeyedPaymentIn, type PaymentRequest, type PaymentRequestOptions } from '../payments/payment-rows.js';
import { noFollowUp, type Settlement, type SettlementOutcome } from '../payments/payment-settlement.js';
import { accountCodes } from '../plan-accounts.js';
import { getPlan } from '../plans.js';
import { checkAmount } from './funding-amounts.js';
import { fundingAccountCodes, openInTransitAccountsIn } from './funding-accounts.js';
import { getFundingMembership, isLive } from './funding-memberships.js';
import { lowBalanceReminder } from './funding-notifications.js';
import { fundingRejection } from './funding-rejections.js';
import { prepaidRulesAt } from './funding-rules.js';
import { clearLowBalanceNotified, markLowBalanceNotified } from './membership-flags.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { getPlanIn } from './plan-in.js';
import { balancesIn } from '../../ledger/ledger-reads.js';

/**
 * Pays (part of) a wallet back to the member, at any time: also after a lapse or exit, since the
 * wallet is the member's money. The amount leaves the wallet at once, into the wallet refunds in
 * transit liability (still in custody, no longer spendable), so a second request or a deduction
 * cannot use the same money while the payout is open; the provider's webhook then settles it
 * out of custody or, if the payout failed, returns it to the wallet.
 */
export async function requestWalletRefund(
  context: ServiceContext,
  membership_id: bigint,
  amount_minor: bigint,
  options: PaymentRequestOptions = {},
): Promise<PaymentRequest> {
  checkAmount(amount_minor);
  const membership = await getFundingMembership(context.store.db, membership_id);
  const details = { membership_id: membership_id.toString() };
  if (membership.funding_model !== 'prepaid') fundingRejection('FUNDING_NOT_PREPAID', 'This membership is post-paid and has no wallet.', details);
  const plan = await getPlan(context, membership.plan_id);
  const now = context.clock.now().toISOString();
  const rules = prepaidRulesAt(plan, now);
  const wallet = accountCodes.wallet(membership.member_code);
  const reference =
    options.request_key_hex === undefined
      ? randomPaymentReference(context.random, 'wallet_refund', membership_id)
      : keyedPaymentReference('wallet_refund', membership_id, options.request_key_hex);
  const payment_id = await context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    await refuseSecondKeyedPaymentIn(trx, reference);
    // The plan's closure refunds the wallet at closure itself: a refund asked for beside it would pay
    // the same money twice. Under the ledger lock, as the closure's own refund requests are.
    const closure_refund = await trx
      .selectFrom('plan_closure_members')
      .select('refund_state')
      .where('membership_id', '=', membership_id)
      .where('refund_state', 'in', ['due', 'pending'])
      .executeTakeFirst();
    if (closure_refund !== undefined) {
      fundingRejection('FUNDING_CLOSURE_REFUND_DUE', 'The plan has closed and its closure refunds this wallet to you; no other refund is made until it has.', {
        ...details,
        refund_state: closure_refund.refund_state,
      });
    }
    const balance_minor = (await balancesIn(trx, [wallet])).get(wallet) ?? 0n;
    if (amount_minor > balance_minor) {
      fundingRejection('FUNDING_REFUND_ABOVE_BALANCE', 'The refund is more than the wallet holds (refunds already asked for are not counted).', {
        ...details,
        amount_minor: amount_minor.toString(),
        balance_minor: balance_minor.toString(),
      });
    }
    await openInTransitAccountsIn(trx, plan.currency, now);
    const [id] = await insertPendingPayments(trx, [{ reference, kind: 'wallet_refund', membership_id, share_charge_id: null, amount_minor, currency: plan.currency, created_at: now }]);
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: `hold:${reference}`,
          kind: 'wallet_refund_requested',
          description: `Refund asked from wallet ${membership.member_code}`,
          currency: plan.currency,
          metadata: { payment_reference: reference, membership_id: membership_id.toString() },
          legs: [
            { account_code: wallet, side: 'debit', amount_minor },
            { account_code: fundingAccountCodes.walletRefundsInTransit(plan.currency), side: 'credit', amount_minor },
          ],
        },
      ],
      now,
    );
    const locked = await getFundingMembership(trx, membership_id);
    const balance_after_minor = balance_minor - amount_minor;
    if (isLive(locked) && locked.low_balance_notified_at === null && balance_after_minor < rules.low_balance_minor) {
      await queueNotifications(trx, [lowBalanceReminder(locked, balance_after_minor, rules.low_balance_minor, plan.currency, `refund_${id}`)], now);
      await markLowBalanceNotified(trx, [membership_id], now);
    }
    return id!;
  });
  const dispatch = await dispatchPayments(context, [payment_id]);
  return { payment_id, reference, amount_minor, currency: plan.currency, status: 'pending', sent: dispatch.sent === 1 };
}

/** Paid out: the money leaves custody (debit in transit, credit custody). Failed: it goes back to the wallet. */
export async function settleWalletRefund({ trx, payment, succeeded, at }: Settlement): Promise<SettlementOutcome> {
  const membership = await getFundingMembership(trx, payment.membership_id);
  const wallet = accountCodes.wallet(membership.member_code);
  const inTransit = fundingAccountCodes.walletRefundsInTransit(payment.currency);
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `${succeeded ? 'settle' : 'return'}:${payment.reference}`,
        kind: succeeded ? 'wallet_refund_paid' : 'wallet_refund_returned',
        description: succeeded ? `Refund paid out of wallet ${membership.member_code}` : `Refund to ${membership.member_code} failed; back into the wallet`,
        currency: payment.currency,
        metadata: { payment_reference: payment.reference, membership_id: membership.id.toString() },
        legs: [
          { account_code: inTransit, side: 'debit', amount_minor: payment.amount_minor },
          { account_code: succeeded ? accountCodes.custody(payment.currency) : wallet, side: 'credit', amount_minor: payment.amount_minor },
        ],
      },
    ],
    at,
  );
  if (!succeeded && membership.low_balance_notified_at !== null) {
    const rules = prepaidRulesAt(await getPlanIn(trx, membership.plan_id), at);
    const balance_minor = (await balancesIn(trx, [wallet])).get(wallet) ?? 0n;
    if (balance_minor >= rules.low_balance_minor) await clearLowBalanceNotified(trx, [membership.id]);
  }
  return noFollowUp;
}
