import type { SustainabilitySettings } from './sustainability-settings.js';

export type IncidenceTable = SustainabilitySettings['expected_incidence_per_1000'];

/** Expected cases per 1,000 a year at an age: linear between the table's points, flat beyond its ends. */
export function expectedPer1000At(table: IncidenceTable, age_years: number): number {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (age_years <= first.age_years) return first.per_1000;
  if (age_years >= last.age_years) return last.per_1000;
  const upper = table.findIndex((point) => point.age_years >= age_years);
  const [low, high] = [table[upper - 1]!, table[upper]!];
  return low.per_1000 + ((high.per_1000 - low.per_1000) * (age_years - low.age_years)) / (high.age_years - low.age_years);
}

export interface AgeCount {
  readonly age_years: number;
  readonly members: bigint;
}

/** Σ over members of their expected cases per 1,000 a year, and how many members that is. */
export interface ExpectedSum {
  readonly members: bigint;
  readonly per_1000_sum: number;
}

export function expectedSumOf(table: IncidenceTable, ages: readonly AgeCount[]): ExpectedSum {
  let members = 0n;
  let per_1000_sum = 0;
  for (const entry of ages) {
    members += entry.members;
    per_1000_sum += expectedPer1000At(table, entry.age_years) * Number(entry.members);
  }
  return { members, per_1000_sum };
}

/** The group's mean expected incidence per 100,000 a year, or null for an empty group. */
export function meanExpectedPer100k(sum: ExpectedSum): number | null {
  return sum.members === 0n ? null : (sum.per_1000_sum * 100) / Number(sum.members);
}
