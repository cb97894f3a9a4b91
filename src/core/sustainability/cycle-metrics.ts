import { assert } from '../rejection.js';
import { expectedSumOf, type AgeCount } from './expected-incidence.js';
import { ageBandOf, ageBands, olderCaseAgeYears, tenureBandOf, tenureBands, type AgeBand, type TenureBand } from './metric-bands.js';
import { ceilQuotient, incidencePer100k, ratioBps, twoDecimals } from './ratios.js';
import { selectionMetrics, type FlowGroups, type SelectionMetrics } from './selection-index.js';
import type { SustainabilitySettings } from './sustainability-settings.js';

/** Days in the year that incidences, fees and costs are annualised to. */
export const daysPerYear = 365;

/** A completed cycle's own figures, from its row. */
export interface CycleFacts {
  readonly cycle_id: string;
  readonly sequence: number;
  readonly snapshot_at: string;
  /** The period the cycle's cases arose in: since the previous cycle's snapshot, or the schedule's previous notice day. */
  readonly period_start_at: string;
  readonly period_days: number;
  readonly member_count: bigint;
  readonly share_total_minor: bigint;
  readonly aid_total_minor: bigint;
  readonly total_minor: bigint;
  /** The management fee moved to the operator (after a "reduce_aid" cut). */
  readonly fee_income_minor: bigint;
  readonly backstop_minor: bigint;
}

/** Covered members at the snapshot, by age (years, at the snapshot) and tenure band. */
export interface CoveredGroup {
  readonly age_years: number;
  readonly tenure_band: TenureBand;
  readonly members: bigint;
}

/** One case of the cycle: age at diagnosis, and whole months from the join to the diagnosis. */
export interface CaseFact {
  readonly age_years: number;
  readonly tenure_months: number;
}

export interface CycleMetricsInput {
  readonly facts: CycleFacts;
  readonly settings: SustainabilitySettings;
  readonly covered: readonly CoveredGroup[];
  readonly cases: readonly CaseFact[];
  /** Joiners, leavers and stayers since the previous cycle's snapshot. */
  readonly flows: FlowGroups;
  /** Members whose share this cycle the caps held back. */
  readonly members_capped: bigint;
  /** Members who have paid the yearly cap this calendar year, this cycle included; null when the plan has no yearly cap. */
  readonly members_at_year_cap: bigint | null;
}

export interface AgeBandFigures {
  readonly band: AgeBand;
  readonly covered: bigint;
  readonly joins: bigint;
  readonly exits: bigint;
  readonly exits_ever_claimed: bigint;
  readonly cases: bigint;
  /** Σ covered × period days: the band's exposure, for the 12-month figures. */
  readonly member_days: bigint;
  readonly incidence_per_100k: number | null;
  readonly expected_per_100k: number | null;
}

export interface TenureBandFigures {
  readonly band: TenureBand;
  readonly covered: bigint;
  readonly cases: bigint;
  readonly member_days: bigint;
  readonly incidence_per_100k: number | null;
}

export interface CycleMetrics {
  readonly cycle_id: string;
  readonly sequence: number;
  readonly snapshot_at: string;
  readonly period_start_at: string;
  readonly period_days: number;
  readonly members_covered: bigint;
  readonly joins: bigint;
  readonly exits: bigint;
  readonly exits_ever_claimed: bigint;
  readonly cases: bigint;
  readonly cases_aged_40_plus: bigint;
  readonly cases_aged_40_plus_bps: number | null;
  readonly member_days: bigint;
  /** Cases per 100,000 covered members a year: cases × 365 × 100,000 / (covered × period days). */
  readonly incidence_per_100k: number | null;
  readonly expected_incidence_per_100k: number | null;
  /** Σ over covered members of their expected cases per 1,000 a year (for exposure-weighted 12-month means). */
  readonly expected_per_1000_sum: number;
  readonly incidence_vs_expected_bps: number | null;
  readonly by_age_band: readonly AgeBandFigures[];
  readonly by_tenure_band: readonly TenureBandFigures[];
  readonly share: {
    readonly aid_total_minor: bigint;
    readonly total_minor: bigint;
    readonly share_total_minor: bigint;
    /** Σ shares ÷ covered members, rounded down. */
    readonly share_per_member_minor: bigint;
  };
  readonly caps: {
    readonly members_capped: bigint;
    readonly members_at_year_cap: bigint | null;
    readonly members_at_year_cap_bps: number | null;
    readonly backstop_minor: bigint;
  };
  readonly operator: {
    readonly fee_income_minor: bigint;
    /** The yearly operating cost's part for the cycle's period days, rounded down. */
    readonly operating_cost_minor: bigint;
    readonly margin_minor: bigint;
    /** Members at which the fee would pay the cost: ⌈cost a year × member days ÷ (fee × 365)⌉; null without fee income. */
    readonly break_even_members: bigint | null;
  };
  readonly selection: SelectionMetrics;
}

