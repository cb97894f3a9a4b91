/**
 * Money arrives as a string of digits in minor units (fen for CNY). It is formatted from the digits
 * as a decimal string, never through a float, so 10^15 minor units still show exactly.
 */
const minorDigits: Readonly<Record<string, number>> = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 };

export function minorToDecimal(amount_minor: string | bigint, currency: string): string {
  const digits = minorDigits[currency] ?? 2;
  const value = BigInt(amount_minor);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

export function formatMoney(amount_minor: string | bigint, currency: string, locale: string): string {
  const decimal = minorToDecimal(amount_minor, currency) as `${number}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal);
}

/** Parses what a person typed ("12", "12.5", "12.50") into minor units; undefined when it is not an amount. */
export function parseMoneyInput(text: string, currency: string): bigint | undefined {
  const digits = minorDigits[currency] ?? 2;
  const match = /^\s*(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (match === null) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}
