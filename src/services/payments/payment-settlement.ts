import type { Trx } from '../../ledger/ledger.js';
import type { ServiceContext } from '../context.js';
import type { PaymentRow } from './payment-rows.js';

/**
 * What the webhook intake hands a payment kind's settlement, inside the transaction that marked
 * the payment succeeded or failed: the settlement posts the money and updates its own rows there.
 */
export interface Settlement {
  readonly trx: Trx;
  readonly context: ServiceContext;
  /** The payment as it was before this outcome (status pending). */
  readonly payment: PaymentRow;
  readonly succeeded: boolean;
  readonly at: string;
}

export interface SettlementOutcome {
  /** Payments the settlement wrote (a refund of a collection nobody owed); sent after commit. */
  readonly follow_up_payment_ids: readonly bigint[];
}

export const noFollowUp: SettlementOutcome = { follow_up_payment_ids: [] };
