import type { ServiceContext } from '../context.js';
import type { AidPayoutRow } from './schedule-payout.js';

export interface PayoutListEntry {
  readonly id: bigint;
  /** The claim's public case number; no personal data. */
  readonly case_number: string;
  readonly plan_id: string;
  readonly cycle_id: bigint;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly status: AidPayoutRow['status'];
  readonly attempts: bigint;
  readonly attempt_limit: bigint;
  readonly next_attempt_at: string | null;
  readonly last_failure_reason: string | null;
  readonly created_at: string;
  readonly paid_at: string | null;
}

/** Aid payouts for the operator and the auditor, newest first, after a given id for paging. */
export async function listPayouts(
  context: ServiceContext,
  filter: { plan_id?: string; status?: AidPayoutRow['status']; before_id?: bigint; limit?: number } = {},
): Promise<PayoutListEntry[]> {
  let query = context.store.db
    .selectFrom('aid_payouts as p')
    .innerJoin('claims as c', 'c.id', 'p.claim_id')
    .select([
      'p.id',
      'c.case_number',
      'p.plan_id',
      'p.cycle_id',
      'p.amount_minor',
      'p.currency',
      'p.status',
      'p.attempts',
      'p.attempt_limit',
      'p.next_attempt_at',
      'p.last_failure_reason',
      'p.created_at',
      'p.paid_at',
    ])
    .orderBy('p.id', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 500));
  if (filter.plan_id !== undefined) query = query.where('p.plan_id', '=', filter.plan_id);
  if (filter.status !== undefined) query = query.where('p.status', '=', filter.status);
  if (filter.before_id !== undefined) query = query.where('p.id', '<', filter.before_id);
  return query.execute();
}
