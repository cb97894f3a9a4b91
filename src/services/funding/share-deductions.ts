import { splitDeductions, totalMinor } from '../../core/funding/wallet-deductions.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { chunks } from '../../store/chunks.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications, type NotificationInput } from '../notifications/outbox.js';
import { accountCodes } from '../plan-accounts.js';
import { getPlan } from '../plans.js';
import { findFundingMemberships, isLive, type FundingMembership } from './funding-memberships.js';
import { lowBalanceReminder, shareUnpaidWarning } from './funding-notifications.js';
import { prepaidRulesAt, type PrepaidRules } from './funding-rules.js';
import { addDays } from './funding-time.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { markLowBalanceNotified, markUnpaid } from './membership-flags.js';
import { batchKey, checkChargeInputs, checkChargeTargets, insertDueCharges, type ShareChargeInput } from './share-charge-input.js';
import { balancesIn } from '../../ledger/ledger-reads.js';

export interface DeductionSummary {
  /** Charges written by this call; those already written under the reference are not counted again. */
  readonly charged: number;
  readonly already_charged: number;
  readonly paid: number;
  readonly unpaid: number;
  readonly paid_minor: bigint;
  readonly unpaid_minor: bigint;
}

/** Memberships per transaction; also bounds the legs of the aggregate posting (one per wallet, plus one). */
const defaultBatchSize = 500;

/**
 * Deducts a cycle's shares from prepaid wallets. Each share becomes a share_charges row (unique
 * per membership and reference, so running the same cycle again charges nobody twice). A wallet
 * that covers its share pays it at once (debit the wallet, credit the plan's aid payable: the
 * money stays in custody, now owed as aid). One that does not leaves the charge due and owed by
 * the member (debit shares receivable, credit aid payable), marks the membership unpaid and warns
 * the member; a later top-up settles it, and lapseUnpaidPrepaid lapses the membership when the
 * grace days pass first.
 */
export async function deductShares(
  context: ServiceContext,
  plan_id: string,
  reference: string,
  charges: readonly ShareChargeInput[],
  options: { batch_size?: number } = {},
): Promise<DeductionSummary> {
  checkChargeInputs(reference, charges);
  const plan = await getPlan(context, plan_id);
  const now = context.clock.now().toISOString();
  const rules = prepaidRulesAt(plan, now);
  await checkChargeTargets(context.store.db, plan_id, reference, charges, 'prepaid');

  let summary: DeductionSummary = { charged: 0, already_charged: 0, paid: 0, unpaid: 0, paid_minor: 0n, unpaid_minor: 0n };
  const batch_size = Math.min(Math.max(options.batch_size ?? defaultBatchSize, 1), defaultBatchSize);
  for (const batch of chunks(charges, batch_size)) {
    const result = await context.store.db.transaction().execute((trx) => deductBatch(trx, plan.id, plan.currency, rules, reference, batch, now));
    summary = {
      charged: summary.charged + result.charged,
      already_charged: summary.already_charged + result.already_charged,
      paid: summary.paid + result.paid,
      unpaid: summary.unpaid + result.unpaid,
      paid_minor: summary.paid_minor + result.paid_minor,
      unpaid_minor: summary.unpaid_minor + result.unpaid_minor,
    };
  }
  return summary;
}

