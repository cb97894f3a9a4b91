/** Stable rejection codes of the ledger; the HTTP layer maps them to 4xx statuses. */
export const ledgerRejectionCodes = [
  'LEDGER_BAD_ACCOUNT',
  'LEDGER_ACCOUNT_EXISTS',
  'LEDGER_UNKNOWN_ACCOUNT',
  'LEDGER_BAD_TRANSFER',
  'LEDGER_TOO_FEW_LEGS',
  'LEDGER_BAD_AMOUNT',
  /** A posting after which an account balance would leave the signed 64-bit range. */
  'LEDGER_AMOUNT_OUT_OF_RANGE',
  'LEDGER_UNBALANCED',
  'LEDGER_CURRENCY_MISMATCH',
  'LEDGER_INSUFFICIENT_BALANCE',
  'LEDGER_BAD_IDEMPOTENCY_KEY',
  'LEDGER_IDEMPOTENCY_CONFLICT',
  'LEDGER_UNKNOWN_TRANSACTION',
  'LEDGER_ALREADY_REVERSED',
  'LEDGER_CANNOT_REVERSE_REVERSAL',
  // Manual postings (manual-posting-policy.ts, manual-postings.ts).
  'LEDGER_MANUAL_ACCOUNT_FORBIDDEN',
  'LEDGER_FLOW_POSTING_NOT_REVERSIBLE',
  'LEDGER_SAME_APPROVER',
  'LEDGER_MANUAL_POSTING_NOT_FOUND',
  'LEDGER_MANUAL_POSTING_ALREADY_DECIDED',
  'IDEMPOTENCY_KEY_REUSED',
] as const;

export type LedgerRejectionCode = (typeof ledgerRejectionCodes)[number];
