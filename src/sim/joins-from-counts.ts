import { assert } from '../core/rejection.js';
import { periodStartDate } from './cell-model.js';
import type { ScenarioInput } from './scenario-schema.js';

export interface MemberCount {
  readonly date: string;
  readonly members: number;
}

export interface JoinsDerivation {
  readonly start_date: string;
  readonly periods_per_year: number;
  /** Periods the schedule covers; after the last published count one segment carries on to the end. */
  readonly periods: number;
  /** Published member counts, by date ascending; the first is the launch (0 members). */
  readonly counts: readonly MemberCount[];
  /** Yearly share of members assumed to leave at a zero share (the model's base churn): joiners replace them. */
  readonly replacement_per_year: number;
  /** The joiners' mix from a date on (the first entry from the start). */
  readonly mixes: ReadonlyArray<{ readonly from_date: string; readonly mix: NonNullable<ScenarioInput['joins']>[number]['mix'] }>;
}

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Members at a date: linear between the published counts, the last count after the last date. */
export function membersAt(counts: readonly MemberCount[], date: string): number {
  const at = days(date);
  if (at <= days(counts[0]!.date)) return counts[0]!.members;
  for (let index = 1; index < counts.length; index += 1) {
    const right = counts[index]!;
    if (at <= days(right.date)) {
      const left = counts[index - 1]!;
      return left.members + ((right.members - left.members) * (at - days(left.date))) / (days(right.date) - days(left.date));
    }
  }
  return counts[counts.length - 1]!.members;
}

/**
 * The joins schedule as input data, from published member counts: joins in period k =
 * max(0, N(t_{k+1}) − N(t_k)) + replacement · N(t_k) / periods a year, with N linear between the
 * counts. That is the net growth the counts show plus the joiners who replaced the members lost
 * to the base churn; when the counts fall, only the replacement joins. After the last count the
 * replacement of the last count goes on (the forecast's assumption: no growth, no collapse of joins).
 */
export function deriveJoins(derivation: JoinsDerivation): NonNullable<ScenarioInput['joins']> {
  assert(derivation.mixes.length > 0 && derivation.mixes[0]!.from_date <= derivation.start_date, 'a mix from the start');
  const segments: NonNullable<ScenarioInput['joins']> = [];
  const last_count_date = derivation.counts[derivation.counts.length - 1]!.date;
  for (let period = 0; period < derivation.periods; period += 1) {
    const from = periodStartDate(derivation.start_date, period, derivation.periods_per_year);
    const to = periodStartDate(derivation.start_date, period + 1, derivation.periods_per_year);
    const now = membersAt(derivation.counts, from);
    const growth = Math.max(0, membersAt(derivation.counts, to) - now);
    const joins = Math.round(growth + (derivation.replacement_per_year * now) / derivation.periods_per_year);
    const mix = [...derivation.mixes].reverse().find((entry) => entry.from_date <= from)!.mix;
    const after_counts = from > last_count_date;
    // After the last count, one segment repeats this period's joins to the end of the run.
    segments.push({ from_period: period, to_period: after_counts ? derivation.periods - 1 : period, members_per_period: joins, ...(mix === undefined ? {} : { mix }) });
    if (after_counts) break;
  }
  return segments;
}
