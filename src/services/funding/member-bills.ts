import { sql } from 'kysely';
import { RejectionError, reject } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { dispatchPayments } from '../payments/payment-dispatch.js';
import { collectionReference } from '../payments/payment-references.js';
import { insertPendingPayments, type PaymentRequest } from '../payments/payment-rows.js';
import { getFundingMembership } from './funding-memberships.js';

/**
 * A post-paid member's bills: each share charge with its cycle, collection day, deadline and the
 * outcome of its last collection attempt, and the member's own "try again" for a failed one.
 */

export interface Bill {
  readonly charge_id: bigint;
  readonly reference: string;
  /** The public id of the cycle that made the charge; null for a charge made another way. */
  readonly cycle_id: string | null;
  readonly collection_at: string | null;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly status: 'due' | 'paid' | 'written_off' | 'refunded';
  readonly attempts: number;
  /** The last moment a collection may succeed before the membership lapses. */
  readonly retry_until: string;
  /** When the next automatic attempt is made; null while an attempt is with the provider (or none is left). */
  readonly next_attempt_at: string | null;
  readonly paid_at: string | null;
  readonly created_at: string;
  readonly last_failure_reason: string | null;
  /** An attempt is with the provider right now. */
  readonly in_flight: boolean;
  /** The member may ask for the collection again now (retryCollection). */
  readonly retryable: boolean;
}

/** A membership has two charges a month; this only bounds the page. */
export const maxBills = 200;

type RetryState = { status: string; attempts: bigint | number; next_attempt_at: string | null; retry_until: string; in_flight: boolean };

/** Why a charge cannot be collected again now, or undefined when it can. */
function notRetryableReason(charge: RetryState, now: string): 'not_due' | 'in_flight' | 'not_failed' | 'past_deadline' | undefined {
  if (charge.status !== 'due') return 'not_due';
  if (charge.in_flight || charge.next_attempt_at === null) return 'in_flight';
  if (BigInt(charge.attempts) === 0n) return 'not_failed';
  if (charge.retry_until <= now) return 'past_deadline';
  return undefined;
}

export async function billsOf(context: ServiceContext, membership_id: bigint): Promise<Bill[]> {
  const now = context.clock.now().toISOString();
  const rows = await context.store.db
    .selectFrom('share_charges as sc')
    .innerJoin('plans as p', 'p.id', 'sc.plan_id')
    .leftJoin('cycles as c', (join) => join.onRef('c.plan_id', '=', 'sc.plan_id').on('sc.reference', '=', sql<string>`'cycle:' || c.cycle_code`))
    .select([
      'sc.id',
      'sc.reference',
      'sc.amount_minor',
      'p.currency',
      'sc.status',
      'sc.attempts',
      'sc.retry_until',
      'sc.next_attempt_at',
      'sc.paid_at',
      'sc.created_at',
      'c.cycle_code',
      'c.collection_at',
      (eb) =>
        eb
          .selectFrom('payments as pf')
          .select('pf.failure_reason')
          .whereRef('pf.share_charge_id', '=', 'sc.id')
          .where('pf.kind', '=', 'collection')
          .where('pf.status', '=', 'failed')
          .orderBy('pf.id', 'desc')
          .limit(1)
          .as('last_failure_reason'),
      (eb) =>
        eb
          .selectFrom('payments as pp')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('pp.share_charge_id', '=', 'sc.id')
          .where('pp.kind', '=', 'collection')
          .where('pp.status', '=', 'pending')
          .as('pending_count'),
    ])
    .where('sc.membership_id', '=', membership_id)
    .orderBy('sc.id', 'desc')
    .limit(maxBills)
    .execute();
  return rows.map((row) => {
    const in_flight = Number(row.pending_count ?? 0) > 0;
    return {
      charge_id: row.id,
      reference: row.reference,
      cycle_id: row.cycle_code ?? null,
      collection_at: row.collection_at ?? null,
      amount_minor: BigInt(row.amount_minor),
      currency: row.currency,
      status: row.status,
      attempts: Number(row.attempts),
      retry_until: row.retry_until,
      next_attempt_at: row.next_attempt_at,
      paid_at: row.paid_at,
      created_at: row.created_at,
      last_failure_reason: row.last_failure_reason ?? null,
      in_flight,
      retryable: notRetryableReason({ ...row, in_flight }, now) === undefined,
    };
  });
}

/**
 * Asks the provider again, now, for a post-paid share whose last collection failed. The charge is
 * claimed (next_attempt_at = null) in the same transaction as the attempt's payment row, exactly
 * as the background collection does, and the payment's reference is the charge's next attempt
 * number: a second request for the same charge finds it in flight and is refused, and neither
 * this nor the background job can ask twice for one attempt.
 */
export async function retryCollection(context: ServiceContext, membership_id: bigint, charge_id: bigint): Promise<PaymentRequest> {
  const membership = await getFundingMembership(context.store.db, membership_id);
  if (membership.funding_model !== 'post_paid') {
    throw new RejectionError(reject('FUNDING_NOT_POST_PAID', 'This membership is prepaid: its shares come from the wallet; top it up instead.', { membership_id: membership_id.toString() }).rejection);
  }
  const now = context.clock.now().toISOString();
  const payment = await context.store.db.transaction().execute(async (trx) => {
    const charge = await trx
      .selectFrom('share_charges as sc')
      .innerJoin('plans as p', 'p.id', 'sc.plan_id')
      .select(['sc.id', 'sc.status', 'sc.attempts', 'sc.next_attempt_at', 'sc.retry_until', 'sc.amount_minor', 'p.currency'])
      .where('sc.id', '=', charge_id)
      .where('sc.membership_id', '=', membership_id)
      .executeTakeFirst();
    if (charge === undefined) {
      throw new RejectionError(reject('FUNDING_CHARGE_NOT_FOUND', `No share charge ${charge_id} on this membership.`, { charge_id: charge_id.toString() }).rejection);
    }
    const reason = notRetryableReason({ ...charge, in_flight: false }, now);
    if (reason !== undefined) {
      throw new RejectionError(
        reject('FUNDING_CHARGE_NOT_RETRYABLE', 'Only a due share whose last collection failed, before its deadline and with no attempt under way, can be collected again.', {
          charge_id: charge_id.toString(),
          reason,
        }).rejection,
      );
    }
    const claimed = await trx
      .updateTable('share_charges')
      .set({ next_attempt_at: null })
      .where('id', '=', charge.id)
      .where('status', '=', 'due')
      .where('next_attempt_at', 'is not', null)
      .returning('id')
      .executeTakeFirst();
    if (claimed === undefined) {
      throw new RejectionError(reject('FUNDING_CHARGE_NOT_RETRYABLE', 'A collection of this share is already under way.', { charge_id: charge_id.toString(), reason: 'in_flight' }).rejection);
    }
    const reference = collectionReference(charge.id, BigInt(charge.attempts) + 1n);
    const [payment_id] = await insertPendingPayments(trx, [
      { reference, kind: 'collection', membership_id, share_charge_id: charge.id, amount_minor: charge.amount_minor, currency: charge.currency, created_at: now },
    ]);
    return { payment_id: payment_id!, reference, amount_minor: BigInt(charge.amount_minor), currency: charge.currency };
  });
  const dispatch = await dispatchPayments(context, [payment.payment_id]);
  return { ...payment, status: 'pending', sent: dispatch.sent === 1 };
}
