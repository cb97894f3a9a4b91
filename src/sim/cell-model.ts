import { assert } from '../core/rejection.js';
import { waitingPeriods, type Scenario } from './scenario-schema.js';

/** Sexes in cell order. */
export const SEXES = ['female', 'male'] as const;
const SEX_COUNT = SEXES.length;
const DAYS_PER_YEAR = 365.2425;

/**
 * A scenario compiled for the inner loop: cohort cells (age band × sex × risk class × tenure slot)
 * in typed arrays, every per-cell probability computed once. Cell index
 * c = ((age · 2 + sex) · risk_count + risk) · slot_count + slot.
 */
export interface CellModel {
  readonly periods: number;
  readonly periods_per_year: number;
  readonly age_count: number;
  readonly risk_count: number;
  readonly slot_count: number;
  readonly cell_count: number;
  /** Cells of one age band: the stride between neighbouring ages. */
  readonly age_stride: number;
  readonly claim_probability: Float64Array;
  readonly death_probability: Float64Array | null;
  /** 1 for the tenure slots inside the waiting period: a diagnosis there ends membership without aid. */
  readonly slot_in_waiting: Uint8Array;
  readonly slot_width_periods: Int32Array;
  /** Share of an age band that moves up one band per period (1 / (band width in years · periods a year)). */
  readonly age_move_fraction: Float64Array;
  readonly aid_by_age_minor: readonly bigint[];
  /** First age band starting at 40 or later (age_count if none): the published "share of patients over 40". */
  readonly age_index_from_40: number;
  readonly churn_factor_by_risk: Float64Array;
  readonly churn_base_per_year: number;
  readonly churn_elasticity: number;
  readonly reference_share_per_year_minor: number;
  /** Whole joiners per period and (age, sex, risk): `joins[period · join_cells + (age · 2 + sex) · risk_count + risk]`. */
  readonly joins: Float64Array;
  readonly initial_counts: Float64Array;
  readonly reduced_aid: ReadonlyArray<{ readonly first_period: number; readonly share_of_cases: number; readonly aid_minor: bigint }>;
  readonly fee_bps: bigint;
  readonly cap_per_year_minor: bigint | null;
  readonly operating_per_period_minor: bigint;
  readonly operating_per_member_per_year_minor: bigint;
  readonly member_threshold: number;
  /** Calendar year of each period's first day, and that day (ISO). */
  readonly year_of_period: Int32Array;
  readonly period_start_dates: readonly string[];
}

/** Linear between the given ages, flat beyond the first and the last. */
export function interpolateByAge(rows: ReadonlyArray<{ age_years: number; per_1000: number }>, age: number): number {
  const first = rows[0]!;
  if (age <= first.age_years) return first.per_1000;
  for (let index = 1; index < rows.length; index += 1) {
    const right = rows[index]!;
    if (age <= right.age_years) {
      const left = rows[index - 1]!;
      return left.per_1000 + ((right.per_1000 - left.per_1000) * (age - left.age_years)) / (right.age_years - left.age_years);
    }
  }
  return rows[rows.length - 1]!.per_1000;
}

/** The selection factor: members who just passed the health declaration fall ill less, wearing off with tenure. */
export function selectionFactor(initial_factor: number, wear_off_days: number, tenure_days: number): number {
  return initial_factor + (1 - initial_factor) * (1 - Math.exp(-tenure_days / wear_off_days));
}

