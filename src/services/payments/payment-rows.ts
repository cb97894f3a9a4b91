import { RejectionError, reject } from '../../core/rejection.js';
import type { Insertable, Selectable } from 'kysely';
import type { Trx } from '../../ledger/ledger.js';
import type { PaymentsTable } from '../../store/schema.js';

export type PaymentRow = Selectable<PaymentsTable>;
export type PaymentKind = PaymentRow['kind'];

/** Writes payments as pending, not yet sent; dispatchPayments sends them once the transaction has committed. */
export async function insertPendingPayments(
  trx: Trx,
  rows: ReadonlyArray<Omit<Insertable<PaymentsTable>, 'status' | 'gateway_payment_id' | 'failure_reason' | 'settled_at'>>,
): Promise<bigint[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('payments')
    .values(rows.map((row) => ({ ...row, status: 'pending' as const, gateway_payment_id: null, failure_reason: null, settled_at: null })))
    .returning('id')
    .execute();
  return inserted.map((row) => row.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a member or job gets back when it asks for a payment. */
export interface PaymentRequestOptions {
  /** SHA-256 (hex) of the user and the request's Idempotency-Key: the payment's reference is derived from it. */
  readonly request_key_hex?: string;
}

/**
 * Refuses a keyed request whose payment exists already: the key made it, and a key makes one
 * payment only. Called under the ledger lock, so two such requests cannot both pass.
 */
export async function refuseSecondKeyedPaymentIn(trx: Trx, reference: string): Promise<void> {
  const existing = await trx.selectFrom('payments').select('id').where('reference', '=', reference).executeTakeFirst();
  if (existing === undefined) return;
  const message = 'This Idempotency-Key has already made a payment; use a new key for a new request.';
  throw new RejectionError(reject('IDEMPOTENCY_KEY_REUSED', message, { reference }).rejection);
}

export interface PaymentRequest {
  readonly payment_id: bigint;
  readonly reference: string;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly status: 'pending';
  /** False when the provider could not be reached; resendUnsentPayments tries again. */
  readonly sent: boolean;
}
