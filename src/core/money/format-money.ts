import { assert, RejectionError } from '../rejection.js';
import { currencyOf, type Currency } from './currency.js';

/** The locales the apps are translated into. */
export type MoneyLocale = 'zh-CN' | 'en';

/**
 * Formatting takes a currency that was validated when the plan was set up, so an unknown code
 * here is a bug in the caller: it throws (a RejectionError carrying MONEY_UNKNOWN_CURRENCY)
 * instead of returning a Result that every template would have to unwrap.
 */
function knownCurrency(code: string): Currency {
  const result = currencyOf(code);
  if (!result.ok) throw new RejectionError(result.rejection);
  return result.value;
}

/**
 * "1234.50" for 123450 fen: no grouping, no symbol, exactly the currency's decimals, a leading
 * "-" when negative. It is the canonical plain text that parseMoney reads back to the same amount.
 * Works on the bigint digits directly, so amounts beyond 2^53 stay exact.
 */
export function formatMinorPlain(amount_minor: bigint, currency: string): string {
  const unit = knownCurrency(currency);
  const sign = amount_minor < 0n ? '-' : '';
  const magnitude = amount_minor < 0n ? -amount_minor : amount_minor;
  if (unit.minor_unit_exponent === 0) return `${sign}${magnitude}`;
  const whole = magnitude / unit.minor_per_major;
  const fraction = (magnitude % unit.minor_per_major).toString().padStart(unit.minor_unit_exponent, '0');
  return `${sign}${whole}.${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: MoneyLocale, unit: Currency): Intl.NumberFormat {
  const key = `${locale}|${unit.code}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    // The fraction digits come from our table, not from ICU's, so that the decimal string we pass
    // is printed as is: nothing to round, nothing to pad.
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: unit.code,
      minimumFractionDigits: unit.minor_unit_exponent,
      maximumFractionDigits: unit.minor_unit_exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount for people, as Intl.NumberFormat prints the currency in that locale:
 * zh-CN "¥1,234.50", en "CN¥1,234.50", negative amounts with a leading minus ("-¥1,234.50").
 *
 * The amount never becomes a JS number: Intl.NumberFormat is given the exact decimal string
 * (ECMA-402 NumberFormat v3 formats strings as exact decimals), and the digits it prints are
 * checked against that string.
 */
export function formatMoney(amount_minor: bigint, currency: string, locale: MoneyLocale): string {
  const unit = knownCurrency(currency);
  const plain = formatMinorPlain(amount_minor, unit.code);
  const parts = formatterFor(locale, unit).formatToParts(plain as Intl.StringNumericLiteral);
  const printedDigits = parts
    .filter((part) => part.type === 'integer' || part.type === 'fraction')
    .map((part) => part.value)
    .join('');
  assert(
    printedDigits === plain.replace(/[-.]/g, ''),
    `Intl.NumberFormat printed ${printedDigits} for ${plain} ${unit.code}; formatting must be exact`,
  );
  return parts.map((part) => part.value).join('');
}
