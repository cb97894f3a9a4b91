import { createHash } from 'node:crypto';
import { DEFAULT_MAX_MINOR } from '../core/money/parse-money.js';
import { ok, reject, type Result } from '../core/rejection.js';
import { accountCodePattern, currencyCodePattern } from './account.js';
import type { LedgerRejectionCode } from './ledger-rejections.js';

export type Side = 'debit' | 'credit';

export interface TransferLeg {
  readonly account_code: string;
  readonly side: Side;
  /** Always positive; the side says which way it moves. */
  readonly amount_minor: bigint;
}

export interface TransferInput {
  /** A replay with the same key and payload returns the first result; another payload is refused. */
  readonly idempotency_key: string;
  readonly kind?: string;
  readonly description: string;
  readonly currency: string;
  readonly legs: readonly TransferLeg[];
  readonly metadata?: Readonly<Record<string, string>>;
  /** Set only by reversals: the transaction this one cancels. */
  readonly reverses_id?: bigint;
}

export interface ValidTransfer extends Required<Omit<TransferInput, 'reverses_id'>> {
  readonly reverses_id: bigint | null;
  readonly payload_sha256: string;
}

/**
 * One leg may move at most this much (10^15 minor units, the bound of every amount Huzhu takes),
 * so one transfer's totals (at most 1000 legs) stay inside int64; balances are checked by the ledger.
 */
export const maxLegAmountMinor = DEFAULT_MAX_MINOR;
export const maxLegsPerTransfer = 1000;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;
const kindPattern = /^[a-z][a-z0-9_.]{0,63}$/;

/** Pure validation: shape, positive amounts, and debits equal to credits. Accounts are checked by the ledger. */
export function validateTransfer(input: TransferInput): Result<ValidTransfer, LedgerRejectionCode> {
  if (!idempotencyKeyPattern.test(input.idempotency_key)) {
    return reject('LEDGER_BAD_IDEMPOTENCY_KEY', 'An idempotency key is 1–200 printable ASCII characters without spaces.', {
      idempotency_key: input.idempotency_key,
    });
  }
  const kind = input.kind ?? 'transfer';
  if (!kindPattern.test(kind)) return reject('LEDGER_BAD_TRANSFER', 'A transaction kind is lower-case letters, digits, _ and .', { kind });
  if (input.description.length > 500) return reject('LEDGER_BAD_TRANSFER', 'A description is at most 500 characters.');
  if (!currencyCodePattern.test(input.currency)) {
    return reject('LEDGER_BAD_TRANSFER', 'Currency must be an ISO 4217 code such as CNY.', { currency: input.currency });
  }
  const metadata = input.metadata ?? {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string' || key.length > 64 || value.length > 500) {
      return reject('LEDGER_BAD_TRANSFER', 'Metadata is a map of short strings.', { key });
    }
  }
  if (input.legs.length < 2) return reject('LEDGER_TOO_FEW_LEGS', 'A transaction has at least two legs.', { legs: input.legs.length });
  if (input.legs.length > maxLegsPerTransfer) {
    return reject('LEDGER_BAD_TRANSFER', `A transaction has at most ${maxLegsPerTransfer} legs.`, { legs: input.legs.length });
  }
  let debit_total_minor = 0n;
  let credit_total_minor = 0n;
  for (const [leg_index, leg] of input.legs.entries()) {
    if (!accountCodePattern.test(leg.account_code)) {
      return reject('LEDGER_UNKNOWN_ACCOUNT', `Leg ${leg_index} names no valid account.`, { leg_index, account_code: leg.account_code });
    }
    if (leg.side !== 'debit' && leg.side !== 'credit') {
      return reject('LEDGER_BAD_TRANSFER', `Leg ${leg_index} must be a debit or a credit.`, { leg_index });
    }
    if (typeof leg.amount_minor !== 'bigint' || leg.amount_minor <= 0n || leg.amount_minor > maxLegAmountMinor) {
      return reject('LEDGER_BAD_AMOUNT', `Leg ${leg_index} must move a positive amount of at most ${maxLegAmountMinor} minor units.`, {
        leg_index,
        amount_minor: String(leg.amount_minor),
      });
    }
    if (leg.side === 'debit') debit_total_minor += leg.amount_minor;
    else credit_total_minor += leg.amount_minor;
  }
  if (debit_total_minor !== credit_total_minor) {
    return reject('LEDGER_UNBALANCED', 'Debits and credits must be equal.', {
      debit_total_minor: debit_total_minor.toString(),
      credit_total_minor: credit_total_minor.toString(),
    });
  }
  const normalized = {
    idempotency_key: input.idempotency_key,
    kind,
    description: input.description,
    currency: input.currency,
    legs: input.legs.map((leg) => ({ account_code: leg.account_code, side: leg.side, amount_minor: leg.amount_minor })),
    metadata: Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    reverses_id: input.reverses_id ?? null,
  };
  return ok({ ...normalized, payload_sha256: payloadHash(normalized) });
}

/** What an idempotent replay must match: everything the caller asked for, not when it was posted. */
function payloadHash(transfer: Omit<ValidTransfer, 'payload_sha256' | 'idempotency_key'>): string {
  const canonical = JSON.stringify([
    transfer.kind,
    transfer.description,
    transfer.currency,
    transfer.metadata,
    transfer.reverses_id === null ? null : transfer.reverses_id.toString(),
    transfer.legs.map((leg) => [leg.account_code, leg.side, leg.amount_minor.toString()]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Signed posting amount: debits positive, credits negative. */
export function signedAmount(leg: Pick<TransferLeg, 'side' | 'amount_minor'>): bigint {
  return leg.side === 'debit' ? leg.amount_minor : -leg.amount_minor;
}
