import { assert, ok, reject, type Rejection, type Result } from '../rejection.js';
import { CURRENCIES, CURRENCY_CODES, currencyOf, isCurrencyCode, type Currency } from './currency.js';
import { formatMinorPlain } from './format-money.js';

/** Stable codes of everything parseMoney and parseMinor reject. */
export const MONEY_REJECTION_CODES = [
  'MONEY_NOT_A_NUMBER',
  'MONEY_NEGATIVE',
  'MONEY_TOO_MANY_DECIMALS',
  'MONEY_OVER_LIMIT',
  'MONEY_UNKNOWN_CURRENCY',
] as const;

export type MoneyRejectionCode = (typeof MONEY_REJECTION_CODES)[number];

/**
 * The largest amount accepted by default, in minor units (10^15 fen = 10 trillion yuan). Far above
 * any real plan, far below where a mistyped amount could do harm silently; callers pass a tighter
 * limit where they know one.
 */
export const DEFAULT_MAX_MINOR = 1_000_000_000_000_000n;

export interface ParseMoneyOptions {
  /** Accept a leading minus sign ("-12.30"). Default false: amounts people type are payments. */
  readonly allowNegative?: boolean;
  /** The largest absolute amount accepted, in minor units, inclusive. Default DEFAULT_MAX_MINOR. */
  readonly maxMinor?: bigint;
}

export interface ParseMinorOptions {
  /** The largest absolute amount accepted, in minor units, inclusive. Default DEFAULT_MAX_MINOR. */
  readonly maxMinor?: bigint;
}

type MoneyRejection = { readonly ok: false; readonly rejection: Rejection<MoneyRejectionCode> };

// Plain digits ("1234567") or digits grouped by commas in threes ("1,234,567"), then an optional
// fraction. A grouped number never starts with 0 ("0,123" is a typo, not 123). Both alternatives
// are anchored and free of nested quantifiers, so matching is linear in the input length.
const AMOUNT_PATTERN = /^(?:([0-9]+)|([1-9][0-9]{0,2}(?:,[0-9]{3})+))(?:\.([0-9]+))?$/;
const MINOR_PATTERN = /^-?[0-9]+$/;
const MINUS_SIGNS = ['-', '\u2212'];
const ISO_CODE_PATTERN = /^[A-Za-z]{3}(?![A-Za-z])/;

function notANumber(input: string, currency: string, reason: string): MoneyRejection {
  return reject('MONEY_NOT_A_NUMBER', `"${input}" is not an amount of ${currency}: ${reason}.`, {
    input,
    currency,
    reason,
  });
}

function startsWithMinus(text: string): boolean {
  return MINUS_SIGNS.some((sign) => text.startsWith(sign));
}

/** Length of the currency prefix (ISO code or symbol) at the start of text, or 0 when there is none. */
function currencyPrefixLength(text: string, currency: Currency): number {
  const codeLength = currency.code.length;
  if (text.slice(0, codeLength).toUpperCase() === currency.code && !/^[A-Za-z]/.test(text.slice(codeLength))) {
    return currency.code.length;
  }
  for (const symbol of currency.input_symbols) {
    if (text.length >= symbol.length && text.slice(0, symbol.length).toUpperCase() === symbol.toUpperCase()) {
      return symbol.length;
    }
  }
  return 0;
}

/** Names the other currency an input was written in, to explain the rejection; null when none. */
function foreignCurrencyPrefix(text: string, currency: Currency): string | null {
  const iso = ISO_CODE_PATTERN.exec(text)?.[0]?.toUpperCase();
  if (iso !== undefined && iso !== currency.code && isCurrencyCode(iso)) return iso;
  for (const code of CURRENCY_CODES) {
    if (code === currency.code) continue;
    for (const symbol of CURRENCIES[code].input_symbols) {
      if (!currency.input_symbols.includes(symbol) && text.startsWith(symbol)) return symbol;
    }
  }
  return null;
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * Parses an amount a person typed into integer minor units of the currency.
 *
 * Accepted: surrounding whitespace; an optional ISO code or symbol prefix of that currency
 * ("CNY 12.30", "¥1,234.5", "CN¥1,234.50"); commas grouping the integer part in threes; a "."
 * fraction with at most the currency's decimals (extra trailing zeros are accepted because they
 * change nothing: "12.300" CNY is 1230); a minus sign before or after the prefix when allowNegative.
 * Rejected: exponents, spaces or dots as group separators, a bare "." or "12." or ".5", "+".
 * The number never passes through a JS number, so no amount is rounded.
 */
