import { RejectionError, reject } from '../../core/rejection.js';

/** Stable rejection codes of the jury services; src/http/error-status.ts maps them to statuses. */
export const juryRejectionCodes = [
  'JURY_NOT_FOUND',
  'JURY_CLAIM_NOT_IN_JURY',
  'JURY_ALREADY_OPEN',
  'JURY_NO_ELIGIBLE_JURORS',
  'JURY_BAD_WINDOW',
  'JURY_NOT_OPEN',
  'JURY_WINDOW_CLOSED',
  'JURY_WINDOW_NOT_OVER',
  'JURY_ALREADY_CLOSED',
  'JURY_NOT_A_JUROR',
  'JURY_MEMBER_CODE_REQUIRED',
  'JURY_ALREADY_VOTED',
  'JURY_BAD_VOTE',
  'JURY_NO_OPERATOR_DECISION_NEEDED',
  'JURY_BAD_DECISION',
  'JURY_QUIZ_BAD_ANSWERS',
] as const;

export type JuryRejectionCode = (typeof juryRejectionCodes)[number];

export function juryRejection(code: JuryRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
