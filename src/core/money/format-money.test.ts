import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RejectionError } from '../rejection.js';
import { CURRENCY_CODES } from './currency.js';
import { formatMinorPlain, formatMoney } from './format-money.js';

// Intl puts a no-break space between an ISO code and the number.
const NBSP = '\u00a0';

describe('formatMoney', () => {
  it.each([
    [123450n, 'CNY', 'zh-CN', '¥1,234.50'],
    [123450n, 'CNY', 'en', 'CN¥1,234.50'],
    [-123450n, 'CNY', 'zh-CN', '-¥1,234.50'],
    [-123450n, 'CNY', 'en', '-CN¥1,234.50'],
    [0n, 'CNY', 'zh-CN', '¥0.00'],
    [0n, 'CNY', 'en', 'CN¥0.00'],
    [5n, 'CNY', 'zh-CN', '¥0.05'],
    [-5n, 'CNY', 'zh-CN', '-¥0.05'],
    [100_000_000n, 'CNY', 'zh-CN', '¥1,000,000.00'],
    [123450n, 'USD', 'en', '$1,234.50'],
    [123450n, 'USD', 'zh-CN', 'US$1,234.50'],
    [123450n, 'EUR', 'en', '€1,234.50'],
    [123450n, 'HKD', 'en', 'HK$1,234.50'],
    [1500n, 'JPY', 'zh-CN', 'JP¥1,500'],
    [1500n, 'JPY', 'en', '¥1,500'],
    [-1500n, 'JPY', 'en', '-¥1,500'],
    [0n, 'JPY', 'en', '¥0'],
    [1500n, 'KRW', 'en', '₩1,500'],
    [1234567n, 'KWD', 'en', `KWD${NBSP}1,234.567`],
    [1n, 'KWD', 'zh-CN', `KWD${NBSP}0.001`],
    [-1234567n, 'BHD', 'en', `-BHD${NBSP}1,234.567`],
  ] as const)('%s minor %s in %s is %j', (amount_minor, currency, locale, expected) => {
    expect(formatMoney(amount_minor, currency, locale)).toBe(expected);
  });

  it('formats amounts above 2^53 exactly', () => {
    // 2^53 + 1 fen: a JS number would print 90,071,992,547,409.92.
    expect(formatMoney(2n ** 53n + 1n, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.93');
    expect(formatMoney(12345678901234567891n, 'CNY', 'zh-CN')).toBe('¥123,456,789,012,345,678.91');
    expect(formatMoney(-12345678901234567891n, 'CNY', 'en')).toBe('-CN¥123,456,789,012,345,678.91');
    expect(formatMoney(123456789012345678901n, 'JPY', 'en')).toBe('¥123,456,789,012,345,678,901');
    expect(formatMoney(10n ** 30n + 1n, 'KWD', 'en')).toBe(`KWD${NBSP}1,000,000,000,000,000,000,000,000,000.001`);
  });

  it('prints exactly the digits of the amount, for any size', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.constantFrom(...CURRENCY_CODES),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (amount_minor, currency, locale) => {
          const formatted = formatMoney(amount_minor, currency, locale);
          const magnitude = amount_minor < 0n ? -amount_minor : amount_minor;
          expect(formatted.replace(/[^0-9]/g, '').replace(/^0+(?=.)/, '')).toBe(magnitude.toString());
          expect(formatted.startsWith('-')).toBe(amount_minor < 0n);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('throws a MONEY_UNKNOWN_CURRENCY RejectionError for a currency that was never validated', () => {
    expect(() => formatMoney(1n, 'XYZ', 'en')).toThrow(RejectionError);
    try {
      formatMoney(1n, 'XYZ', 'en');
    } catch (error) {
      expect((error as RejectionError).rejection.code).toBe('MONEY_UNKNOWN_CURRENCY');
    }
  });
});

describe('formatMinorPlain', () => {
  it.each([
    [123450n, 'CNY', '1234.50'],
    [123456789n, 'CNY', '1234567.89'],
    [5n, 'CNY', '0.05'],
    [-5n, 'CNY', '-0.05'],
    [0n, 'CNY', '0.00'],
    [-123450n, 'USD', '-1234.50'],
    [1500n, 'JPY', '1500'],
    [-1500n, 'KRW', '-1500'],
    [1n, 'KWD', '0.001'],
    [1234567n, 'BHD', '1234.567'],
    [12345678901234567891n, 'CNY', '123456789012345678.91'],
  ] as const)('%s minor %s is %j', (amount_minor, currency, expected) => {
    expect(formatMinorPlain(amount_minor, currency)).toBe(expected);
  });

  it('throws for an unknown currency', () => {
    expect(() => formatMinorPlain(1n, 'cny')).toThrow(/MONEY_UNKNOWN_CURRENCY/);
  });
});
