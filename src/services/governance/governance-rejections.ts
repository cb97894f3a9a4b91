import { RejectionError, reject } from '../../core/rejection.js';

/** Stable rejection codes of the governance services; src/http/error-status.ts maps them to statuses. */
export const governanceRejectionCodes = [
  'GOV_NOT_FOUND',
  'GOV_NO_CHANGE',
  'GOV_BAD_NOTE',
  'GOV_BAD_TRANSITION',
  'GOV_PLAN_CHANGED',
  'GOV_NO_ELIGIBLE_MEMBERS',
  'GOV_BAD_VOTE',
  'GOV_NOT_ELIGIBLE',
  'GOV_MEMBERSHIP_REQUIRED',
  'GOV_ALREADY_VOTED',
  'GOV_VOTE_CLOSED',
  'GOV_LEAVE_NOT_OPEN',
  'GOV_LEAVE_WINDOW_CLOSED',
  'GOV_LEAVE_PAYMENTS_PENDING',
  'GOV_NOT_A_MEMBER',
] as const;

export type GovernanceRejectionCode = (typeof governanceRejectionCodes)[number];

export function governanceRejection(code: GovernanceRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
