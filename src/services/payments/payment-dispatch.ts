import { sendPendingInBatches, unsentRequestIds } from './gateway-requests.js';
import type { ServiceContext } from '../context.js';

/**
 * Sends payments already written as pending rows to the provider, after the transaction that wrote
 * them has committed (so no money is asked for that our books do not know about). A row whose
 * request failed stays pending without a provider id and is sent again by resendUnsentPayments,
 * under the same reference, which the provider treats as the same request. It is never marked
 * failed here: the request may have reached the provider, and only its webhook says what happened.
 */
export async function dispatchPayments(context: ServiceContext, payment_ids: readonly bigint[]): Promise<{ sent: number; unsent: number }> {
  return sendPendingInBatches(context, 'payments', payment_ids, async (batch) => {
    const rows = await context.store.db
      .selectFrom('payments')
      .select(['id', 'reference', 'kind', 'amount_minor', 'currency'])
      .where('id', 'in', batch)
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      operation: row.kind === 'collection' || row.kind === 'top_up' ? ('collect' as const) : ('payout' as const),
      reference: row.reference,
      amount_minor: row.amount_minor,
      currency: row.currency,
      description: descriptionOf(row.kind),
    }));
  });
}

/** Sends again the pending payments whose request never got through, oldest first, at most `limit`. */
export async function resendUnsentPayments(context: ServiceContext, limit = 200, older_than_seconds = 60): Promise<{ sent: number; unsent: number }> {
  return dispatchPayments(context, await unsentRequestIds(context, 'payments', limit, older_than_seconds));
}

function descriptionOf(kind: 'collection' | 'top_up' | 'wallet_refund' | 'share_refund'): string {
  switch (kind) {
    case 'collection':
      return 'Mutual aid share';
    case 'top_up':
      return 'Wallet top-up';
    case 'wallet_refund':
      return 'Wallet refund';
    case 'share_refund':
      return 'Refund of shares';
  }
}