export function parseMoney(
  input: string,
  currency: string,
  options: ParseMoneyOptions = {},
): Result<bigint, MoneyRejectionCode> {
  const currencyResult = currencyOf(currency);
  if (!currencyResult.ok) return currencyResult;
  const unit = currencyResult.value;
  const allowNegative = options.allowNegative ?? false;
  const maxMinor = options.maxMinor ?? DEFAULT_MAX_MINOR;
  assert(maxMinor >= 0n, `maxMinor must not be negative, got ${maxMinor}`);

  let text = input.trim();
  if (text === '') return notANumber(input, currency, 'it is empty');

  // The sign may come before the prefix ("-¥12", as Intl prints it) or after it ("¥-12"), once.
  let negative = false;
  if (startsWithMinus(text)) {
    negative = true;
    text = text.slice(1);
  }
  const prefixLength = currencyPrefixLength(text, unit);
  if (prefixLength > 0) {
    text = text.slice(prefixLength).trimStart();
    if (!negative && startsWithMinus(text)) {
      negative = true;
      text = text.slice(1);
    }
  }

  const match = AMOUNT_PATTERN.exec(text);
  if (match === null) {
    const foreign = prefixLength === 0 ? foreignCurrencyPrefix(text, unit) : null;
    const reason =
      foreign !== null
        ? `it is written in ${foreign}, not ${unit.code}`
        : 'expected digits, optionally grouped by commas in threes, and an optional "." fraction';
    return notANumber(input, currency, reason);
  }
  const integerDigits = (match[1] ?? match[2] ?? '').replaceAll(',', '');
  const fractionDigits = match[3] ?? '';
  const maxDecimals = unit.minor_unit_exponent;

  if (negative && !allowNegative && /[1-9]/.test(integerDigits + fractionDigits)) {
    return reject('MONEY_NEGATIVE', `"${input}" is negative; only amounts of zero or more are accepted here.`, {
      input,
      currency,
    });
  }

  const significantFraction = fractionDigits.replace(/0+$/, '');
  if (significantFraction.length > maxDecimals) {
    return reject(
      'MONEY_TOO_MANY_DECIMALS',
      maxDecimals === 0
        ? `"${input}" has decimals, but ${unit.code} has no minor unit.`
        : `"${input}" has more than ${maxDecimals} decimals, the most ${unit.code} allows.`,
      { input, currency, decimals: significantFraction.length, max_decimals: maxDecimals },
    );
  }

  const magnitude =
    BigInt(integerDigits) * unit.minor_per_major + BigInt(significantFraction.padEnd(maxDecimals, '0') || '0');
  if (magnitude > maxMinor) {
    return reject('MONEY_OVER_LIMIT', `"${input}" is more than the limit of ${formatMinorPlain(maxMinor, unit.code)} ${unit.code}.`, {
      input,
      currency,
      max_minor: maxMinor.toString(),
    });
  }
  return ok(negative ? -magnitude : magnitude);
}

/**
 * Parses the digits of a JSON `_minor` field ("123450", "-5") into a bigint. Nothing else is
 * accepted: no whitespace, "+", decimals or exponent, because these strings are machine-written.
 */
export function parseMinor(input: string, options: ParseMinorOptions = {}): Result<bigint, MoneyRejectionCode> {
  const maxMinor = options.maxMinor ?? DEFAULT_MAX_MINOR;
  assert(maxMinor >= 0n, `maxMinor must not be negative, got ${maxMinor}`);
  if (!MINOR_PATTERN.test(input)) {
    return reject('MONEY_NOT_A_NUMBER', `"${input}" is not an integer number of minor units.`, { input });
  }
  const value = BigInt(input);
  if (absolute(value) > maxMinor) {
    return reject('MONEY_OVER_LIMIT', `${input} minor units is more than the limit of ${maxMinor}.`, {
      input,
      max_minor: maxMinor.toString(),
    });
  }
  return ok(value);
}
