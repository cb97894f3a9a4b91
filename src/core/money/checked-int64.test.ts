import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedAdd, checkedSub, checkedSum, int64MaxMinor, int64MinMinor, isInt64 } from './checked-int64.js';

const int64 = fc.bigInt({ min: int64MinMinor, max: int64MaxMinor });
/** Values near both ends of the range, where overflow happens, as well as anywhere in it. */
const edgy = fc.oneof(int64, fc.bigInt({ min: int64MaxMinor - 1000n, max: int64MaxMinor }), fc.bigInt({ min: int64MinMinor, max: int64MinMinor + 1000n }));

describe('checked int64 arithmetic', () => {
  it('knows the bounds of the range', () => {
    expect(int64MaxMinor).toBe(9_223_372_036_854_775_807n);
    expect(int64MinMinor).toBe(-9_223_372_036_854_775_808n);
    expect(isInt64(int64MaxMinor)).toBe(true);
    expect(isInt64(int64MaxMinor + 1n)).toBe(false);
    expect(isInt64(int64MinMinor - 1n)).toBe(false);
  });

  it('adds exactly when the sum fits and refuses with a stable code when it does not', () => {
    fc.assert(
      fc.property(edgy, edgy, (a, b) => {
        const result = checkedAdd(a, b);
        const exact = a + b;
        if (isInt64(exact)) expect(result).toEqual({ ok: true, value: exact });
        else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.rejection.code).toBe('MONEY_OUT_OF_INT64_RANGE');
            expect(result.rejection.details?.result_minor).toBe(exact.toString());
          }
        }
      }),
    );
  });

  it('subtracts exactly when the difference fits and refuses otherwise', () => {
    fc.assert(
      fc.property(edgy, edgy, (a, b) => {
        const result = checkedSub(a, b);
        expect(result.ok).toBe(isInt64(a - b));
        if (result.ok) expect(result.value).toBe(a - b);
      }),
    );
  });

  it('sums in any order to the same answer, refusing only a total outside the range', () => {
    fc.assert(
      fc.property(fc.array(edgy, { maxLength: 20 }), (values) => {
        const forward = checkedSum(values);
        const backward = checkedSum([...values].reverse());
        expect(backward).toEqual(forward);
        const exact = values.reduce((total, value) => total + value, 0n);
        expect(forward.ok).toBe(isInt64(exact));
        if (forward.ok) expect(forward.value).toBe(exact);
      }),
    );
  });

  it('refuses the 9,300 top-ups of 10^15 that pass 2^63 − 1', () => {
    const top_up_minor = 1_000_000_000_000_000n;
    expect(checkedSum(Array.from({ length: 9_223 }, () => top_up_minor)).ok).toBe(true);
    expect(checkedSum(Array.from({ length: 9_300 }, () => top_up_minor)).ok).toBe(false);
  });
});
