import { assert } from '../core/rejection.js';

export interface Band {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/**
 * The q-quantile of sorted values, linear between order statistics (Hyndman & Fan type 7, the
 * default of R and NumPy): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  assert(sorted.length > 0, 'a quantile needs values');
  assert(q >= 0 && q <= 1, 'q is a probability');
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/** P5, P50 and P95 of the values (which it sorts in place). */
export function bandOf(values: Float64Array): Band {
  values.sort();
  return { p5: quantileOfSorted(values, 0.05), p50: quantileOfSorted(values, 0.5), p95: quantileOfSorted(values, 0.95) };
}
