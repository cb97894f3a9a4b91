import { ok, reject, type Result } from '../rejection.js';
import { checkResponseDays } from '../complaints/complaint-lifecycle.js';

/**
 * The operator's licence and custodian details (issue 14, item 5): shown on the public pages and
 * in every report. The custodian account is the operator's, not a person's, but the public sees its
 * last 4 digits only (enough to check a statement against, not enough to pay into a look-alike).
 */
export interface OperatorInfo {
  readonly operator_name: string;
  readonly licence_number: string;
  readonly supervisor: string;
  readonly custodian_bank: string;
  readonly custodian_account: string;
  /** The operator's complaint line and mailbox, never a person's own. */
  readonly complaint_phone: string;
  readonly complaint_email: string;
  readonly complaint_response_days: number;
}

export interface PublicOperatorInfo extends Omit<OperatorInfo, 'custodian_account'> {
  readonly custodian_account_masked: string;
}

export type OperatorInfoRejectionCode = 'OPERATOR_INFO_BAD_FIELD' | 'COMPLAINT_BAD_RESPONSE_DAYS';

const fieldMaxChars = 200;
const accountPattern = /^[0-9 -]{4,40}$/;
const phonePattern = /^\+?[0-9 -]{3,30}$/;
const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

function bad(field: string, message: string): Result<never, OperatorInfoRejectionCode> {
  return reject('OPERATOR_INFO_BAD_FIELD', `${field}: ${message}`, { field });
}

export function checkOperatorInfo(input: OperatorInfo): Result<OperatorInfo, OperatorInfoRejectionCode> {
  const trimmed = {
    operator_name: input.operator_name.trim(),
    licence_number: input.licence_number.trim(),
    supervisor: input.supervisor.trim(),
    custodian_bank: input.custodian_bank.trim(),
    custodian_account: input.custodian_account.trim(),
    complaint_phone: input.complaint_phone.trim(),
    complaint_email: input.complaint_email.trim(),
  };
  for (const [field, value] of Object.entries(trimmed)) {
    if (value.length === 0 || [...value].length > fieldMaxChars) return bad(field, `1 to ${fieldMaxChars} characters.`);
  }
  if (!accountPattern.test(trimmed.custodian_account) || trimmed.custodian_account.replace(/\D/g, '').length < 4) {
    return bad('custodian_account', 'digits (spaces and dashes allowed), at least 4 digits.');
  }
  if (!phonePattern.test(trimmed.complaint_phone)) return bad('complaint_phone', 'a phone number: digits, spaces, dashes, an optional leading +.');
  if (!emailPattern.test(trimmed.complaint_email)) return bad('complaint_email', 'an e-mail address.');
  const days = checkResponseDays(input.complaint_response_days);
  if (!days.ok) return days;
  return ok({ ...trimmed, complaint_response_days: days.value });
}

/** The last 4 digits, the rest as asterisks in groups of 4: "**** **** 1234". */
export function maskAccount(account: string): string {
  const digits = account.replace(/\D/g, '');
  return `**** **** ${digits.slice(-4)}`;
}

export function publicOperatorInfo(info: OperatorInfo): PublicOperatorInfo {
  const { custodian_account, ...rest } = info;
  return { ...rest, custodian_account_masked: maskAccount(custodian_account) };
}
