import type { ServiceContext } from '../context.js';
import type { AidPayoutRow } from './schedule-payout.js';

export interface PayoutListEntry {
  readonly id: bigint;
  /** The claim's public case number; no personal data. */
  readonly case_number: string;
  readonly plan_id: string;
  readonly cycle_id: bigint;
  /** The public code of the cycle that scheduled it. */
  readonly cycle_code: string;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly status: AidPayoutRow['status'];
  readonly attempts: bigint;
  readonly attempt_limit: bigint;
  readonly next_attempt_at: string | null;
  readonly last_failure_reason: string | null;
  readonly created_at: string;
  readonly paid_at: string | null;
  /** Every try to pay it, first to last: when it was sent and what the provider answered. */
  readonly attempt_history: readonly PayoutAttempt[];
}

export interface PayoutAttempt {
  readonly attempt: bigint;
  readonly status: 'pending' | 'succeeded' | 'failed';
  readonly failure_reason: string | null;
  readonly created_at: string;
  readonly settled_at: string | null;
}

/** Aid payouts for the operator and the auditor, newest first, after a given id for paging. */
export async function listPayouts(
  context: ServiceContext,
  filter: { plan_id?: string; status?: AidPayoutRow['status']; before_id?: bigint; limit?: number } = {},
): Promise<PayoutListEntry[]> {
  let query = context.store.db
    .selectFrom('aid_payouts as p')
    .innerJoin('claims as c', 'c.id', 'p.claim_id')
    .innerJoin('cycles as y', 'y.id', 'p.cycle_id')
    .select([
      'p.id',
      'c.case_number',
      'p.plan_id',
      'p.cycle_id',
      'y.cycle_code',
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
  const payouts = await query.execute();
  if (payouts.length === 0) return [];
  // The page's attempts in one query: a payout has at most its attempt limit of them (a few).
  const attempts = await context.store.db
    .selectFrom('aid_payout_attempts')
    .select(['payout_id', 'attempt', 'status', 'failure_reason', 'created_at', 'settled_at'])
    .where('payout_id', 'in', payouts.map((payout) => payout.id))
    .orderBy('payout_id')
    .orderBy('attempt')
    .execute();
  const byPayout = new Map<bigint, PayoutAttempt[]>();
  for (const { payout_id, ...attempt } of attempts) byPayout.set(payout_id, [...(byPayout.get(payout_id) ?? []), attempt]);
  return payouts.map((payout) => ({ ...payout, attempt_history: byPayout.get(payout.id) ?? [] }));
}
