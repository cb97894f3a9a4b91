import { RejectionError, reject } from '../../core/rejection.js';

/** Stable rejection codes of aid payouts and operator advances; the HTTP layer maps them to statuses. */
export const payoutRejectionCodes = [
  'PAYOUT_NOT_FOUND',
  'PAYOUT_BAD_AMOUNT',
  'PAYOUT_ABOVE_AID',
  'PAYOUT_WRONG_PLAN',
  'PAYOUT_CONFLICT',
  'PAYOUT_NOT_FAILED',
  'PAYOUT_UNKNOWN_PLAN',
  'PAYOUT_MIXED_FUNDING',
  'ADVANCE_BAD_AMOUNT',
  'ADVANCE_BAD_KEY',
  'ADVANCE_UNKNOWN_PLAN',
  'ADVANCE_IDEMPOTENCY_CONFLICT',
] as const;

export type PayoutRejectionCode = (typeof payoutRejectionCodes)[number];

export function payoutRejection(code: PayoutRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
