import type { Trx } from '../../ledger/ledger.js';
import { chunks } from '../../store/chunks.js';

/**
 * The funding flags on a membership: unpaid_since (the first day it fell behind; cleared when no
 * charge is due any more) and low_balance_notified_at (the low-balance reminder was sent; cleared
 * by a top-up back above the threshold, so the next fall reminds again, once).
 */
export async function markLowBalanceNotified(trx: Trx, membership_ids: readonly bigint[], now: string): Promise<void> {
  for (const ids of chunks([...new Set(membership_ids)], 500)) {
    await trx.updateTable('memberships').set({ low_balance_notified_at: now }).where('id', 'in', ids).where('low_balance_notified_at', 'is', null).execute();
  }
}

/** Keeps the first day a membership fell behind, however many charges are unpaid since. */
export async function markUnpaid(trx: Trx, membership_ids: readonly bigint[], now: string): Promise<void> {
  for (const ids of chunks([...new Set(membership_ids)], 500)) {
    await trx.updateTable('memberships').set({ unpaid_since: now }).where('id', 'in', ids).where('unpaid_since', 'is', null).execute();
  }
}

/** Clears unpaid_since for those of these memberships that have no due charge left. */
export async function clearUnpaidIfSettled(trx: Trx, membership_ids: readonly bigint[]): Promise<void> {
  for (const ids of chunks([...new Set(membership_ids)], 500)) {
    await trx
      .updateTable('memberships')
      .set({ unpaid_since: null })
      .where('id', 'in', ids)
      .where('unpaid_since', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('share_charges').select('share_charges.id').whereRef('share_charges.membership_id', '=', 'memberships.id').where('share_charges.status', '=', 'due'))),
      )
      .execute();
  }
}

/** Re-arms the low-balance reminder of these memberships. */
export async function clearLowBalanceNotified(trx: Trx, membership_ids: readonly bigint[]): Promise<void> {
  for (const ids of chunks([...new Set(membership_ids)], 500)) {
    await trx.updateTable('memberships').set({ low_balance_notified_at: null }).where('id', 'in', ids).where('low_balance_notified_at', 'is not', null).execute();
  }
}
