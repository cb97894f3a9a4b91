import { ageInYears, daysInMonth, formatCalendarDate, type CalendarDate } from '../members/age.js';
import type { PlanRulesJson } from '../plans/plan-rules.js';
import { assert } from '../rejection.js';

/**
 * The latest birth date of someone who is at least `age_years` old on `on`: a member is younger
 * than that age exactly when born after it. Lets SQL weigh millions of members by comparing
 * ISO birth dates as text, with the same ages as ageInYears (29 February birthdays included).
 */
export function latestBirthDateForAge(age_years: number, on: CalendarDate): CalendarDate {
  const year = on.year - age_years;
  const candidate = { year, month: on.month, day: Math.min(on.day, daysInMonth(year, on.month)) };
  assert(ageInYears(candidate, on) === age_years, 'the candidate birth date has the age');
  return candidate;
}

export interface WeightBandByBirth {
  /** Members born strictly after this date (YYYY-MM-DD) are in the band, unless an earlier band took them. */
  readonly born_after: string | null;
  readonly weight: bigint;
}

/**
 * The plan's age-band share weights as birth-date bands on the snapshot date, youngest first; the
 * last band (born_after null) takes everyone older, as shareWeightForAge does. Equal shares: one
 * band of weight 1.
 */
export function weightBandsByBirthDate(share_weights: PlanRulesJson['share_weights'], on: CalendarDate): WeightBandByBirth[] {
  if (share_weights === null || share_weights.length === 0) return [{ born_after: null, weight: 1n }];
  return share_weights.map((band, index) => ({
    born_after: index === share_weights.length - 1 ? null : formatCalendarDate(latestBirthDateForAge(band.max_age_years + 1, on)),
    weight: BigInt(band.weight),
  }));
}

/** The export's weight_scheme: "equal", or the bands as `age_bands:≤39=1,≤59=2`. */
export function weightSchemeName(share_weights: PlanRulesJson['share_weights']): string {
  if (share_weights === null || share_weights.length === 0) return 'equal';
  return `age_bands:${share_weights.map((band) => `<=${band.max_age_years}=${band.weight}`).join(',')}`;
}
