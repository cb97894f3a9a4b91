import { totalMinor } from '../../core/funding/wallet-deductions.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { chunks } from '../../store/chunks.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';
import { getPlan } from '../plans.js';
import { fundingRejection } from './funding-rejections.js';
import { normalizeTime } from './funding-time.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { batchKey, checkChargeInputs, checkChargeTargets, insertDueCharges, type ShareChargeInput } from './share-charge-input.js';

export interface ReceivablesSummary {
  readonly charged: number;
  readonly already_charged: number;
  readonly charged_minor: bigint;
}

const batchSize = 1000;

/**
 * A post-paid cycle's shares become receivables: one share_charges row per member (status due,
 * first collection attempt now, retried until retry_until — 2 days before the next share date, as
 * the caller computes from the plan's schedule). Unique per membership and reference, so the same
 * cycle run twice charges nobody twice.
 */
export async function createReceivables(
  context: ServiceContext,
  plan_id: string,
  reference: string,
  charges: readonly ShareChargeInput[],
  retry_until: string,
): Promise<ReceivablesSummary> {
  checkChargeInputs(reference, charges);
  const now = context.clock.now().toISOString();
  const until = normalizeTime(retry_until);
  if (until === undefined || until <= now) fundingRejection('FUNDING_BAD_RETRY_UNTIL', 'retry_until must be an ISO 8601 time in the future.', { retry_until, now });
  const plan = await getPlan(context, plan_id);
  await checkChargeTargets(context.store.db, plan_id, reference, charges, 'post_paid');

  let summary: ReceivablesSummary = { charged: 0, already_charged: 0, charged_minor: 0n };
  for (const batch of chunks(charges, batchSize)) {
    const result = await context.store.db.transaction().execute((trx) => receivablesBatch(trx, plan.id, plan.currency, reference, batch, until, now));
    summary = {
      charged: summary.charged + result.charged,
      already_charged: summary.already_charged + result.already_charged,
      charged_minor: summary.charged_minor + result.charged_minor,
    };
  }
  return summary;
}

async function receivablesBatch(
  trx: Trx,
  plan_id: string,
  currency: string,
  reference: string,
  batch: readonly ShareChargeInput[],
  retry_until: string,
  now: string,
): Promise<ReceivablesSummary> {
  await lockLedgerIn(trx);
  const inserted = await insertDueCharges(
    trx,
    batch.map((charge) => ({ membership_id: charge.membership_id, plan_id, reference, amount_minor: charge.amount_minor, retry_until, next_attempt_at: now, created_at: now })),
  );
  if (inserted.length > 0) {
    const charged_minor = totalMinor(inserted);
    // One aggregate posting per batch: the per-member detail is in share_charges (and each
    // collection posts its own transfer), so the journal need not repeat it a million times.
    await postTransfersIn(
      trx,
      [
        {
          idempotency_key: batchKey(`receivables:${plan_id}`, inserted.map((charge) => charge.id)),
          kind: 'share_receivable',
          description: `Shares ${reference} owed by ${inserted.length} post-paid members`,
          currency,
          metadata: { plan_id, reference, charges: String(inserted.length) },
          legs: [
            { account_code: accountCodes.sharesReceivable(plan_id), side: 'debit', amount_minor: charged_minor },
            { account_code: accountCodes.aidPayable(plan_id), side: 'credit', amount_minor: charged_minor },
          ],
        },
      ],
      now,
    );
  }
  return { charged: inserted.length, already_charged: batch.length - inserted.length, charged_minor: totalMinor(inserted) };
}
