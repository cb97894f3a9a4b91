import { closureIsDue } from '../../core/closure/closure-rules.js';
import { splitDeductions, totalMinor } from '../../core/funding/wallet-deductions.js';
import { calendarDateOf } from '../../core/members/age.js';
import { sql } from 'kysely';
import { openAccountsIn, postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { exactSumOf, exactSumParts, type SumParts } from '../../store/exact-sum.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications } from '../notifications/outbox.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { keyedPaymentReference, randomPaymentReference } from '../payments/payment-references.js';
import { insertPendingPayments, refuseSecondKeyedPaymentIn, type PaymentRequest, type PaymentRequestOptions } from '../payments/payment-rows.js';
import { noFollowUp, type Settlement, type SettlementOutcome } from '../payments/payment-settlement.js';
import { accountCodes, walletAccount } from '../plan-accounts.js';
import { getPlan } from '../plans.js';
import { checkAmount } from './funding-amounts.js';
import { getFundingMembership, isLive } from './funding-memberships.js';
import { lowBalanceReminder } from './funding-notifications.js';
import { fundingRejection } from './funding-rejections.js';
import { prepaidRulesAt } from './funding-rules.js';
import { clearLowBalanceNotified, clearUnpaidIfSettled, markLowBalanceNotified } from './membership-flags.js';
import { getPlanIn } from './plan-in.js';
import { batchKey } from './share-charge-input.js';
import { balancesIn, lockLedgerIn } from '../../ledger/ledger-reads.js';

/** Due charges one top-up settles at most; a member has a handful, this only bounds the query. */
const maxDueChargesSettled = 500;

/**
 * Asks the provider to collect a top-up into a live prepaid member's wallet. Nothing moves in the
 * ledger until the provider's payment.succeeded webhook arrives (settleTopUp).
 */
export async function requestTopUp(
  context: ServiceContext,
  membership_id: bigint,
  amount_minor: bigint,
  options: PaymentRequestOptions = {},
): Promise<PaymentRequest> {
  checkAmount(amount_minor);
  const membership = await getFundingMembership(context.store.db, membership_id);
  const details = { membership_id: membership_id.toString() };
  if (membership.funding_model !== 'prepaid') fundingRejection('FUNDING_NOT_PREPAID', 'This membership is post-paid: shares are collected after each cycle, there is no wallet to top up.', details);
  if (!isLive(membership)) fundingRejection('FUNDING_MEMBERSHIP_NOT_LIVE', `A ${membership.status} membership takes no top-ups; its wallet can still be refunded.`, details);
  const plan = await getPlan(context, membership.plan_id);
  const now = context.clock.now().toISOString();
  const rules = prepaidRulesAt(plan, now);
  if (amount_minor < rules.min_top_up_minor) {
    fundingRejection('FUNDING_TOP_UP_BELOW_MINIMUM', `The smallest top-up for this plan is ${rules.min_top_up_minor} minor units.`, {
      ...details,
      amount_minor: amount_minor.toString(),
      min_top_up_minor: rules.min_top_up_minor.toString(),
    });
  }
  if (amount_minor > rules.max_top_up_minor) {
    fundingRejection('FUNDING_TOP_UP_TOO_LARGE', `The largest top-up for this plan is ${rules.max_top_up_minor} minor units.`, {
      ...details,
      amount_minor: amount_minor.toString(),
      max_top_up_minor: rules.max_top_up_minor.toString(),
    });
  }
  const reference =
    options.request_key_hex === undefined
      ? randomPaymentReference(context.random, 'top_up', membership_id)
      : keyedPaymentReference('top_up', membership_id, options.request_key_hex);
  const wallet = accountCodes.wallet(membership.member_code);
  const [payment_id] = await context.store.db.transaction().execute(async (trx) => {
    // Under the ledger lock neither the balance nor another top-up of this wallet can change
    // between this check and the insert, so two concurrent top-ups cannot both pass the limit.
    await lockLedgerIn(trx);
    await refuseSecondKeyedPaymentIn(trx, reference);
    await refuseTopUpOfClosedPlanIn(trx, membership.plan_id, now, details);
    const balance_minor = (await balancesIn(trx, [wallet])).get(wallet) ?? 0n;
    const pending_minor = await pendingTopUpsMinor(trx, membership_id);
    if (balance_minor + pending_minor + amount_minor > rules.max_wallet_balance_minor) {
      fundingRejection('FUNDING_WALLET_LIMIT', `A wallet of this plan holds at most ${rules.max_wallet_balance_minor} minor units, counting top-ups still pending.`, {
        ...details,
        amount_minor: amount_minor.toString(),
        balance_minor: balance_minor.toString(),
        pending_top_ups_minor: pending_minor.toString(),
        max_wallet_balance_minor: rules.max_wallet_balance_minor.toString(),
      });
    }
    // The wallet is opened at join; opening it here too keeps a top-up from failing on a membership made another way.
    await openAccountsIn(trx, [walletAccount(membership.member_code, plan.currency)], now);
    return insertPendingPayments(trx, [{ reference, kind: 'top_up', membership_id, share_charge_id: null, amount_minor, currency: plan.currency, created_at: now }]);
  });
  const dispatch = await dispatchPayments(context, [payment_id!]);
  return { payment_id: payment_id!, reference, amount_minor, currency: plan.currency, status: 'pending', sent: dispatch.sent === 1 };
}

/**
 * From its closure date on, a plan's wallets take no top-up: the close step records every wallet
 * and waits for payments in flight (CLOSURE_PAYMENTS_PENDING), so one started then would hold the
 * close up or, settling after it, sit in a wallet with no line of the report. Before the closure
 * date top-ups stay open: the members may be paying the last cycles. Checked under the ledger
 * lock, which the close step takes too, so a top-up and the close cannot cross.
 */
async function refuseTopUpOfClosedPlanIn(trx: Trx, plan_id: string, now: string, details: Record<string, unknown>): Promise<void> {
  const closure = await trx.selectFrom('plan_closures').select(['closure_date', 'step']).where('plan_id', '=', plan_id).executeTakeFirst();
  if (closure === undefined) return;
  if (closure.step !== 'announced' || closureIsDue(closure.closure_date, calendarDateOf(now))) {
    fundingRejection('FUNDING_PLAN_CLOSED', `The plan closes on ${closure.closure_date}; from then on its wallets take no top-ups (they are refunded).`, {
      ...details,
      plan_id,
      closure_date: closure.closure_date,
    });
  }
}

/** What the membership's top-ups still waiting for the provider add up to (exact, see exact-sum.ts). */
async function pendingTopUpsMinor(trx: Trx, membership_id: bigint): Promise<bigint> {
  const result = await sql<SumParts>`
    select ${exactSumParts('amount_minor')} from payments where membership_id = ${membership_id} and kind = 'top_up' and status = 'pending'`.execute(trx);
  return exactSumOf(result.rows[0]);
}

/**
 * A collected top-up: debit custody (the cash arrived in the segregated account), credit the
 * wallet. Then, in the same transaction, the member's due shares are settled oldest first while
 * the wallet covers them (debit wallet, credit aid payable), so a member who fell behind is
 * brought up to date by the money they sent for that purpose.
 */
export async function settleTopUp({ trx, payment, succeeded, at }: Settlement): Promise<SettlementOutcome> {
  if (!succeeded) return noFollowUp;
  const membership = await getFundingMembership(trx, payment.membership_id);
  const wallet = accountCodes.wallet(membership.member_code);
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `settle:${payment.reference}`,
        kind: 'wallet_top_up',
        description: `Top-up of wallet ${membership.member_code}`,
        currency: payment.currency,
        metadata: { payment_reference: payment.reference, membership_id: membership.id.toString() },
        legs: [
          { account_code: accountCodes.custody(payment.currency), side: 'debit', amount_minor: payment.amount_minor },
          { account_code: wallet, side: 'credit', amount_minor: payment.amount_minor },
        ],
      },
    ],
    at,
  );

  const due = await trx
    .selectFrom('share_charges')
    .select(['id', 'plan_id', 'amount_minor'])
    .where('membership_id', '=', membership.id)
    .where('status', '=', 'due')
    .orderBy('created_at')
    .orderBy('id')
    .limit(maxDueChargesSettled)
    .execute();
  const balances = await balancesIn(trx, [wallet]);
  const split = splitDeductions(balances, due.map((charge) => ({ ...charge, charge_id: charge.id, wallet_code: wallet })));
  if (split.paid.length > 0) {
    const paid_ids = split.paid.map((charge) => charge.charge_id);
    await trx.updateTable('share_charges').set({ status: 'paid', paid_at: at }).where('id', 'in', paid_ids).execute();
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: batchKey(`due_settlement:${membership.plan_id}`, paid_ids),
          kind: 'share_deduction',
          description: `${paid_ids.length} due shares of ${membership.member_code} settled by a top-up`,
          currency: payment.currency,
          metadata: { payment_reference: payment.reference, membership_id: membership.id.toString() },
          legs: [
            { account_code: wallet, side: 'debit', amount_minor: totalMinor(split.paid) },
            // The due share is already owed as aid (booked as a receivable when deducted): the member pays what they owe.
            { account_code: accountCodes.sharesReceivable(membership.plan_id), side: 'credit', amount_minor: totalMinor(split.paid) },
          ],
        },
      ],
      at,
    );
    await clearUnpaidIfSettled(trx, [membership.id]);
  }

  const rules = prepaidRulesAt(await getPlanIn(trx, membership.plan_id), at);
  const balance_after_minor = split.balances_after_minor.get(wallet) ?? balances.get(wallet) ?? 0n;
  if (balance_after_minor >= rules.low_balance_minor) {
    await clearLowBalanceNotified(trx, [membership.id]);
  } else if (isLive(membership) && membership.low_balance_notified_at === null) {
    await queueNotifications(trx, [lowBalanceReminder(membership, balance_after_minor, rules.low_balance_minor, payment.currency, `top_up_${payment.id}`)], at);
    await markLowBalanceNotified(trx, [membership.id], at);
  }
  return noFollowUp;
}
