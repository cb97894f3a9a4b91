import { sendPendingInBatches, unsentRequestIds } from '../payments/gateway-requests.js';
import { postTransfersIn } from '../../ledger/ledger.js';
import type { TransferInput } from '../../ledger/transfer.js';
import type { ServiceContext } from '../context.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { accountCodes } from '../plan-accounts.js';
import { openPayoutAccountsIn, payoutAccountCodes, planCashIn, planFundingIn } from './payout-accounts.js';
import { payoutRejection } from './payout-rejections.js';
import type { AidPayoutRow } from './schedule-payout.js';

export interface UncoveredPayout {
  readonly payout_id: bigint;
  readonly claim_id: bigint;
  readonly plan_id: string;
  readonly amount_minor: bigint;
  /** What the plan had left for it, after the older payouts of the plan. */
  readonly available_minor: bigint;
}

export interface PayDueAidReport {
  /** Attempts written and handed to the provider this run. */
  readonly requested: number;
  readonly sent: number;
  /** The provider could not be reached; the attempt stays pending and is sent again by a later run. */
  readonly unsent: number;
  /** Earlier attempts that had not reached the provider, sent again. */
  readonly resent: number;
  /** Due payouts the plan's cash does not cover yet: they stay due. */
  readonly uncovered: readonly UncoveredPayout[];
}

/** At most this many due payouts are looked at per run; a bounded queue. */
const payoutsPerRun = 200;

/** The plans with aid payouts due, so the background jobs can pay each plan on its own (a failure stays with its plan). */
export async function plansWithDueAid(context: ServiceContext): Promise<string[]> {
  const rows = await context.store.db.selectFrom('aid_payouts').select('plan_id').distinct().where('status', '=', 'due').orderBy('plan_id').execute();
  return rows.map((row) => row.plan_id);
}

export function aidPayoutReference(payout_id: bigint, attempt: bigint): string {
  return `aid_payout:${payout_id}:${attempt}`;
}

/**
 * Pays due aid, oldest payout first within each plan, as far as the plan's available cash goes
 * (aid payable − shares not yet collected + operator advances, see planCashIn). Strictly in order:
 * once a plan's cash does not cover a payout, the later ones of that plan wait too, so a small
 * later case never overtakes an earlier one. A payout waiting for its retry keeps its place and
 * its money. Each payout sent becomes a pending attempt and its amount moves, in the same
 * transaction, from aid payable into aid payouts in transit; the provider is asked after commit.
 */
export async function payDueAid(context: ServiceContext, options: { plan_id?: string; resend_unsent?: boolean } = {}): Promise<PayDueAidReport> {
  const now = context.clock.now().toISOString();
  const resent = options.resend_unsent === false ? { sent: 0 } : await resendUnsentAidPayouts(context);
  const { attempt_ids, uncovered } = await context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    let query = trx.selectFrom('aid_payouts').selectAll().where('status', '=', 'due').orderBy('id').limit(payoutsPerRun);
    if (options.plan_id !== undefined) query = query.where('plan_id', '=', options.plan_id);
    const due = await query.execute();
    const byPlan = new Map<string, AidPayoutRow[]>();
    for (const payout of due) byPlan.set(payout.plan_id, [...(byPlan.get(payout.plan_id) ?? []), payout]);
    const attempt_ids: bigint[] = [];
    const uncovered: UncoveredPayout[] = [];
    for (const [plan_id, payouts] of byPlan) {
      const { plan } = await planFundingIn(trx, plan_id);
      await openPayoutAccountsIn(trx, plan_id, plan.currency, now);
      const cash = await planCashIn(trx, plan_id);
      let available_minor = cash.available_minor;
      // Aid payable bounds it too: an advance pays only aid that members were charged for.
      let payable_minor = cash.aid_payable_minor;
      let blocked = false;
      const transfers: TransferInput[] = [];
      for (const payout of payouts) {
        const covered = !blocked && payout.amount_minor <= available_minor && payout.amount_minor <= payable_minor;
        if (!covered) {
          blocked = true;
          uncovered.push({ payout_id: payout.id, claim_id: payout.claim_id, plan_id, amount_minor: payout.amount_minor, available_minor: available_minor < 0n ? 0n : available_minor });
          continue;
        }
        available_minor -= payout.amount_minor;
        payable_minor -= payout.amount_minor;
        if (payout.next_attempt_at !== null && payout.next_attempt_at > now) continue;
        const attempt = payout.attempts + 1n;
        const reference = aidPayoutReference(payout.id, attempt);
        const [inserted] = await trx
          .insertInto('aid_payout_attempts')
          .values({ payout_id: payout.id, attempt, reference, gateway_payment_id: null, amount_minor: payout.amount_minor, currency: payout.currency, status: 'pending', failure_reason: null, created_at: now, settled_at: null })
          .returning('id')
          .execute();
        await trx.updateTable('aid_payouts').set({ status: 'in_flight', attempts: attempt, next_attempt_at: null }).where('id', '=', payout.id).execute();
        attempt_ids.push(inserted!.id);
        transfers.push({
          idempotency_key: `send:${reference}`,
          kind: 'aid_payout_sent',
          description: `Aid for claim ${payout.claim_id} sent to the patient (attempt ${attempt})`,
          currency: payout.currency,
          metadata: { payout_reference: reference, payout_id: payout.id.toString(), claim_id: payout.claim_id.toString(), plan_id },
          legs: [
            { account_code: accountCodes.aidPayable(plan_id), side: 'debit', amount_minor: payout.amount_minor },
            { account_code: payoutAccountCodes.aidInTransit(plan_id), side: 'credit', amount_minor: payout.amount_minor },
          ],
        });
      }
      await postTransfersIn(trx, transfers, now);
    }
    return { attempt_ids, uncovered };
  });
  const dispatch = await dispatchAidPayouts(context, attempt_ids);
  return { requested: attempt_ids.length, sent: dispatch.sent, unsent: dispatch.unsent, resent: resent.sent, uncovered };
}

