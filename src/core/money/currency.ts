import { ok, reject, type Result } from '../rejection.js';

/**
 * The currencies Huzhu can hold. The minor-unit exponent is the number of decimals a major unit
 * is split into (ISO 4217): 100 fen make a yuan, a yen has no minor unit, 1000 fils make a dinar.
 * The table is deliberately small: adding a currency is a reviewed change, because every amount in
 * the store is an integer count of that currency's minor units.
 */
export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'KRW', 'KWD', 'BHD'] as const;

export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export type MinorUnitExponent = 0 | 1 | 2 | 3;

export interface Currency {
  readonly code: CurrencyCode;
  /** Decimals in a major unit: CNY 2, JPY 0, KWD 3. */
  readonly minor_unit_exponent: MinorUnitExponent;
  /** 10 ^ minor_unit_exponent, so that major × minor_per_major = minor. */
  readonly minor_per_major: bigint;
  /** The usual symbol, or null when the ISO code is written instead. */
  readonly symbol: string | null;
  /**
   * Prefixes accepted in front of typed amounts besides the ISO code, longest first so that
   * "CN¥" is tried before "¥". They include what Intl.NumberFormat prints for zh-CN and en, so
   * that formatted amounts parse back.
   */
  readonly input_symbols: readonly string[];
}

function currency(
  code: CurrencyCode,
  minor_unit_exponent: MinorUnitExponent,
  symbol: string | null,
  input_symbols: readonly string[],
): Currency {
  return Object.freeze({
    code,
    minor_unit_exponent,
    minor_per_major: 10n ** BigInt(minor_unit_exponent),
    symbol,
    input_symbols: Object.freeze([...input_symbols].sort((left, right) => right.length - left.length)),
  });
}

// ￥ (U+FFE5, full-width yen sign) is what Chinese input methods type for ¥.
export const CURRENCIES: Readonly<Record<CurrencyCode, Currency>> = Object.freeze({
  CNY: currency('CNY', 2, '¥', ['¥', '￥', 'CN¥', 'RMB']),
  USD: currency('USD', 2, '$', ['$', 'US$']),
  EUR: currency('EUR', 2, '€', ['€']),
  HKD: currency('HKD', 2, 'HK$', ['HK$']),
  JPY: currency('JPY', 0, '¥', ['¥', '￥', 'JP¥']),
  KRW: currency('KRW', 0, '₩', ['₩', '￦']),
  KWD: currency('KWD', 3, null, []),
  BHD: currency('BHD', 3, null, []),
});

export type CurrencyRejectionCode = 'MONEY_UNKNOWN_CURRENCY';

export function isCurrencyCode(code: string): code is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(code);
}

/** Looks up a currency by its upper-case ISO 4217 code. */
export function currencyOf(code: string): Result<Currency, CurrencyRejectionCode> {
  if (!isCurrencyCode(code)) {
    return reject('MONEY_UNKNOWN_CURRENCY', `Unknown currency "${code}"; supported: ${CURRENCY_CODES.join(', ')}.`, {
      currency: code,
      supported: [...CURRENCY_CODES],
    });
  }
  return ok(CURRENCIES[code]);
}
