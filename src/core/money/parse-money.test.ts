import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CURRENCY_CODES } from './currency.js';
import { formatMinorPlain, formatMoney } from './format-money.js';
import { DEFAULT_MAX_MINOR, parseMinor, parseMoney, type MoneyRejectionCode } from './parse-money.js';

describe('parseMoney: accepted inputs', () => {
  it.each([
    // CNY: 2 decimals
    ['12.3', 'CNY', 1230n],
    ['12.30', 'CNY', 1230n],
    ['12', 'CNY', 1200n],
    ['0', 'CNY', 0n],
    ['0.01', 'CNY', 1n],
    ['007', 'CNY', 700n],
    ['12.300', 'CNY', 1230n], // trailing zeros beyond the currency's decimals change nothing
    ['¥1,234.5', 'CNY', 123450n],
    ['1,234,567.89', 'CNY', 123456789n],
    ['1234567.89', 'CNY', 123456789n],
    ['  12.30\t', 'CNY', 1230n],
    ['\u00a012.30\u3000', 'CNY', 1230n],
    ['CNY 12.30', 'CNY', 1230n],
    ['CNY12.30', 'CNY', 1230n],
    ['cny 12.30', 'CNY', 1230n],
    ['CN¥1,234.50', 'CNY', 123450n],
    ['￥8', 'CNY', 800n],
    ['¥ 8', 'CNY', 800n],
    ['RMB 5', 'CNY', 500n],
    ['10,000,000,000,000.00', 'CNY', 1_000_000_000_000_000n], // exactly the default limit
    // JPY: no minor unit
    ['1500', 'JPY', 1500n],
    ['¥1,500', 'JPY', 1500n],
    ['JP¥1,500', 'JPY', 1500n],
    ['JPY 7', 'JPY', 7n],
    ['1.0', 'JPY', 1n],
    // KWD: 3 decimals
    ['1.234', 'KWD', 1234n],
    ['12.5', 'KWD', 12500n],
    ['0.001', 'KWD', 1n],
    ['KWD 1,234.567', 'KWD', 1234567n],
    ['KWD\u00a01,234.567', 'KWD', 1234567n],
    // "-0" is zero, not a negative amount
    ['-0', 'CNY', 0n],
    ['-0.00', 'CNY', 0n],
  ] as const)('%j in %s is %s minor units', (input, currency, expected) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['-12.30', 'CNY', -1230n],
    ['-¥1,234.50', 'CNY', -123450n],
    ['¥-5', 'CNY', -500n],
    ['CNY -5', 'CNY', -500n],
    ['\u22121', 'CNY', -100n],
    ['-JP¥1,500', 'JPY', -1500n],
    ['-KWD 0.001', 'KWD', -1n],
  ] as const)('%j in %s is %s minor units when negatives are allowed', (input, currency, expected) => {
    expect(parseMoney(input, currency, { allowNegative: true })).toEqual({ ok: true, value: expected });
  });

  it('accepts a custom limit, inclusive', () => {
    expect(parseMoney('0.99', 'CNY', { maxMinor: 99n })).toEqual({ ok: true, value: 99n });
  });
});

