import type { ComplaintRejectionCode } from '../../core/complaints/complaint-lifecycle.js';
import { RejectionError, reject } from '../../core/rejection.js';

/**
 * Stable codes of the complaints services, beside the core's (ComplaintRejectionCode). Someone
 * else's subject and a subject that does not exist are the same COMPLAINT_NOT_YOURS, a 404, as
 * claims hide others' claims: a member learns nothing about rows that are not theirs.
 */
export type ComplaintServiceRejectionCode =
  | ComplaintRejectionCode
  | 'COMPLAINT_NOT_YOURS'
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_OWNER_NOT_STAFF'
  | 'COMPLAINT_BAD_PERIOD';

export function complaintRejection(code: ComplaintServiceRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}
