import type { Band } from '../../sim/quantiles.js';
import type { SimulationSummary } from '../../sim/summarize.js';

/** A band of money in whole minor units, strings of digits as all money on the wire (DESIGN.md). */
export interface MinorBand {
  readonly p5: string;
  readonly p50: string;
  readonly p95: string;
}

/**
 * The simulator's money quantiles are doubles (a share per member is aid ÷ members, rarely whole);
 * on the wire they are rounded to the nearest minor unit, half away from zero, and sent as strings.
 */
export function minorBandOf(band: Band): MinorBand {
  const round = (value: number) => {
    const rounded = Math.sign(value) * Math.round(Math.abs(value));
    return BigInt(Object.is(rounded, -0) ? 0 : rounded).toString();
  };
  return { p5: round(band.p5), p50: round(band.p50), p95: round(band.p95) };
}

/** The summary as the API sends it: the same figures, every `_minor` band as whole minor units in strings. */
export function summaryToWire(summary: SimulationSummary) {
  return {
    paths: summary.paths,
    probability_cap_crossed_ever: summary.probability_cap_crossed_ever,
    probability_fell_below_threshold: summary.probability_fell_below_threshold,
    periods: summary.periods.map((period) => ({
      ...period,
      share_per_member_minor: minorBandOf(period.share_per_member_minor),
      backstop_minor: minorBandOf(period.backstop_minor),
      operator_margin_minor: minorBandOf(period.operator_margin_minor),
    })),
    years: summary.years.map((year) => ({
      ...year,
      cost_per_member_minor: minorBandOf(year.cost_per_member_minor),
      backstop_minor: minorBandOf(year.backstop_minor),
      operator_margin_minor: minorBandOf(year.operator_margin_minor),
    })),
  };
}
