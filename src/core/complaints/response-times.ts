import { assert } from '../rejection.js';

/**
 * Median and 95th percentile of response times, by the nearest-rank method: the value at rank
 * ceil(p·n) of the sorted list, so every figure reported is a time some complaint really took.
 */
export function nearestRank(sorted_ms: readonly number[], percent: number): number | null {
  assert(percent > 0 && percent <= 100, 'a percentile is in (0, 100]');
  if (sorted_ms.length === 0) return null;
  const rank = Math.ceil((percent / 100) * sorted_ms.length);
  const value = sorted_ms[rank - 1];
  assert(value !== undefined, 'the rank is within the list');
  return value;
}

export interface ResponseTimeSummary {
  readonly responded: number;
  readonly median_ms: number | null;
  readonly p95_ms: number | null;
  readonly max_ms: number | null;
}

export function summarizeResponseTimes(durations_ms: readonly number[]): ResponseTimeSummary {
  assert(durations_ms.every((ms) => Number.isFinite(ms) && ms >= 0), 'a response comes after its filing');
  const sorted_ms = [...durations_ms].sort((a, b) => a - b);
  return {
    responded: sorted_ms.length,
    median_ms: nearestRank(sorted_ms, 50),
    p95_ms: nearestRank(sorted_ms, 95),
    max_ms: sorted_ms.at(-1) ?? null,
  };
}
