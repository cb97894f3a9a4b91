import { RejectionError, reject } from '../../core/rejection.js';

/** Stable rejection codes of funding; the HTTP layer maps them to statuses (422 unless listed there). */
export const fundingRejectionCodes = [
  'FUNDING_BAD_AMOUNT',
  'FUNDING_BAD_REFERENCE',
  'FUNDING_BAD_RETRY_UNTIL',
  'FUNDING_TOP_UP_BELOW_MINIMUM',
  'FUNDING_TOP_UP_TOO_LARGE',
  'FUNDING_WALLET_LIMIT',
  'FUNDING_NOT_PREPAID',
  'FUNDING_NOT_POST_PAID',
  'FUNDING_MEMBERSHIP_NOT_LIVE',
  'FUNDING_PLAN_CLOSED',
  'FUNDING_REFUND_ABOVE_BALANCE',
  'FUNDING_CLOSURE_REFUND_DUE',
  'FUNDING_WRONG_PLAN',
  'FUNDING_DUPLICATE_MEMBER',
  'FUNDING_CHARGE_CONFLICT',
  'MEMBERSHIP_NOT_FOUND',
  'PLAN_NOT_FOUND',
] as const;

export type FundingRejectionCode = (typeof fundingRejectionCodes)[number];

export function fundingRejection(code: FundingRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