/**
 * Asks the provider to pay pending attempts, after the transaction that wrote them committed. A
 * request that fails leaves the attempt pending without a provider id; it is never marked failed
 * here (the request may have arrived), only the webhook says what happened. The provider treats a
 * repeated reference as the same payout.
 */
export async function dispatchAidPayouts(context: ServiceContext, attempt_ids: readonly bigint[]): Promise<{ sent: number; unsent: number }> {
  return sendPendingInBatches(context, 'aid_payout_attempts', attempt_ids, async (batch) => {
    const rows = await context.store.db
      .selectFrom('aid_payout_attempts')
      .select(['reference', 'amount_minor', 'currency'])
      .where('id', 'in', batch)
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ operation: 'payout' as const, reference: row.reference, amount_minor: row.amount_minor, currency: row.currency, description: 'Mutual aid payout' }));
  });
}

/** Sends again the pending attempts whose request never got through, oldest first. */
export async function resendUnsentAidPayouts(context: ServiceContext, limit = 200, older_than_seconds = 60): Promise<{ sent: number; unsent: number }> {
  return dispatchAidPayouts(context, await unsentRequestIds(context, 'aid_payout_attempts', limit, older_than_seconds));
}

/**
 * The operator sends a payout again now: one that used up its attempts (failed), e.g. after the
 * patient's bank details were corrected, is due again with one more attempt allowed; one whose last
 * attempt failed and that waits for its next try is due now instead of at the time set. Anything
 * else (paid, in flight, due and never failed) is refused: there is nothing to send again.
 */
export async function retryFailedAidPayout(context: ServiceContext, payout_id: bigint): Promise<AidPayoutRow> {
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const payout = await trx.selectFrom('aid_payouts').selectAll().where('id', '=', payout_id).executeTakeFirst();
    if (payout === undefined) payoutRejection('PAYOUT_NOT_FOUND', `No aid payout ${payout_id}.`, { payout_id: payout_id.toString() });
    const waitingRetry =
      payout.status === 'due' && payout.last_failure_reason !== null && payout.next_attempt_at !== null && payout.next_attempt_at > now;
    if (payout.status !== 'failed' && !waitingRetry) {
      const message = `Aid payout ${payout_id} is ${payout.status} and has no failed attempt waiting; only a failed payout is sent again by hand.`;
      payoutRejection('PAYOUT_NOT_FAILED', message, {
        payout_id: payout_id.toString(),
        status: payout.status,
      });
    }
    const attempt_limit = payout.status === 'failed' ? payout.attempts + 1n : payout.attempt_limit;
    return trx
      .updateTable('aid_payouts')
      .set({ status: 'due', attempt_limit, next_attempt_at: now })
      .where('id', '=', payout_id)
      .where('status', '=', payout.status)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
