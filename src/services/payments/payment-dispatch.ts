import { sendGatewayRequests } from './gateway-requests.js';
import { chunks } from '../../store/chunks.js';
import type { ServiceContext } from '../context.js';
import { addSeconds } from '../funding/funding-time.js';

/**
 * Sends payments already written as pending rows to the provider, after the transaction that wrote
 * them has committed (so no money is asked for that our books do not know about). A row whose
 * request failed stays pending without a provider id and is sent again by resendUnsentPayments,
 * under the same reference, which the provider treats as the same request. It is never marked
 * failed here: the request may have reached the provider, and only its webhook says what happened.
 */
export async function dispatchPayments(context: ServiceContext, payment_ids: readonly bigint[]): Promise<{ sent: number; unsent: number }> {
  let sent = 0;
  let unsent = 0;
  for (const batch of chunks([...payment_ids], 200)) {
    const rows = await context.store.db
      .selectFrom('payments')
      .select(['id', 'reference', 'kind', 'amount_minor', 'currency'])
      .where('id', 'in', batch)
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
    const result = await sendGatewayRequests(
      context,
      'payments',
      rows.map((row) => ({
        operation: row.kind === 'collection' || row.kind === 'top_up' ? ('collect' as const) : ('payout' as const),
        reference: row.reference,
        amount_minor: row.amount_minor,
        currency: row.currency,
        description: descriptionOf(row.kind),
      })),
    );
    sent += result.sent;
    unsent += result.unsent;
  }
  return { sent, unsent };
}

/** Sends again the pending payments whose request never got through, oldest first, at most `limit`. */
export async function resendUnsentPayments(context: ServiceContext, limit = 200, older_than_seconds = 60): Promise<{ sent: number; unsent: number }> {
  const before = addSeconds(context.clock.now().toISOString(), -older_than_seconds);
  const rows = await context.store.db
    .selectFrom('payments')
    .select('id')
    .where('status', '=', 'pending')
    .where('gateway_payment_id', 'is', null)
    .where('created_at', '<=', before)
    .orderBy('id')
    .limit(limit)
    .execute();
  return dispatchPayments(context, rows.map((row) => row.id));
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
