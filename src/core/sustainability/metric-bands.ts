/**
 * The age and tenure bands the sustainability metrics count by. Age bands follow the reference
 * plan's aid bands (≤ 39, 40–59) split by decade; tenure bands follow the waiting period's cohort
 * effect (a new member's declaration is fresh, and it wears off over the first two years).
 */
export const ageBands = [
  { band: '0-29', min_age_years: 0 },
  { band: '30-39', min_age_years: 30 },
  { band: '40-49', min_age_years: 40 },
  { band: '50-59', min_age_years: 50 },
  { band: '60+', min_age_years: 60 },
] as const;
export type AgeBand = (typeof ageBands)[number]['band'];

export const tenureBands = [
  { band: '0-3', min_months: 0 },
  { band: '3-12', min_months: 3 },
  { band: '12-24', min_months: 12 },
  { band: '24+', min_months: 24 },
] as const;
export type TenureBand = (typeof tenureBands)[number]['band'];

/** The age from which cases count as "aged 40+" (the reference plan's lower aid band). */
export const olderCaseAgeYears = 40;

function lastAtOrBelow<T extends { readonly band: string }>(bands: readonly T[], value: number, lower: (band: T) => number): T {
  let found = bands[0]!;
  for (const band of bands) if (value >= lower(band)) found = band;
  return found;
}

export function ageBandOf(age_years: number): AgeBand {
  return lastAtOrBelow(ageBands, age_years, (band) => band.min_age_years).band;
}

export function tenureBandOf(tenure_months: number): TenureBand {
  return lastAtOrBelow(tenureBands, tenure_months, (band) => band.min_months).band;
}
