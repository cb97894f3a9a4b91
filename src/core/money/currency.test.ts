import { describe, it, expect } from 'vitest';
import { CURRENCIES, CURRENCY_CODES, currencyOf, isCurrencyCode } from './currency.js';

describe('currencyOf', () => {
  it.each([
    ['CNY', 2, 100n, '¥'],
    ['USD', 2, 100n, '$'],
    ['EUR', 2, 100n, '€'],
    ['HKD', 2, 100n, 'HK$'],
    ['JPY', 0, 1n, '¥'],
    ['KRW', 0, 1n, '₩'],
    ['KWD', 3, 1000n, null],
    ['BHD', 3, 1000n, null],
  ] as const)('%s has %i decimals', (code, exponent, minor_per_major, symbol) => {
    const result = currencyOf(code);
    expect(result).toEqual({ ok: true, value: CURRENCIES[code] });
    if (!result.ok) return;
    expect(result.value.minor_unit_exponent).toBe(exponent);
    expect(result.value.minor_per_major).toBe(minor_per_major);
    expect(result.value.symbol).toBe(symbol);
  });

  it('lists input symbols longest first, so CN¥ is tried before ¥', () => {
    for (const code of CURRENCY_CODES) {
      const lengths = CURRENCIES[code].input_symbols.map((symbol) => symbol.length);
      expect(lengths).toEqual([...lengths].sort((left, right) => right - left));
    }
  });

  it.each(['XYZ', 'cny', '', 'CNY ', 'RMB'])('rejects %j with MONEY_UNKNOWN_CURRENCY', (code) => {
    const result = currencyOf(code);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('MONEY_UNKNOWN_CURRENCY');
    expect(result.rejection.details).toMatchObject({ currency: code });
    expect(isCurrencyCode(code)).toBe(false);
  });
});