/** The first day of period k: start + ⌊k · 365.2425 / periods_per_year⌋ days (pure date arithmetic, UTC). */
export function periodStartDate(start_date: string, period: number, periods_per_year: number): string {
  const start_ms = Date.parse(`${start_date}T00:00:00Z`);
  const days = Math.floor((period * DAYS_PER_YEAR) / periods_per_year);
  return new Date(start_ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** Largest-remainder split of `total` by weights: whole numbers summing to total, ties to the lower index. */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  assert(sum > 0, 'weights have a positive sum');
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((x, y) => y.remainder - x.remainder || x.index - y.index);
  for (let at = 0; left > 0; at = (at + 1) % order.length, left -= 1) parts[order[at]!.index]! += 1;
  assert(parts.reduce((a, b) => a + b, 0) === total, 'the split sums to the total');
  return parts;
}

function periodProbability(per_year: number, periods_per_year: number): number {
  // A constant hazard over the period: the chance of at least one event.
  return 1 - Math.exp(-per_year / periods_per_year);
}

type JoinerMix = Scenario['joiner_mix'];

function mixWeights(mix: JoinerMix, risk_count: number): number[] {
  const weights: number[] = [];
  for (const age_weight of mix.age_weights) {
    for (const sex_share of [mix.female_share, 1 - mix.female_share]) {
      for (let risk = 0; risk < risk_count; risk += 1) weights.push(age_weight * sex_share * mix.risk_weights[risk]!);
    }
  }
  return weights;
}

export function compileModel(scenario: Scenario, periods: number): CellModel {
  const ppy = scenario.periods_per_year;
  const bands = scenario.age_bands_years;
  const age_count = bands.length;
  const risk_count = scenario.risk_classes.length;
  const slot_count = scenario.tenure_slots_periods.length;
  const age_stride = SEX_COUNT * risk_count * slot_count;
  const cell_count = age_count * age_stride;
  const band_upper = (a: number) => (a + 1 < age_count ? bands[a + 1]! : scenario.max_age_years + 1);

  const slot_start = new Int32Array(slot_count);
  const slot_width_periods = Int32Array.from(scenario.tenure_slots_periods);
  for (let t = 1; t < slot_count; t += 1) slot_start[t] = slot_start[t - 1]! + slot_width_periods[t - 1]!;
  const waiting = waitingPeriods(scenario.rules.waiting_days, ppy);
  const slot_in_waiting = Uint8Array.from(slot_start, (start, t) => (start + slot_width_periods[t]! <= waiting ? 1 : 0));

  // Incidence of a band: the table averaged over the band's whole ages.
  const bandAverage = (rows: ReadonlyArray<{ age_years: number; per_1000: number }>, a: number) => {
    let sum = 0;
    for (let age = bands[a]!; age < band_upper(a); age += 1) sum += interpolateByAge(rows, age);
    return sum / (band_upper(a) - bands[a]!);
  };
  const claim_probability = new Float64Array(cell_count);
  const mortality = scenario.mortality_per_1000_by_age;
  const death_probability = mortality === undefined ? null : new Float64Array(cell_count);
  const sex_factors = [scenario.sex_incidence_factors.female, scenario.sex_incidence_factors.male];
  const { scale, selection } = scenario.incidence;
  for (let a = 0; a < age_count; a += 1) {
    const incidence_per_1000 = bandAverage(scenario.incidence.per_1000_by_age, a);
    const mortality_per_1000 = mortality === undefined ? 0 : bandAverage(mortality, a);
    for (let s = 0; s < SEX_COUNT; s += 1) {
      for (let r = 0; r < risk_count; r += 1) {
        for (let t = 0; t < slot_count; t += 1) {
          const cell = a * age_stride + (s * risk_count + r) * slot_count + t;
          const tenure_days = ((slot_start[t]! + slot_width_periods[t]! / 2) * 365) / ppy;
          const per_year =
            (incidence_per_1000 / 1000) * scale * sex_factors[s]! * scenario.risk_classes[r]!.incidence_factor * selectionFactor(selection.initial_factor, selection.wear_off_days, tenure_days);
          claim_probability[cell] = periodProbability(per_year, ppy);
          if (death_probability !== null) death_probability[cell] = periodProbability(mortality_per_1000 / 1000, ppy);
        }
      }
    }
  }

  const age_move_fraction = Float64Array.from({ length: age_count }, (_, a) => 1 / ((band_upper(a) - bands[a]!) * ppy));
  const aid_by_age_minor = bands.map((lower) => scenario.rules.aid_bands.find((band) => lower <= band.max_age_years)!.aid_minor);

  const join_cells = age_count * SEX_COUNT * risk_count;
  const joins = new Float64Array(periods * join_cells);
  for (const segment of scenario.joins) {
    if (segment.members_per_period === 0) continue;
    const split = splitByWeights(segment.members_per_period, mixWeights(segment.mix ?? scenario.joiner_mix, risk_count));
    for (let period = segment.from_period; period <= Math.min(segment.to_period, periods - 1); period += 1) {
      for (let j = 0; j < join_cells; j += 1) joins[period * join_cells + j]! += split[j]!;
    }
  }

  const initial_counts = new Float64Array(cell_count);
  for (const cohort of scenario.initial_cohorts) {
    let a = 0;
    while (a + 1 < age_count && bands[a + 1]! <= cohort.age_years) a += 1;
    const tenure_periods = Math.floor((cohort.tenure_days * ppy) / 365);
    let t = 0;
    while (t + 1 < slot_count && slot_start[t + 1]! <= tenure_periods) t += 1;
    const r = scenario.risk_classes.findIndex((risk) => risk.name === cohort.risk_class);
    initial_counts[a * age_stride + (SEXES.indexOf(cohort.sex) * risk_count + r) * slot_count + t]! += cohort.members;
  }

  const period_start_dates = Array.from({ length: periods }, (_, k) => periodStartDate(scenario.start_date, k, ppy));
  const year_of_period = Int32Array.from(period_start_dates, (date) => Number(date.slice(0, 4)));
  const reduced_aid = scenario.rules.reduced_aid.map((rule) => {
    const first = period_start_dates.findIndex((date) => date >= rule.from_date);
    return { first_period: first === -1 ? periods : first, share_of_cases: rule.share_of_cases, aid_minor: rule.aid_minor };
  });

  return {
    periods,
    periods_per_year: ppy,
    age_count,
    risk_count,
    slot_count,
    cell_count,
    age_stride,
    claim_probability,
    death_probability,
    slot_in_waiting,
    slot_width_periods,
    age_move_fraction,
    aid_by_age_minor,
    age_index_from_40: bands.findIndex((lower) => lower >= 40) === -1 ? age_count : bands.findIndex((lower) => lower >= 40),
    churn_factor_by_risk: Float64Array.from(scenario.risk_classes, (risk) => risk.churn_factor),
    churn_base_per_year: scenario.churn.base_per_year,
    churn_elasticity: scenario.churn.elasticity,
    reference_share_per_year_minor: Number(scenario.churn.reference_share_per_year_minor),
    joins,
    initial_counts,
    reduced_aid,
    fee_bps: BigInt(scenario.rules.fee_bps),
    cap_per_year_minor: scenario.rules.cap_per_year_minor,
    operating_per_period_minor: scenario.operating_cost.per_period_minor,
    operating_per_member_per_year_minor: scenario.operating_cost.per_member_per_year_minor,
    member_threshold: scenario.member_threshold,
    year_of_period,
    period_start_dates,
  };
}
