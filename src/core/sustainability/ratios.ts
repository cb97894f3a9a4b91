import { assert } from '../rejection.js';

/**
 * Exact ratios of integer counts and amounts, rounded half up only at the end, so both stores and
 * every run give the same figures (no float enters a count or an amount).
 */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  assert(denominator > 0n, 'a ratio needs a positive denominator');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** numerator / denominator in basis points (10,000 = 1), or null without a denominator. */
export function ratioBps(numerator: bigint, denominator: bigint): number | null {
  if (denominator <= 0n) return null;
  return Number(roundedQuotient(numerator * 10_000n, denominator));
}

/** (now − before) / before in basis points: +10,000 is doubled, −2,000 a fifth less; null when before is 0. */
export function changeBps(now: bigint, before: bigint | null): number | null {
  if (before === null || before <= 0n) return null;
  return ratioBps(now - before, before);
}

/**
 * Cases per 100,000 members a year: `cases` seen over `member_cycles` (Σ covered members over the
 * cycles counted), with `cycles_per_year` cycles making a year. Two decimals, exact.
 */
export function incidencePer100k(cases: bigint, member_cycles: bigint, cycles_per_year: number): number | null {
  if (member_cycles <= 0n) return null;
  const hundredths = roundedQuotient(cases * BigInt(cycles_per_year) * 100_000n * 100n, member_cycles);
  return Number(hundredths) / 100;
}

/** ceil(numerator / denominator) for non-negative numerators; null without a denominator. */
export function ceilQuotient(numerator: bigint, denominator: bigint): bigint | null {
  if (denominator <= 0n) return null;
  assert(numerator >= 0n, 'a non-negative numerator');
  return (numerator + denominator - 1n) / denominator;
}

/** Rounds a float figure (an expected incidence) to two decimals for storage and display. */
export function twoDecimals(value: number): number {
  return Math.round(value * 100) / 100;
}