describe('parseMoney: rejected inputs', () => {
  it.each([
    ['', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['   ', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['abc', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['12abc', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1.2.3', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1e5', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['.', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['12.', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['.5', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['--1', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['-¥-1', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['+1', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1,23', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1,2345', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1234,567', 'CNY', 'MONEY_NOT_A_NUMBER'],
    [',123', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['0,123', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1,234.5,6', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['1 234.5', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['12 CNY', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['$12', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['USD 12', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['CNYX 12', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['１２', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['0x10', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['Infinity', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['NaN', 'CNY', 'MONEY_NOT_A_NUMBER'],
    ['-12.30', 'CNY', 'MONEY_NEGATIVE'],
    ['-¥1', 'CNY', 'MONEY_NEGATIVE'],
    ['CNY -5', 'CNY', 'MONEY_NEGATIVE'],
    ['-0.01', 'CNY', 'MONEY_NEGATIVE'],
    ['12.345', 'CNY', 'MONEY_TOO_MANY_DECIMALS'],
    ['0.001', 'CNY', 'MONEY_TOO_MANY_DECIMALS'],
    ['1.5', 'JPY', 'MONEY_TOO_MANY_DECIMALS'],
    ['1.2345', 'KWD', 'MONEY_TOO_MANY_DECIMALS'],
    ['10,000,000,000,000.01', 'CNY', 'MONEY_OVER_LIMIT'],
    ['99999999999999999999', 'CNY', 'MONEY_OVER_LIMIT'],
    ['12', 'XYZ', 'MONEY_UNKNOWN_CURRENCY'],
    ['12', 'cny', 'MONEY_UNKNOWN_CURRENCY'],
  ] as const)('%j in %s is rejected with %s', (input, currency, code) => {
    const result = parseMoney(input, currency);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe(code);
    expect(result.rejection.message.length).toBeGreaterThan(10);
    // Rejections travel as JSON: no bigint may hide in the details.
    expect(() => JSON.stringify(result.rejection)).not.toThrow();
    if (code !== 'MONEY_UNKNOWN_CURRENCY') expect(result.rejection.details).toMatchObject({ input, currency });
  });

  it('says how many decimals the currency allows', () => {
    const result = parseMoney('12.345', 'CNY');
    expect(result).toEqual({
      ok: false,
      rejection: {
        code: 'MONEY_TOO_MANY_DECIMALS',
        message: '"12.345" has more than 2 decimals, the most CNY allows.',
        details: { input: '12.345', currency: 'CNY', decimals: 3, max_decimals: 2 },
      },
    });
    const yen = parseMoney('1.5', 'JPY');
    expect(!yen.ok && yen.rejection.details).toMatchObject({ max_decimals: 0 });
  });

  it('names the currency an amount was written in', () => {
    const result = parseMoney('USD 12', 'CNY');
    expect(!result.ok && result.rejection.message).toContain('USD');
  });

  it('applies the limit to negative amounts too, and reports it as a string', () => {
    const result = parseMoney('-10,000,000,000,000.01', 'CNY', { allowNegative: true });
    expect(result).toMatchObject({
      ok: false,
      rejection: { code: 'MONEY_OVER_LIMIT', details: { max_minor: '1000000000000000' } },
    });
    expect(parseMoney('1.00', 'CNY', { maxMinor: 99n })).toMatchObject({ ok: false, rejection: { code: 'MONEY_OVER_LIMIT' } });
  });
});

const currencies = fc.constantFrom(...CURRENCY_CODES);
const amounts = fc.oneof(
  fc.bigInt({ min: -DEFAULT_MAX_MINOR, max: DEFAULT_MAX_MINOR }),
  fc.bigInt({ min: -10_000n, max: 10_000n }),
);

describe('parseMoney: round trips', () => {
  it('parseMoney(formatMinorPlain(x)) === x', () => {
    fc.assert(
      fc.property(amounts, currencies, (amount_minor, currency) => {
        const parsed = parseMoney(formatMinorPlain(amount_minor, currency), currency, { allowNegative: true });
        expect(parsed).toEqual({ ok: true, value: amount_minor });
      }),
      { numRuns: 10_000 },
    );
  });

  it('parseMoney(formatMoney(x)) === x in both locales', () => {
    fc.assert(
      fc.property(amounts, currencies, fc.constantFrom('zh-CN' as const, 'en' as const), (amount_minor, currency, locale) => {
        const parsed = parseMoney(formatMoney(amount_minor, currency, locale), currency, { allowNegative: true });
        expect(parsed).toEqual({ ok: true, value: amount_minor });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseMinor', () => {
  it.each([
    ['0', 0n],
    ['123450', 123450n],
    ['-5', -5n],
    ['-0', 0n],
    ['007', 7n],
    ['1000000000000000', 1_000_000_000_000_000n],
    ['-1000000000000000', -1_000_000_000_000_000n],
  ] as const)('%j is %s', (input, expected) => {
    expect(parseMinor(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'MONEY_NOT_A_NUMBER'],
    ['-', 'MONEY_NOT_A_NUMBER'],
    ['--1', 'MONEY_NOT_A_NUMBER'],
    ['+1', 'MONEY_NOT_A_NUMBER'],
    [' 1', 'MONEY_NOT_A_NUMBER'],
    ['1 ', 'MONEY_NOT_A_NUMBER'],
    ['1.0', 'MONEY_NOT_A_NUMBER'],
    ['1,000', 'MONEY_NOT_A_NUMBER'],
    ['1e3', 'MONEY_NOT_A_NUMBER'],
    ['0x10', 'MONEY_NOT_A_NUMBER'],
    ['１２', 'MONEY_NOT_A_NUMBER'],
    ['12n', 'MONEY_NOT_A_NUMBER'],
    ['1000000000000001', 'MONEY_OVER_LIMIT'],
    ['-1000000000000001', 'MONEY_OVER_LIMIT'],
    ['123456789012345678901234567890', 'MONEY_OVER_LIMIT'],
  ] as const)('%j is rejected with %s', (input, code: MoneyRejectionCode) => {
    const result = parseMinor(input);
    expect(result).toMatchObject({ ok: false, rejection: { code, details: { input } } });
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('takes a custom limit', () => {
    expect(parseMinor('100', { maxMinor: 100n })).toEqual({ ok: true, value: 100n });
    expect(parseMinor('101', { maxMinor: 100n })).toMatchObject({ ok: false, rejection: { code: 'MONEY_OVER_LIMIT' } });
  });

  it('reads back every amount within the limit', () => {
    fc.assert(
      fc.property(amounts, (amount_minor) => {
        expect(parseMinor(amount_minor.toString())).toEqual({ ok: true, value: amount_minor });
      }),
      { numRuns: 10_000 },
    );
  });
});
