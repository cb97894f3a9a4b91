import { displayTimeZone } from './dates';

/** Today's calendar date (YYYY-MM-DD) where the plans keep their calendar, China's. */
export function todayInPlanZone(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The first date on or after `from` (YYYY-MM-DD) whose day of the month is one of `days`: a
 * plan's next notice or collection day. Plans keep their days at 1–28, so every month has them.
 */
export function nextDayOfMonth(days: readonly number[], from: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  if (match === null || days.length === 0) return undefined;
  const sorted = [...days].sort((a, b) => a - b);
  let year = Number(match[1]);
  let month = Number(match[2]);
  const today = Number(match[3]);
  let day = sorted.find((candidate) => candidate >= today);
  if (day === undefined) {
    day = sorted[0]!;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The snapshot day a cycle id ends in (`critical-illness-20261121` → 2026-11-21). */
export function cycleDay(cycle_id: string): string | undefined {
  const match = /-(\d{4})(\d{2})(\d{2})$/.exec(cycle_id);
  return match === null ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}
