/**
 * Maps stable rejection codes to HTTP statuses. A code not listed here is a 422: the request was
 * understood but the domain refused it. Nothing a user sends may produce a 500.
 */
const statusByCode: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_USER_DISABLED: 403,
  AUTH_FORBIDDEN: 403,
  AUTH_USERNAME_TAKEN: 409,
  // User administration: an admin disabling or de-admining themselves is refused as forbidden.
  USER_NOT_FOUND: 404,
  USER_SELF_PROTECTED: 403,
  // A full personal-data read needs a reason (it is written to personal_data_reads).
  PERSON_READ_REASON_REQUIRED: 400,
  PERSON_READ_REASON_TOO_LONG: 400,
  MEMBER_CODE_NOT_FOUND: 404,
  MEMBER_CODE_REQUIRED: 400,
  // Sign-up and password reset (src/services/accounts): a malformed contact or name is a 400, as is
  // a code that is wrong, expired or tried too often; asking for codes too often is a 429.
  AUTH_BAD_CONTACT: 400,
  AUTH_BAD_DISPLAY_NAME: 400,
  AUTH_CODE_INVALID: 400,
  AUTH_CODE_EXPIRED: 400,
  AUTH_CODE_EXHAUSTED: 400,
  AUTH_RESEND_TOO_SOON: 429,
  NOT_FOUND: 404,
  // CSV downloads (src/services/exports): an unknown table is a 404; a filter it does not take, a 400.
  EXPORT_UNKNOWN_TABLE: 404,
  EXPORT_FILTER_NOT_SUPPORTED: 400,
  EXPORT_BAD_RANGE: 400,
  RATE_LIMITED: 429,
  // Bank statement imports (src/core/reconciliation): a malformed file is a 400 naming its line.
  RECON_UNKNOWN_LAYOUT: 400,
  RECON_EMPTY_STATEMENT: 400,
  RECON_BAD_CSV: 400,
  RECON_BAD_COLUMNS: 400,
  RECON_BAD_DATE: 400,
  RECON_BAD_AMOUNT: 400,
  RECON_WRONG_CURRENCY: 400,
  RECON_DUPLICATE_LINE: 400,
  RECON_TOO_MANY_LINES: 413,
  RECON_BREAK_NOT_FOUND: 404,
  RECON_BREAK_RESOLVED: 409,
  RECON_BAD_NOTE: 400,
  RECON_CORRECTION_NOT_FOUND: 422,
  RECON_TRANSFER_SETTLED: 409,
  RECON_NO_CUSTODY_ACCOUNT: 404,
  RECON_STATEMENT_NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Idempotency-Key of the money endpoints (src/http/idempotency.ts).
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_INVALID: 400,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 409,
  LEDGER_UNKNOWN_ACCOUNT: 404,
  LEDGER_UNKNOWN_TRANSACTION: 404,
  LEDGER_ACCOUNT_EXISTS: 409,
  LEDGER_IDEMPOTENCY_CONFLICT: 409,
  LEDGER_ALREADY_REVERSED: 409,
  // A posting that would take a balance outside int64: understood, refused, nothing written.
  LEDGER_AMOUNT_OUT_OF_RANGE: 422,
  // Manual postings: the maker approving their own request is forbidden; a second decision a conflict.
  // Touching a flow's account, or reversing a flow's posting, is a 422 like other domain refusals.
  LEDGER_SAME_APPROVER: 403,
  LEDGER_MANUAL_POSTING_ALREADY_DECIDED: 409,
  // Idempotency-Key header of requests that move money.
  // Plans: malformed input is a 400 (PLAN_BAD_* below); a version dated in the past is a 422.
  PLAN_NOT_FOUND: 404,
  PLAN_EXISTS: 409,
  PLAN_VERSION_IN_PAST: 422,
  PLAN_CLOSED: 422,
  PLAN_NO_FAMILY_ENROLMENT: 422,
  // Members: malformed person data is a 400 (MEMBER_BAD_* below); eligibility refusals are 422s.
  MEMBER_ID_MISMATCH: 400,
  MEMBER_DECLARATION_INCOMPLETE: 400,
  MEMBER_AGE_OUT_OF_RANGE: 422,
  MEMBER_EXCLUDED_CONDITION: 422,
  MEMBER_DUPLICATE_IDENTITY: 409,
  MEMBER_ALREADY_JOINED: 409,
  MEMBER_CONCURRENT_CHANGE: 409,
  MEMBER_NOT_FOUND: 404,
  MEMBERSHIP_NOT_FOUND: 404,
  MEMBERSHIP_BAD_TRANSITION: 409,
  NOTIFICATION_NOT_FOUND: 404,
  // Payments: a webhook whose signature does not verify is unauthenticated.
  PAYMENT_BAD_SIGNATURE: 401,
  // Claims: *_NOT_FOUND are 404s by their suffix; other refusals (eligibility, texts) are 422s.
  CLAIM_FILE_TOO_LARGE: 413,
  CLAIM_FILE_TYPE_NOT_ALLOWED: 415,
  CLAIM_DUPLICATE: 409,
  CLAIM_BAD_TRANSITION: 409,
  CLAIM_OBJECTION_EXISTS: 409,
  CLAIM_OBJECTION_CLOSED: 409,
  // A staff decision made on an older view of the claim (someone else acted meanwhile).
  CLAIM_CHANGED: 409,
  CLAIM_NOT_APPEALED: 409,
  // Jury: a non-juror is forbidden; a second vote, a closed or not yet open vote are conflicts.
  JURY_NOT_A_JUROR: 403,
  JURY_ALREADY_VOTED: 409,
  JURY_WINDOW_CLOSED: 409,
  JURY_NOT_OPEN: 409,
  JURY_ALREADY_OPEN: 409,
  JURY_ALREADY_CLOSED: 409,
  JURY_WINDOW_NOT_OVER: 409,
  JURY_CLAIM_NOT_IN_JURY: 409,
  JURY_NO_OPERATOR_DECISION_NEEDED: 409,
  JURY_BAD_VOTE: 400,
  JURY_BAD_DECISION: 400,
  JURY_BAD_WINDOW: 400,
  JURY_QUIZ_BAD_ANSWERS: 400,
  JURY_MEMBER_CODE_REQUIRED: 400,
  // Aid payouts and operator advances: malformed input is a 400 (*_BAD_* below); a replayed key
  // used for something else and a second payout for a claim are conflicts.
  ADVANCE_UNKNOWN_PLAN: 404,
  PAYOUT_UNKNOWN_PLAN: 404,
  ADVANCE_IDEMPOTENCY_CONFLICT: 409,
  PAYOUT_CONFLICT: 409,
  PAYOUT_NOT_FAILED: 409,
  // Cycles: an unknown plan is a 404; a cycle another run holds, or one not due yet, a conflict.
  CYCLE_UNKNOWN_PLAN: 404,
  CYCLE_ALREADY_RUNNING: 409,
  CYCLE_NOT_DUE: 409,
  CYCLE_NOT_PUBLISHED: 409,
  CYCLE_BAD_TIME: 400,
  CYCLE_AT_IN_FUTURE: 422,
  CYCLE_MEMBER_NOT_IN_CYCLE: 404,
  // Simulation runs: a bad scenario, override or option names the parameter; a full queue says try later.
  SIM_BAD_SCENARIO: 400,
  SIM_BAD_OPTIONS: 400,
  SIM_QUEUE_FULL: 429,
  // A member's retry of a failed collection: the share is paid, in flight, never failed or past its deadline.
  FUNDING_CHARGE_NOT_RETRYABLE: 409,
  // Complaints: someone else's subject is a 404 like a missing one (as claims hide others' claims);
  // malformed texts and settings are 400s; a second response or reply, or a reply too early, conflicts.
  COMPLAINT_NOT_YOURS: 404,
  COMPLAINT_BAD_TEXT: 400,
  COMPLAINT_BAD_PERIOD: 400,
  COMPLAINT_BAD_RESPONSE_DAYS: 400,
  COMPLAINT_BAD_TRANSITION: 409,
  COMPLAINT_NOT_RESPONDED: 409,
  COMPLAINT_ALREADY_REPLIED: 409,
  OPERATOR_INFO_BAD_FIELD: 400,
  // Governance: a malformed vote or note is a 400; a second vote, a closed vote or window, a step
  // the proposal's state does not allow, conflicts; not on the roll is forbidden.
  GOV_BAD_NOTE: 400,
  GOV_BAD_VOTE: 400,
  GOV_MEMBERSHIP_REQUIRED: 400,
  GOV_NO_CHANGE: 422,
  GOV_ALREADY_VOTED: 409,
  GOV_VOTE_CLOSED: 409,
  GOV_BAD_TRANSITION: 409,
  GOV_PLAN_CHANGED: 409,
  GOV_LEAVE_NOT_OPEN: 409,
  GOV_LEAVE_WINDOW_CLOSED: 409,
  GOV_LEAVE_PAYMENTS_PENDING: 409,
  GOV_NOT_ELIGIBLE: 403,
  GOV_NOT_A_MEMBER: 403,
  // A direct rule change while members vote on one for the plan waits for the count.
  PLAN_VOTE_OPEN: 409,
  // Supervisor reports: a malformed or too long period names the parameter; an unknown plan is a 404.
  REPORT_BAD_PERIOD: 400,
  REPORT_UNKNOWN_PLAN: 404,
  REPORT_PDF_UNAVAILABLE: 503,
  // A plan's closure (src/services/closure): one per plan, steps in order; a malformed date or payer is a 400.
  PLAN_CLOSING: 409,
  FUNDING_CLOSURE_REFUND_DUE: 409,
  CLOSURE_BAD_DATE: 400,
  CLOSURE_BAD_PAYER: 400,
  CLOSURE_DATE_PAST: 422,
  CLOSURE_NOT_DUE: 409,
  CLOSURE_STEP_OUT_OF_ORDER: 409,
  CLOSURE_REFUNDS_OPEN: 409,
  CLOSURE_CLAIMS_OPEN: 409,
  CLAIM_AFTER_CLOSURE: 422,
  // The transfer offer at a closure (src/services/closure/transfer-offer.ts): malformed texts, link or
  // deadline are a 400; a second offer, or one after finalisation, a conflict; consent after the
  // deadline and the export before it, a conflict with the offer's dates.
  TRANSFER_OFFER_BAD_TEXT: 400,
  TRANSFER_OFFER_BAD_URL: 400,
  TRANSFER_OFFER_BAD_DEADLINE: 400,
  TRANSFER_OFFER_DEADLINE_PAST: 422,
  TRANSFER_OFFER_EXISTS: 409,
  TRANSFER_OFFER_TOO_LATE: 409,
  TRANSFER_CONSENT_CLOSED: 409,
  TRANSFER_EXPORT_NOT_DUE: 409,
  // Finalising waits for the claim window; the close waits for wallet payments still at the provider.
  CLOSURE_CLAIM_WINDOW_OPEN: 409,
  CLOSURE_PAYMENTS_PENDING: 409,
  CLAIM_CLOSURE_FINALISED: 409,
  FUNDING_PLAN_CLOSED: 409,
};

/** Prefixes of malformed-input codes: the request itself is wrong, whatever the state. */
const badRequestPrefixes = ['MONEY_', 'MEMBER_BAD_', 'PLAN_BAD_', 'PAYOUT_BAD_', 'ADVANCE_BAD_'] as const;

export function statusForCode(code: string): number {
  const known = statusByCode[code];
  if (known !== undefined) return known;
  if (badRequestPrefixes.some((prefix) => code.startsWith(prefix)) || code.endsWith('_BAD_REQUEST')) return 400;
  if (code.endsWith('_NOT_FOUND')) return 404;
  // FUNDING_* (top-up below the minimum, refund above the balance …) and other domain refusals.
  return 422;
}
