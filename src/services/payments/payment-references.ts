import type { RandomSource } from '../context.js';

/**
 * Our references for payments, echoed by the provider in its webhooks. Collections and payouts
 * made by jobs are derived from the record they settle (one per charge attempt, one per refund),
 * so running a job twice cannot ask for the money twice; requests made by members get random ones.
 */
export function randomPaymentReference(random: RandomSource, kind: 'top_up' | 'wallet_refund', membership_id: bigint): string {
  return `${kind}:${membership_id}:${Buffer.from(random.bytes(8)).toString('hex')}`;
}

/**
 * The reference of a member's request sent with an Idempotency-Key: derived from the key (already
 * hashed with the user, so it reveals neither), it is unique in payments, so the same request can
 * never make a second payment, even long after the HTTP layer has forgotten the key.
 */
export function keyedPaymentReference(kind: 'top_up' | 'wallet_refund', membership_id: bigint, request_key_hex: string): string {
  return `${kind}:${membership_id}:key:${request_key_hex}`;
}

export function collectionReference(share_charge_id: bigint, attempt: bigint): string {
  return `collection:${share_charge_id}:${attempt}`;
}

export function shareRefundReference(membership_id: bigint): string {
  return `share_refund:${membership_id}`;
}

export function lateCollectionRefundReference(collection_reference: string): string {
  return `refund_of:${collection_reference}`;
}

export function retryReference(failed_payment_id: bigint, failed_reference: string): string {
  // The first attempt's reference stays readable; the failed attempt's id makes each retry unique.
  const original = failed_reference.split(':retry:')[0] ?? failed_reference;
  return `${original.slice(0, 120)}:retry:${failed_payment_id}`;
}
