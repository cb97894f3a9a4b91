import fc from 'fast-check';
import { expect, it } from 'vitest';
import { bandOf, quantileOfSorted } from './quantiles.js';

it('interpolates between order statistics (type 7, as R and NumPy)', () => {
  const sorted = [1, 2, 3, 4, 10];
  expect(quantileOfSorted(sorted, 0)).toBe(1);
  expect(quantileOfSorted(sorted, 1)).toBe(10);
  expect(quantileOfSorted(sorted, 0.5)).toBe(3);
  // h = 4 · 0.95 = 3.8: 4 + 0.8 · (10 − 4)
  expect(quantileOfSorted(sorted, 0.95)).toBeCloseTo(8.8, 12);
  // h = 4 · 0.05 = 0.2: 1 + 0.2 · (2 − 1)
  expect(quantileOfSorted(sorted, 0.05)).toBeCloseTo(1.2, 12);
  expect(quantileOfSorted([7], 0.05)).toBe(7);
  expect(bandOf(Float64Array.from([4, 1, 3, 2]))).toEqual({ p5: 1.15, p50: 2.5, p95: 3.8499999999999996 });
});

it('lies between the smallest and largest value and rises with q', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q1, q2) => {
      const sorted = Float64Array.from(values).sort();
      const low = quantileOfSorted(sorted, Math.min(q1, q2));
      const high = quantileOfSorted(sorted, Math.max(q1, q2));
      expect(low).toBeGreaterThanOrEqual(sorted[0]!);
      expect(high).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      expect(low).toBeLessThanOrEqual(high + 1e-9 * Math.abs(high));
    }),
  );
});

it('refuses an empty set and a q outside [0, 1]', () => {
  expect(() => quantileOfSorted([], 0.5)).toThrow(/needs values/);
  expect(() => quantileOfSorted([1], 1.5)).toThrow(/probability/);
});
