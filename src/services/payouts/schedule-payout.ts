import type { Selectable } from 'kysely';
import type { Trx } from '../../ledger/ledger.js';
import { maxLegAmountMinor } from '../../ledger/transfer.js';
import type { AidPayoutsTable } from '../../store/schema.js';
import { applyClaimEventIn, lockClaimIn } from '../claims/claim-transitions.js';
import { notifyAidPaidIn } from './payout-notifications.js';
import { openPayoutAccountsIn, planFundingIn } from './payout-accounts.js';
import { payoutRejection } from './payout-rejections.js';

export type AidPayoutRow = Selectable<AidPayoutsTable>;

/** Failed attempts before a payout waits for the operator (status failed). */
export const payoutAttemptLimit = 5n;

export interface ScheduleAidPayoutInput {
  readonly claim_id: bigint;
  /** cycles.id of the cycle that shares this claim. */
  readonly cycle_id: bigint;
  readonly plan_id: string;
  /** The aid owed to the patient: at most the claim's aid (caps may reduce it), possibly 0. */
  readonly amount_minor: bigint;
  readonly actor: string;
  readonly at: string;
}

export interface ScheduledAidPayout {
  readonly payout_id: bigint;
  readonly status: AidPayoutRow['status'];
  /** False when this claim's payout existed already (the cycle step ran again): nothing changed. */
  readonly created: boolean;
}

/**
 * Makes an approved claim a payable to the patient, inside the cycle's transaction: the claim goes
 * approved → scheduled and an aid_payouts row is written as due, to be paid by payDueAid once the
 * plan has the cash. A payout of 0 (caps took all the aid) is settled at once: the claim goes on to
 * paid and nothing is sent. One payout per claim: running the step again returns the existing one,
 * and a different cycle or amount for the same claim is a conflict.
 */
export async function scheduleAidPayoutIn(trx: Trx, input: ScheduleAidPayoutInput): Promise<ScheduledAidPayout> {
  const { claim_id, cycle_id, plan_id, amount_minor, actor, at } = input;
  const details = { claim_id: claim_id.toString(), amount_minor: String(amount_minor) };
  if (typeof amount_minor !== 'bigint' || amount_minor < 0n || amount_minor > maxLegAmountMinor) {
    payoutRejection('PAYOUT_BAD_AMOUNT', 'A payout is zero or a positive number of minor units.', details);
  }
  // The claim row's lock serializes two runs scheduling the same claim.
  const claim = await lockClaimIn(trx, claim_id);
  const existing = await trx.selectFrom('aid_payouts').selectAll().where('claim_id', '=', claim_id).executeTakeFirst();
  if (existing !== undefined) {
    if (existing.cycle_id !== cycle_id || existing.amount_minor !== amount_minor || existing.plan_id !== plan_id) {
      payoutRejection('PAYOUT_CONFLICT', `Claim ${claim_id} was already scheduled for another payout.`, {
        ...details,
        payout_id: existing.id.toString(),
        cycle_id: existing.cycle_id.toString(),
        scheduled_minor: existing.amount_minor.toString(),
      });
    }
    return { payout_id: existing.id, status: existing.status, created: false };
  }
  if (claim.plan_id !== plan_id) payoutRejection('PAYOUT_WRONG_PLAN', `Claim ${claim_id} belongs to plan ${claim.plan_id}.`, { ...details, plan_id: claim.plan_id });
  if (amount_minor > claim.aid_minor) {
    payoutRejection('PAYOUT_ABOVE_AID', `The payout is more than the claim's aid of ${claim.aid_minor}.`, { ...details, aid_minor: claim.aid_minor.toString() });
  }
  const { plan } = await planFundingIn(trx, plan_id);
  await openPayoutAccountsIn(trx, plan_id, plan.currency, at);
  await applyClaimEventIn(trx, claim_id, { event: 'schedule', actor, reason: `Scheduled for payout in cycle ${cycle_id}`, at });
  const zero = amount_minor === 0n;
  const payout = await trx
    .insertInto('aid_payouts')
    .values({
      claim_id,
      cycle_id,
      plan_id,
      currency: plan.currency,
      amount_minor,
      status: zero ? 'paid' : 'due',
      attempts: 0n,
      attempt_limit: payoutAttemptLimit,
      next_attempt_at: zero ? null : at,
      last_failure_reason: null,
      scheduled_by: actor,
      created_at: at,
      paid_at: zero ? at : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (zero) {
    await applyClaimEventIn(trx, claim_id, { event: 'pay', actor, reason: 'No aid payable after caps: settled without a payment', at });
    await notifyAidPaidIn(trx, payout, at);
  }
  return { payout_id: payout.id, status: payout.status, created: true };
}
