import type { Selectable } from 'kysely';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import type { AidPayoutAttemptsTable } from '../../store/schema.js';
import { applyClaimEventIn } from '../claims/claim-transitions.js';
import { addDays } from '../funding/funding-time.js';
import { accountCodes } from '../plan-accounts.js';
import { payoutAccountCodes, planFundingIn } from './payout-accounts.js';
import { notifyAidPaidIn } from './payout-notifications.js';

export type AidPayoutAttemptRow = Selectable<AidPayoutAttemptsTable>;

/** A failed attempt is tried again this many days later, until the payout's attempt limit. */
export const payoutRetryDays = 1;

/**
 * Finds the attempt a provider event names and locks it (a no-op write), so two events for one
 * attempt settle one after the other; undefined when the reference is not an aid payout's.
 */
export async function lockAidPayoutAttemptIn(trx: Trx, reference: string): Promise<AidPayoutAttemptRow | undefined> {
  return trx
    .updateTable('aid_payout_attempts')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('reference', '=', reference)
    .returningAll()
    .executeTakeFirst();
}

export interface AidPayoutOutcome {
  readonly succeeded: boolean;
  readonly failure_reason: string | null;
  readonly gateway_payment_id: string;
  readonly at: string;
}

/**
 * Settles a pending attempt inside the webhook's transaction (the ledger is locked already).
 * Paid: the aid leaves the plan's bank account (debit aid payouts in transit, credit collection or
 * custody), the payout is paid, the claim goes scheduled → paid and the patient's payer is told.
 * Failed: the money goes back to aid payable, and the payout is due again a day later, or — after
 * its attempt limit — failed, for the operator to look at.
 */
export async function settleAidPayoutAttemptIn(trx: Trx, attempt: AidPayoutAttemptRow, outcome: AidPayoutOutcome): Promise<{ payout_id: bigint }> {
  const { succeeded, at } = outcome;
  await trx
    .updateTable('aid_payout_attempts')
    .set({ status: succeeded ? 'succeeded' : 'failed', failure_reason: succeeded ? null : outcome.failure_reason, settled_at: at, gateway_payment_id: outcome.gateway_payment_id })
    .where('id', '=', attempt.id)
    .execute();
  const payout = await trx
    .updateTable('aid_payouts')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', attempt.payout_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const funding = await planFundingIn(trx, payout.plan_id);
  const inTransit = payoutAccountCodes.aidInTransit(payout.plan_id);
  const metadata = { payout_reference: attempt.reference, payout_id: payout.id.toString(), claim_id: payout.claim_id.toString(), plan_id: payout.plan_id };
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `${succeeded ? 'settle' : 'return'}:${attempt.reference}`,
        kind: succeeded ? 'aid_payout_paid' : 'aid_payout_returned',
        description: succeeded ? `Aid paid out for claim ${payout.claim_id}` : `Aid payout for claim ${payout.claim_id} failed; owed again`,
        currency: attempt.currency,
        metadata,
        legs: [
          { account_code: inTransit, side: 'debit', amount_minor: attempt.amount_minor },
          { account_code: succeeded ? funding.cash_account : accountCodes.aidPayable(payout.plan_id), side: 'credit', amount_minor: attempt.amount_minor },
        ],
      },
    ],
    at,
  );
  if (succeeded) {
    await trx.updateTable('aid_payouts').set({ status: 'paid', paid_at: at, next_attempt_at: null }).where('id', '=', payout.id).execute();
    await applyClaimEventIn(trx, payout.claim_id, { event: 'pay', actor: 'system:payouts', reason: `Aid paid (${attempt.reference})`, at });
    await notifyAidPaidIn(trx, payout, at);
  } else {
    const exhausted = attempt.attempt >= payout.attempt_limit;
    await trx
      .updateTable('aid_payouts')
      .set({
        status: exhausted ? 'failed' : 'due',
        next_attempt_at: exhausted ? null : addDays(at, payoutRetryDays),
        last_failure_reason: outcome.failure_reason ?? 'unspecified',
      })
      .where('id', '=', payout.id)
      .execute();
  }
  return { payout_id: payout.id };
}
