import type { StoredCycleMetrics } from '../../core/sustainability/rolling-metrics.js';

/**
 * Stored and sent metrics are JSON with every bigint (counts, amounts) as a string of digits, as
 * the API sends money. No text field of the metrics is a string of digits only (ids carry the plan,
 * bands carry a dash or a plus), so reading turns exactly those strings back into bigints.
 */
const digits = /^-?\d+$/;

export function toWire<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? entry.toString() : entry)));
}

export function metricsToJson(metrics: StoredCycleMetrics): string {
  return JSON.stringify(toWire(metrics));
}

export function metricsFromJson(text: string): StoredCycleMetrics {
  return JSON.parse(text, (_key, entry: unknown) => (typeof entry === 'string' && digits.test(entry) ? BigInt(entry) : entry)) as StoredCycleMetrics;
}
