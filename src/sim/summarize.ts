import { assert } from '../core/rejection.js';
import type { CellModel } from './cell-model.js';
import { bandOf, type Band } from './quantiles.js';
import { METRIC_COUNT, metricIndex, type PeriodMetric } from './simulate-path.js';

/** Per period, the band (P5/P50/P95 over paths) of each of these. */
export const BANDED_METRICS = ['share_per_member_minor', 'members', 'incidence_per_100k', 'cases', 'backstop_minor', 'operator_margin_minor'] as const satisfies readonly PeriodMetric[];

export type PeriodSummary = { readonly period: number; readonly start_date: string; readonly year: number } & {
  readonly [name in (typeof BANDED_METRICS)[number]]: Band;
} & {
  /** Share of paths whose share hit the yearly cap in this period (the backstop paid). */
  readonly probability_cap_crossed: number;
  /** Share of paths ending this period with fewer members than the scenario's threshold. */
  readonly probability_below_threshold: number;
};

export interface YearSummary {
  readonly year: number;
  readonly periods: number;
  /** What a member covered all year shared: the sum of the year's shares per member. */
  readonly cost_per_member_minor: Band;
  /** Aided cases (each ends one membership). */
  readonly people_helped: Band;
  readonly members_end: Band;
  readonly backstop_minor: Band;
  readonly operator_margin_minor: Band;
  /** Aided cases aged 40 or more at diagnosis, as a share of all aided cases (0 when none). */
  readonly share_of_cases_aged_40_plus: Band;
}

export interface SimulationSummary {
  readonly paths: number;
  readonly periods: PeriodSummary[];
  readonly years: YearSummary[];
  /** Share of paths in which the cap was hit at least once. */
  readonly probability_cap_crossed_ever: number;
  /** Share of paths that fell below the threshold after having reached it. */
  readonly probability_fell_below_threshold: number;
}

/** Quantiles over paths, per period and per calendar year. Independent of the order the paths ran in. */
export function summarizePaths(model: CellModel, paths: readonly Float64Array[]): SimulationSummary {
  const count = paths.length;
  assert(count > 0, 'a summary needs paths');
  const column = new Float64Array(count);
  const bandAt = (period: number, metric: PeriodMetric) => {
    for (let p = 0; p < count; p += 1) column[p] = paths[p]![period * METRIC_COUNT + metricIndex[metric]]!;
    return bandOf(column);
  };
  const periods: PeriodSummary[] = [];
  for (let period = 0; period < model.periods; period += 1) {
    let capped = 0;
    let below = 0;
    for (const path of paths) {
      if (path[period * METRIC_COUNT + metricIndex.backstop_minor]! > 0) capped += 1;
      if (path[period * METRIC_COUNT + metricIndex.members]! < model.member_threshold) below += 1;
    }
    const bands = Object.fromEntries(BANDED_METRICS.map((metric) => [metric, bandAt(period, metric)])) as { [name in (typeof BANDED_METRICS)[number]]: Band };
    periods.push({
      period,
      start_date: model.period_start_dates[period]!,
      year: model.year_of_period[period]!,
      ...bands,
      probability_cap_crossed: capped / count,
      probability_below_threshold: below / count,
    });
  }

  const years: YearSummary[] = [];
  for (let first = 0; first < model.periods; ) {
    const year = model.year_of_period[first]!;
    let last = first;
    while (last + 1 < model.periods && model.year_of_period[last + 1] === year) last += 1;
    const perPath = (value: (path: Float64Array) => number) => bandOf(Float64Array.from(paths, value));
    const sum = (path: Float64Array, metric: PeriodMetric) => {
      let total = 0;
      for (let period = first; period <= last; period += 1) total += path[period * METRIC_COUNT + metricIndex[metric]]!;
      return total;
    };
    years.push({
      year,
      periods: last - first + 1,
      cost_per_member_minor: perPath((path) => sum(path, 'share_per_member_minor')),
      people_helped: perPath((path) => sum(path, 'cases')),
      members_end: perPath((path) => path[last * METRIC_COUNT + metricIndex.members]!),
      backstop_minor: perPath((path) => sum(path, 'backstop_minor')),
      operator_margin_minor: perPath((path) => sum(path, 'operator_margin_minor')),
      share_of_cases_aged_40_plus: perPath((path) => {
        const cases = sum(path, 'cases');
        return cases === 0 ? 0 : sum(path, 'cases_aged_40_plus') / cases;
      }),
    });
    first = last + 1;
  }

  let capped_ever = 0;
  let fell_below = 0;
  for (const path of paths) {
    let reached = false;
    let fell = false;
    let capped = false;
    for (let period = 0; period < model.periods; period += 1) {
      const members = path[period * METRIC_COUNT + metricIndex.members]!;
      if (members >= model.member_threshold) reached = true;
      else if (reached) fell = true;
      if (path[period * METRIC_COUNT + metricIndex.backstop_minor]! > 0) capped = true;
    }
    if (capped) capped_ever += 1;
    if (fell) fell_below += 1;
  }
  return { paths: count, periods, years, probability_cap_crossed_ever: capped_ever / count, probability_fell_below_threshold: fell_below / count };
}