function sumOf(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** Incidence from an exposure in member-days: cases × 365 × 100,000 / member_days (cycles_per_year 365 of one day each). */
export function incidenceOverDays(cases: bigint, member_days: bigint): number | null {
  return incidencePer100k(cases, member_days, daysPerYear);
}

/** Break-even members of a window: ⌈cost_per_year × member_days ÷ (fee × 365)⌉. */
export function breakEvenMembers(operating_cost_per_year_minor: bigint, member_days: bigint, fee_income_minor: bigint): bigint | null {
  if (operating_cost_per_year_minor === 0n) return 0n;
  return ceilQuotient(operating_cost_per_year_minor * member_days, fee_income_minor * BigInt(daysPerYear));
}

export function incidenceVsExpectedBps(cases: bigint, member_days: bigint, expected_per_100k: number | null): number | null {
  if (member_days <= 0n || expected_per_100k === null || expected_per_100k <= 0) return null;
  const observed = (Number(cases) * daysPerYear * 100_000) / Number(member_days);
  return Math.round((observed / expected_per_100k) * 10_000);
}

/**
 * A cycle's sustainability figures from its row and the store's aggregates: members and flows by
 * age band, incidence by age and tenure against the plan's table, shares, caps, the operator's
 * economics and the selection indices. Pure: the same aggregates give the same figures.
 */
export function cycleMetrics(input: CycleMetricsInput): CycleMetrics {
  const { facts, settings } = input;
  assert(facts.period_days > 0, 'a cycle period has at least one day');
  const period_days = BigInt(facts.period_days);
  const table = settings.expected_incidence_per_1000;
  const covered = sumOf(input.covered.map((group) => group.members));
  assert(covered === facts.member_count, 'the covered groups add up to the cycle’s members');
  const member_days = covered * period_days;
  const cases = BigInt(input.cases.length);
  const cases_aged_40_plus = BigInt(input.cases.filter((entry) => entry.age_years >= olderCaseAgeYears).length);

  const coveredAges: AgeCount[] = input.covered.map((group) => ({ age_years: group.age_years, members: group.members }));
  const expected = expectedSumOf(table, coveredAges);
  const expected_exact = covered === 0n ? null : (expected.per_1000_sum * 100) / Number(covered);

  const by_age_band = ageBands.map(({ band }): AgeBandFigures => {
    const inBand = <T extends { age_years: number }>(entry: T) => ageBandOf(entry.age_years) === band;
    const band_covered = sumOf(input.covered.filter(inBand).map((group) => group.members));
    const band_cases = BigInt(input.cases.filter(inBand).length);
    const leavers = input.flows.leavers.filter(inBand);
    const band_expected = expectedSumOf(table, coveredAges.filter(inBand));
    return {
      band,
      covered: band_covered,
      joins: sumOf(input.flows.joiners.filter(inBand).map((entry) => entry.members)),
      exits: sumOf(leavers.map((entry) => entry.members)),
      exits_ever_claimed: sumOf(leavers.filter((entry) => entry.ever_claimed).map((entry) => entry.members)),
      cases: band_cases,
      member_days: band_covered * period_days,
      incidence_per_100k: incidenceOverDays(band_cases, band_covered * period_days),
      expected_per_100k: band_covered === 0n ? null : twoDecimals((band_expected.per_1000_sum * 100) / Number(band_covered)),
    };
  });
  const by_tenure_band = tenureBands.map(({ band }): TenureBandFigures => {
    const band_covered = sumOf(input.covered.filter((group) => group.tenure_band === band).map((group) => group.members));
    const band_cases = BigInt(input.cases.filter((entry) => tenureBandOf(entry.tenure_months) === band).length);
    return { band, covered: band_covered, cases: band_cases, member_days: band_covered * period_days, incidence_per_100k: incidenceOverDays(band_cases, band_covered * period_days) };
  });

  const operating_cost_per_year_minor = BigInt(settings.operating_cost_per_year_minor);
  const operating_cost_minor = (operating_cost_per_year_minor * period_days) / BigInt(daysPerYear);
  const joins = sumOf(by_age_band.map((entry) => entry.joins));
  const exits = sumOf(by_age_band.map((entry) => entry.exits));
  assert(sumOf(by_age_band.map((entry) => entry.cases)) === cases, 'every case is in one age band');
  assert(sumOf(by_tenure_band.map((entry) => entry.covered)) === covered, 'every covered member is in one tenure band');
  return {
    cycle_id: facts.cycle_id,
    sequence: facts.sequence,
    snapshot_at: facts.snapshot_at,
    period_start_at: facts.period_start_at,
    period_days: facts.period_days,
    members_covered: covered,
    joins,
    exits,
    exits_ever_claimed: sumOf(by_age_band.map((entry) => entry.exits_ever_claimed)),
    cases,
    cases_aged_40_plus,
    cases_aged_40_plus_bps: ratioBps(cases_aged_40_plus, cases),
    member_days,
    incidence_per_100k: incidenceOverDays(cases, member_days),
    expected_incidence_per_100k: expected_exact === null ? null : twoDecimals(expected_exact),
    expected_per_1000_sum: expected.per_1000_sum,
    incidence_vs_expected_bps: incidenceVsExpectedBps(cases, member_days, expected_exact),
    by_age_band,
    by_tenure_band,
    share: {
      aid_total_minor: facts.aid_total_minor,
      total_minor: facts.total_minor,
      share_total_minor: facts.share_total_minor,
      share_per_member_minor: covered === 0n ? 0n : facts.share_total_minor / covered,
    },
    caps: {
      members_capped: input.members_capped,
      members_at_year_cap: input.members_at_year_cap,
      members_at_year_cap_bps: input.members_at_year_cap === null ? null : ratioBps(input.members_at_year_cap, covered),
      backstop_minor: facts.backstop_minor,
    },
    operator: {
      fee_income_minor: facts.fee_income_minor,
      operating_cost_minor,
      margin_minor: facts.fee_income_minor - operating_cost_minor,
      break_even_members: breakEvenMembers(operating_cost_per_year_minor, member_days, facts.fee_income_minor),
    },
    selection: selectionMetrics(table, input.flows),
  };
}
