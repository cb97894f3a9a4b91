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
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LEDGER_UNKNOWN_ACCOUNT: 404,
  LEDGER_UNKNOWN_TRANSACTION: 404,
  LEDGER_ACCOUNT_EXISTS: 409,
  LEDGER_IDEMPOTENCY_CONFLICT: 409,
  LEDGER_ALREADY_REVERSED: 409,
};

export function statusForCode(code: string): number {
  const known = statusByCode[code];
  if (known !== undefined) return known;
  if (code.startsWith('MONEY_') || code.endsWith('_BAD_REQUEST')) return 400;
  return 422;
}
