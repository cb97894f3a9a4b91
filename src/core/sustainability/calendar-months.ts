import type { CalendarDate } from '../members/age.js';
import { daysInMonth } from '../members/age.js';

/**
 * Whole calendar months from one date to a later one, counted as people count a tenure: a month
 * is complete on the same day of the month (not yet on an earlier day). Mirrors ageInYears, so a
 * tenure of 12·k months is exactly an age of k years; the SQL of the metrics uses the same formula.
 */
export function completedMonths(from: CalendarDate, to: CalendarDate): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return to.day < from.day ? months - 1 : months;
}

/** The same day `months` months earlier, on the month's last day when it has fewer days (29 Feb → 28 Feb). */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}
