import { assert } from '../core/rejection.js';
import type { CellModel } from './cell-model.js';
import { Draws, pathGenerator } from './random-draws.js';

/** The figures of one period of one path, in this order in the engine's Float64Array. */
export const PERIOD_METRICS = [
  'share_per_member_minor',
  'members',
  'incidence_per_100k',
  'cases',
  'backstop_minor',
  'operator_margin_minor',
  'aid_minor',
  'fee_minor',
  'shares_minor',
  'joins',
  'exits',
  'ended_by_claim',
  'deaths',
  'waiting_diagnoses',
  'cases_aged_40_plus',
] as const;
export type PeriodMetric = (typeof PERIOD_METRICS)[number];
export const METRIC_COUNT = PERIOD_METRICS.length;
export const metricIndex = Object.fromEntries(PERIOD_METRICS.map((name, index) => [name, index])) as Record<PeriodMetric, number>;

/** One period with its money exact, for tests and callers that check the identities themselves. */
export interface PeriodRecord {
  readonly period: number;
  readonly members_start: number;
  readonly joins: number;
  /** Churn, ageing out, and diagnoses inside the waiting period (membership ends without aid). */
  readonly exits: number;
  readonly ended_by_claim: number;
  readonly deaths: number;
  readonly members_end: number;
  readonly payers: number;
  readonly aid_minor: bigint;
  readonly fee_minor: bigint;
  readonly shares_minor: bigint;
  readonly backstop_minor: bigint;
  readonly operating_cost_minor: bigint;
  readonly operator_margin_minor: bigint;
  /** What one member paid this period under the cap (rounded up), and the cap room left after it. */
  readonly share_per_member_ceil_minor: bigint;
  readonly cap_room_after_minor: bigint | null;
}

