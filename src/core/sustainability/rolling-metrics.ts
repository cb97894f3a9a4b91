import { assert } from '../rejection.js';
import { breakEvenMembers, daysPerYear, incidenceOverDays, incidenceVsExpectedBps, type CycleMetrics } from './cycle-metrics.js';
import { ageBandOf, ageBands, type AgeBand } from './metric-bands.js';
import { changeBps, ratioBps, twoDecimals } from './ratios.js';
import { selectionMetrics, type FlowGroups, type SelectionMetrics } from './selection-index.js';
import type { SustainabilitySettings } from './sustainability-settings.js';

/** The 12 months that end at a cycle's snapshot, from the stored figures of the cycles in them. */
export interface RollingMetrics {
  /** Exclusive start: the snapshot time 12 months earlier. */
  readonly since_at: string;
  readonly until_at: string;
  readonly cycles: number;
  /** Σ of the cycles' period days: 365 or 366 once the plan has a year of cycles behind it. */
  readonly period_days: number;
  /** The latest cycle at or before since_at, whose figures are "12 months before"; null for a younger plan. */
  readonly reference_cycle_id: string | null;
  /** What a member covered in every cycle paid over the 12 months: Σ of the cycles' share per member. */
  readonly yearly_share_per_member_minor: bigint;
  readonly yearly_share_12m_before_minor: bigint | null;
  readonly yearly_share_change_bps: number | null;
  readonly members_covered: bigint;
  readonly members_12m_before: bigint | null;
  readonly members_change_bps: number | null;
  readonly joins: bigint;
  readonly exits: bigint;
  readonly exits_ever_claimed: bigint;
  readonly cases: bigint;
  readonly cases_aged_40_plus_bps: number | null;
  readonly member_days: bigint;
  readonly incidence_per_100k: number | null;
  readonly expected_incidence_per_100k: number | null;
  readonly incidence_vs_expected_bps: number | null;
  readonly by_age_band: ReadonlyArray<{
    readonly band: AgeBand;
    readonly joins: bigint;
    readonly exits: bigint;
    readonly exits_ever_claimed: bigint;
    readonly cases: bigint;
    readonly member_days: bigint;
    readonly incidence_per_100k: number | null;
  }>;
  readonly backstop_minor: bigint;
  readonly operator: {
    readonly fee_income_minor: bigint;
    /** The window's fee income × 365 ÷ its period days. */
    readonly fee_income_per_year_minor: bigint;
    readonly operating_cost_per_year_minor: bigint;
    readonly margin_per_year_minor: bigint;
    readonly break_even_members: bigint | null;
  };
  readonly selection: SelectionMetrics;
}

export interface StoredCycleMetrics {
  readonly cycle: CycleMetrics;
  readonly rolling: RollingMetrics;
}

export interface RollingInput {
  readonly since_at: string;
  readonly current: CycleMetrics;
  /** The plan's earlier cycles with a snapshot after since_at, in any order. */
  readonly earlier_in_window: readonly CycleMetrics[];
  readonly reference: StoredCycleMetrics | null;
  /** Joiners, leavers and stayers over the 12 months. */
  readonly flows: FlowGroups;
  readonly settings: SustainabilitySettings;
}

function sumOf(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

export function rollingMetrics(input: RollingInput): RollingMetrics {
  const { current, reference } = input;
  const cycles = [...input.earlier_in_window, current];
  assert(
    cycles.every((cycle) => cycle.snapshot_at > input.since_at && cycle.snapshot_at <= current.snapshot_at),
    'the window’s cycles are in the 12 months',
  );
  assert(reference === null || reference.cycle.snapshot_at <= input.since_at, 'the reference cycle is at or before the window');
  const member_days = sumOf(cycles.map((cycle) => cycle.member_days));
  const cases = sumOf(cycles.map((cycle) => cycle.cases));
  const cases_40 = sumOf(cycles.map((cycle) => cycle.cases_aged_40_plus));
  const period_days = cycles.reduce((total, cycle) => total + cycle.period_days, 0);
  // Exposure-weighted: each cycle's members count for the days of its period.
  const expected_weighted = cycles.reduce((total, cycle) => total + cycle.expected_per_1000_sum * cycle.period_days, 0);
  const expected_exact = member_days === 0n ? null : (expected_weighted * 100) / Number(member_days);
  const yearly_share = sumOf(cycles.map((cycle) => cycle.share.share_per_member_minor));
  const yearly_before = reference?.rolling.yearly_share_per_member_minor ?? null;
  const members_before = reference?.cycle.members_covered ?? null;
  const fee_income_minor = sumOf(cycles.map((cycle) => cycle.operator.fee_income_minor));
  const fee_income_per_year_minor = (fee_income_minor * BigInt(daysPerYear)) / BigInt(period_days);
  const operating_cost_per_year_minor = BigInt(input.settings.operating_cost_per_year_minor);

  const joinersIn = (band: AgeBand) => sumOf(input.flows.joiners.filter((entry) => ageBandOf(entry.age_years) === band).map((entry) => entry.members));
  const leaversIn = (band: AgeBand) => input.flows.leavers.filter((entry) => ageBandOf(entry.age_years) === band);
  const by_age_band = ageBands.map(({ band }) => {
    const band_cases = sumOf(cycles.map((cycle) => cycle.by_age_band.find((entry) => entry.band === band)?.cases ?? 0n));
    const band_days = sumOf(cycles.map((cycle) => cycle.by_age_band.find((entry) => entry.band === band)?.member_days ?? 0n));
    const leavers = leaversIn(band);
    return {
      band,
      joins: joinersIn(band),
      exits: sumOf(leavers.map((entry) => entry.members)),
      exits_ever_claimed: sumOf(leavers.filter((entry) => entry.ever_claimed).map((entry) => entry.members)),
      cases: band_cases,
      member_days: band_days,
      incidence_per_100k: incidenceOverDays(band_cases, band_days),
    };
  });

  return {
    since_at: input.since_at,
    until_at: current.snapshot_at,
    cycles: cycles.length,
    period_days,
    reference_cycle_id: reference?.cycle.cycle_id ?? null,
    yearly_share_per_member_minor: yearly_share,
    yearly_share_12m_before_minor: yearly_before,
    yearly_share_change_bps: changeBps(yearly_share, yearly_before),
    members_covered: current.members_covered,
    members_12m_before: members_before,
    members_change_bps: changeBps(current.members_covered, members_before),
    joins: sumOf(by_age_band.map((entry) => entry.joins)),
    exits: sumOf(by_age_band.map((entry) => entry.exits)),
    exits_ever_claimed: sumOf(by_age_band.map((entry) => entry.exits_ever_claimed)),
    cases,
    cases_aged_40_plus_bps: ratioBps(cases_40, cases),
    member_days,
    incidence_per_100k: incidenceOverDays(cases, member_days),
    expected_incidence_per_100k: expected_exact === null ? null : twoDecimals(expected_exact),
    incidence_vs_expected_bps: incidenceVsExpectedBps(cases, member_days, expected_exact),
    by_age_band,
    backstop_minor: sumOf(cycles.map((cycle) => cycle.caps.backstop_minor)),
    operator: {
      fee_income_minor,
      fee_income_per_year_minor,
      operating_cost_per_year_minor,
      margin_per_year_minor: fee_income_per_year_minor - operating_cost_per_year_minor,
      break_even_members: breakEvenMembers(operating_cost_per_year_minor, member_days, fee_income_minor),
    },
    selection: selectionMetrics(input.settings.expected_incidence_per_1000, input.flows),
  };
}