/** One bounded batch of deductShares, in the caller's transaction; the cycle streams its members through it. */
export async function deductBatch(
  trx: Trx,
  plan_id: string,
  currency: string,
  rules: PrepaidRules,
  reference: string,
  batch: readonly ShareChargeInput[],
  now: string,
): Promise<DeductionSummary> {
  await lockLedgerIn(trx);
  const deadline = addDays(now, rules.grace_days);
  const inserted = await insertDueCharges(
    trx,
    batch.map((charge) => ({ membership_id: charge.membership_id, plan_id, reference, amount_minor: charge.amount_minor, retry_until: deadline, next_attempt_at: null, created_at: now })),
  );
  const already_charged = batch.length - inserted.length;
  if (inserted.length === 0) return { charged: 0, already_charged, paid: 0, unpaid: 0, paid_minor: 0n, unpaid_minor: 0n };

  const memberships = await findFundingMemberships(trx, inserted.map((charge) => charge.membership_id));
  const membershipOf = (id: bigint): FundingMembership => memberships.get(id)!;
  const walletCharges = inserted.map((charge) => ({ ...charge, charge_id: charge.id, wallet_code: accountCodes.wallet(membershipOf(charge.membership_id).member_code) }));
  const balances = await balancesIn(trx, walletCharges.map((charge) => charge.wallet_code));
  const split = splitDeductions(balances, walletCharges);

  const notifications: NotificationInput[] = [];
  if (split.paid.length > 0) {
    const paid_ids = split.paid.map((charge) => charge.charge_id);
    for (const ids of chunks(paid_ids, 500)) await trx.updateTable('share_charges').set({ status: 'paid', paid_at: now }).where('id', 'in', ids).execute();
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: batchKey(`share_deduction:${plan_id}`, paid_ids),
          kind: 'share_deduction',
          description: `Shares ${reference} deducted from ${split.paid.length} wallets`,
          currency,
          metadata: { plan_id, reference },
          legs: [
            ...split.paid.map((charge) => ({ account_code: charge.wallet_code, side: 'debit' as const, amount_minor: charge.amount_minor })),
            { account_code: accountCodes.aidPayable(plan_id), side: 'credit' as const, amount_minor: totalMinor(split.paid) },
          ],
        },
      ],
      now,
    );
    // A reminder the first time a live wallet falls below the threshold; a top-up back above it re-arms it.
    const low = split.paid.filter((charge) => {
      const membership = membershipOf(charge.membership_id);
      return isLive(membership) && membership.low_balance_notified_at === null && split.balances_after_minor.get(charge.wallet_code)! < rules.low_balance_minor;
    });
    for (const charge of low) {
      notifications.push(lowBalanceReminder(membershipOf(charge.membership_id), split.balances_after_minor.get(charge.wallet_code)!, rules.low_balance_minor, currency, `charge_${charge.charge_id}`));
    }
    await markLowBalanceNotified(trx, low.map((charge) => charge.membership_id), now);
  }
  if (split.unpaid.length > 0) {
    const unpaid_ids = split.unpaid.map((charge) => charge.charge_id);
    // A share the wallet cannot pay is still charged: the member owes it (a receivable, as a
    // post-paid share is) and the aid is owed in full. So aid payable holds every share of a
    // cycle from the start, and the fee never has to wait for, or be cut to, what wallets paid.
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: batchKey(`share_shortfall:${plan_id}`, unpaid_ids),
          kind: 'share_shortfall',
          description: `Shares ${reference} that ${split.unpaid.length} wallets could not pay, owed by their members`,
          currency,
          metadata: { plan_id, reference },
          legs: [
            { account_code: accountCodes.sharesReceivable(plan_id), side: 'debit', amount_minor: totalMinor(split.unpaid) },
            { account_code: accountCodes.aidPayable(plan_id), side: 'credit', amount_minor: totalMinor(split.unpaid) },
          ],
        },
      ],
      now,
    );
    for (const ids of chunks(unpaid_ids, 500)) await trx.updateTable('share_charges').set({ warned_at: now }).where('id', 'in', ids).execute();
    await markUnpaid(trx, split.unpaid.map((charge) => charge.membership_id), now);
    for (const charge of split.unpaid) notifications.push(shareUnpaidWarning(membershipOf(charge.membership_id), charge.charge_id, charge.amount_minor, currency, deadline));
  }
  await queueNotifications(trx, notifications, now);
  return {
    charged: inserted.length,
    already_charged,
    paid: split.paid.length,
    unpaid: split.unpaid.length,
    paid_minor: totalMinor(split.paid),
    unpaid_minor: totalMinor(split.unpaid),
  };
}
