import { RejectionError, reject } from '../../core/rejection.js';

/** Stable rejection codes of the payment webhook intake. */
export const paymentRejectionCodes = ['PAYMENT_BAD_SIGNATURE', 'PAYMENT_BAD_WEBHOOK', 'PAYMENT_UNKNOWN_REFERENCE', 'PAYMENT_AMOUNT_MISMATCH'] as const;

export type PaymentRejectionCode = (typeof paymentRejectionCodes)[number];

export function paymentRejection(code: PaymentRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