export interface PathResult {
  /** periods × METRIC_COUNT, period-major. */
  readonly metrics: Float64Array;
  readonly draws: number;
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * One Monte Carlo path. Per period, on the members covered at its start:
 *   1. diagnoses ~ Binomial(n, p_cell); inside the waiting period they end membership without aid
 *      (the plan refunds their shares; the simulator ignores that small refund), after it they get
 *      the aid of their age band and end membership (one aid per member);
 *   2. deaths (when the scenario has a mortality table) end membership;
 *   3. churn ~ Binomial(rest, p_churn(risk, trailing-year share));
 *   4. money: aid (reduced aid for a drawn share of cases), fee = ⌊aid · fee_bps / 10⁴⌋, shares =
 *      min(aid + fee, payers · cap room), backstop = the rest (the operator pays it);
 *   5. ageing and tenure: a band's 1/(width · periods a year) moves up (whole members, the fraction
 *      carried to the next period), the last band ages out; width-1 tenure slots move whole;
 *   6. this period's joiners enter tenure slot 0, so their first period at risk is the next one.
 * Everyone covered at the start shares (as Huzhu's rules: waiting members share and get a refund).
 */
export function simulatePath(
  model: CellModel,
  seed: number,
  path_index: number,
  onPeriod?: (record: PeriodRecord) => void,
): PathResult {
  const draws = new Draws(pathGenerator(seed, path_index));
  const { cell_count, age_count, age_stride, slot_count, risk_count, periods, periods_per_year } = model;
  const counts = Float64Array.from(model.initial_counts);
  const age_carry = new Float64Array(cell_count);
  const slot_carry = new Float64Array(cell_count);
  const cases_by_age = new Float64Array(age_count);
  const churn_probability = new Float64Array(risk_count);
  const metrics = new Float64Array(periods * METRIC_COUNT);
  // Shares per member over the trailing year, for churn: a ring of periods_per_year values.
  const trailing = new Float64Array(periods_per_year);
  let trailing_sum = 0;
  let members = counts.reduce((a, b) => a + b, 0);
  let cap_year = -1;
  let cap_room: bigint | null = null;
  const join_cells = age_count * 2 * risk_count;

  for (let period = 0; period < periods; period += 1) {
    const year = model.year_of_period[period]!;
    if (year !== cap_year) {
      cap_year = year;
      cap_room = model.cap_per_year_minor;
    }
    const members_start = members;
    const hazard_scale = 1 + (model.churn_elasticity * trailing_sum) / model.reference_share_per_year_minor;
    for (let r = 0; r < risk_count; r += 1) {
      churn_probability[r] = 1 - Math.exp(-(model.churn_base_per_year * model.churn_factor_by_risk[r]! * hazard_scale) / periods_per_year);
    }
    cases_by_age.fill(0);
    let waiting_diagnoses = 0;
    let deaths = 0;
    let churned = 0;
    for (let cell = 0; cell < cell_count; cell += 1) {
      let n = counts[cell]!;
      if (n === 0) continue;
      const diagnosed = draws.binomial(n, model.claim_probability[cell]!);
      if (model.slot_in_waiting[cell % slot_count] === 1) waiting_diagnoses += diagnosed;
      else cases_by_age[(cell / age_stride) | 0]! += diagnosed;
      n -= diagnosed;
      if (model.death_probability !== null) {
        const died = draws.binomial(n, model.death_probability[cell]!);
        deaths += died;
        n -= died;
      }
      const left = draws.binomial(n, churn_probability[((cell / slot_count) | 0) % risk_count]!);
      churned += left;
      counts[cell] = n - left;
    }

    // Money, exact in minor units.
    let aid_minor = 0n;
    let cases = 0;
    let cases_older = 0;
    for (let a = 0; a < age_count; a += 1) {
      let full = cases_by_age[a]!;
      cases += full;
      if (a >= model.age_index_from_40) cases_older += full;
      for (const rule of model.reduced_aid) {
        if (period < rule.first_period || full === 0) continue;
        const reduced = draws.binomial(full, rule.share_of_cases);
        aid_minor += BigInt(reduced) * rule.aid_minor;
        full -= reduced;
      }
      aid_minor += BigInt(full) * model.aid_by_age_minor[a]!;
    }
    const fee_minor = (aid_minor * model.fee_bps) / 10_000n; // rounded down: the fee never exceeds its rate
    const due_minor = aid_minor + fee_minor;
    const payers = BigInt(members_start);
    assert(due_minor === 0n || payers > 0n, 'cases come from covered members, so there are payers');
    const room_total: bigint | null = cap_room === null ? null : payers * cap_room;
    const shares_minor: bigint = room_total !== null && room_total < due_minor ? room_total : due_minor;
    const backstop_minor = due_minor - shares_minor;
    assert(shares_minor + backstop_minor === aid_minor + fee_minor && backstop_minor >= 0n, 'shares + backstop = aid + fee');
    const share_ceil: bigint = payers === 0n ? 0n : ceilDivide(shares_minor, payers);
    if (cap_room !== null) cap_room = cap_room > share_ceil ? cap_room - share_ceil : 0n;
    const operating_cost_minor = model.operating_per_period_minor + (model.operating_per_member_per_year_minor * payers) / BigInt(periods_per_year);
    const operator_margin_minor = fee_minor - backstop_minor - operating_cost_minor;

    // Ageing (oldest band first, so nobody moves twice), then tenure (last slot first).
    let aged_out = 0;
    for (let a = age_count - 1; a >= 0; a -= 1) {
      const fraction = model.age_move_fraction[a]!;
      for (let within = 0; within < age_stride; within += 1) {
        const cell = a * age_stride + within;
        const exact = counts[cell]! * fraction + age_carry[cell]!;
        const moved = Math.min(Math.floor(exact), counts[cell]!);
        age_carry[cell] = exact - moved;
        if (moved === 0) continue;
        counts[cell]! -= moved;
        if (a === age_count - 1) aged_out += moved;
        else counts[cell + age_stride]! += moved;
      }
    }
    for (let group = 0; group < cell_count; group += slot_count) {
      for (let t = slot_count - 2; t >= 0; t -= 1) {
        const cell = group + t;
        const width = model.slot_width_periods[t]!;
        let moved = counts[cell]!;
        if (width > 1) {
          const exact = moved / width + slot_carry[cell]!;
          moved = Math.min(Math.floor(exact), counts[cell]!);
          slot_carry[cell] = exact - moved;
        }
        counts[cell]! -= moved;
        counts[cell + 1]! += moved;
      }
    }
    let joins = 0;
    const join_base = period * join_cells;
    for (let j = 0; j < join_cells; j += 1) {
      const joining = model.joins[join_base + j]!;
      counts[j * slot_count]! += joining;
      joins += joining;
    }
    let members_end = 0;
    for (let cell = 0; cell < cell_count; cell += 1) members_end += counts[cell]!;
    const exits = churned + aged_out + waiting_diagnoses;
    assert(members_start + joins - exits - cases - deaths === members_end, 'start + joins − exits − ended by claim or death = end');
    members = members_end;

    const share_per_member = payers === 0n ? 0 : Number(shares_minor) / members_start;
    trailing_sum += share_per_member - trailing[period % periods_per_year]!;
    trailing[period % periods_per_year] = share_per_member;
    const at = period * METRIC_COUNT;
    metrics[at + 0] = share_per_member;
    metrics[at + 1] = members_end;
    metrics[at + 2] = members_start === 0 ? 0 : ((cases + waiting_diagnoses) / members_start) * periods_per_year * 100_000;
    metrics[at + 3] = cases;
    metrics[at + 4] = Number(backstop_minor);
    metrics[at + 5] = Number(operator_margin_minor);
    metrics[at + 6] = Number(aid_minor);
    metrics[at + 7] = Number(fee_minor);
    metrics[at + 8] = Number(shares_minor);
    metrics[at + 9] = joins;
    metrics[at + 10] = exits;
    metrics[at + 11] = cases;
    metrics[at + 12] = deaths;
    metrics[at + 13] = waiting_diagnoses;
    metrics[at + 14] = cases_older;
    onPeriod?.({
      period,
      members_start,
      joins,
      exits,
      ended_by_claim: cases,
      deaths,
      members_end,
      payers: members_start,
      aid_minor,
      fee_minor,
      shares_minor,
      backstop_minor,
      operating_cost_minor,
      operator_margin_minor,
      share_per_member_ceil_minor: share_ceil,
      cap_room_after_minor: cap_room,
    });
  }
  return { metrics, draws: draws.draws };
}
