import type { ClaimRejectionCode } from '../../core/claims/claim-eligibility.js';
import { RejectionError, reject } from '../../core/rejection.js';

/**
 * Stable rejection codes of the claims services, beside the core assessment codes
 * (ClaimRejectionCode) and CLAIM_BAD_TRANSITION; the HTTP layer maps them to statuses.
 */
export const claimServiceRejectionCodes = [
  'CLAIM_NOT_FOUND',
  'CLAIM_MEMBERSHIP_NOT_FOUND',
  'CLAIM_BAD_DIAGNOSIS_DATE',
  'CLAIM_BAD_HOSPITAL',
  'CLAIM_BAD_ILLNESS_CODE',
  'CLAIM_NO_EVIDENCE',
  'CLAIM_FILE_TOO_LARGE',
  'CLAIM_FILE_TYPE_NOT_ALLOWED',
  'CLAIM_TOO_MANY_FILES',
  'CLAIM_BAD_FILE_NAME',
  'CLAIM_BAD_TEXT',
  'CLAIM_INVESTIGATOR_NOT_FOUND',
  'CLAIM_NOT_ASSIGNED',
  'CLAIM_BAD_RECOMMENDATION',
  'CLAIM_BAD_REASON_CODE',
  'CLAIM_NOT_IN_NOTICE',
  'CLAIM_OBJECTOR_NOT_ELIGIBLE',
  'CLAIM_OBJECTION_EXISTS',
  'CLAIM_OBJECTION_NOT_FOUND',
  'CLAIM_OBJECTION_CLOSED',
  'CLAIM_BAD_RESOLUTION',
  'CLAIM_NOTICE_NOT_OVER',
  'CLAIM_OPEN_OBJECTIONS',
  'CLAIM_NOT_PUBLIC',
  'CLAIM_CHANGED',
  'CLAIM_NOTE_BAD_TEXT',
  'CLAIM_NOT_APPEALED',
  'CLAIM_BAD_APPEAL_DECISION',
] as const;

export type ClaimServiceRejectionCode = (typeof claimServiceRejectionCodes)[number] | ClaimRejectionCode | 'CLAIM_BAD_TRANSITION';

export function claimRejection(code: ClaimServiceRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/**
 * Why a reviewer rejects a claim: a fixed list, so members read the same words for the same
 * reason and reports can count them. The reviewer adds a free text for the particular case.
 */
export const claimRejectionReasons = {
  INSUFFICIENT_EVIDENCE: { zh: '证明材料不足，无法确认诊断', en: 'The evidence is not enough to confirm the diagnosis.' },
  DIAGNOSIS_NOT_MET: { zh: '诊断不符合计划对该疾病的定义', en: 'The diagnosis does not meet the plan’s definition of the illness.' },
  ILLNESS_NOT_COVERED: { zh: '该疾病不在计划保障范围内', en: 'The plan does not cover this illness.' },
  PRE_EXISTING_CONDITION: { zh: '加入前已患病或已有症状', en: 'The condition existed or showed before joining.' },
  NOT_COVERED_AT_DIAGNOSIS: { zh: '确诊时不在保障期内', en: 'The member was not covered when diagnosed.' },
  OBJECTION_UPHELD: { zh: '公示期异议经核实成立', en: 'An objection raised during the public notice was found to be right.' },
  FRAUD: { zh: '发现隐瞒病情或欺诈', en: 'A concealed condition or fraud was found.' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ClaimRejectionReasonCode = keyof typeof claimRejectionReasons;

export function isClaimRejectionReason(code: string): code is ClaimRejectionReasonCode {
  return Object.hasOwn(claimRejectionReasons, code);
}

/** A required free text of bounded length (findings, reasons, resolutions). */
export function checkText(value: string, what: string, max_length = 4000): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max_length) claimRejection('CLAIM_BAD_TEXT', `The ${what} must be 1–${max_length} characters.`, { field: what });
  return trimmed;
}
