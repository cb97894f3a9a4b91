import { RejectionError, reject } from '../../core/rejection.js';

/** Stable codes of the cycle services; the HTTP layer and the CLI map them. */
export const cycleRejectionCodes = [
  'CYCLE_UNKNOWN_PLAN',
  'CYCLE_NOT_FOUND',
  'CYCLE_NOT_DUE',
  'CYCLE_AT_IN_FUTURE',
  'CYCLE_BAD_TIME',
  'CYCLE_ALREADY_RUNNING',
  'CYCLE_NOT_PUBLISHED',
  'CYCLE_MEMBER_NOT_IN_CYCLE',
  'CYCLE_NO_MEMBERS',
  'CYCLE_TOTAL_TOO_LARGE',
  'CYCLE_JOB_NOT_FOUND',
] as const;

export type CycleRejectionCode = (typeof cycleRejectionCodes)[number];

export function cycleRejection(code: CycleRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
