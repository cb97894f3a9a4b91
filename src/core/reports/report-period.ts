import { addDays, daysBetween, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../members/age.js';
import { ok, reject, type Result } from '../rejection.js';

/**
 * The period a supervisor report covers: a calendar month, or any run of whole UTC days on demand.
 * Both become [from_at, to_at): instants that compare as text with the store's ISO times.
 */
export interface ReportPeriod {
  readonly kind: 'month' | 'range';
  /** YYYY-MM for a monthly report, else null. */
  readonly month: string | null;
  /** First UTC day included (YYYY-MM-DD). */
  readonly from: string;
  /** Last UTC day included (YYYY-MM-DD). */
  readonly to: string;
  readonly from_at: string;
  /** Exclusive: midnight after the last day. */
  readonly to_at: string;
  readonly days: number;
}

/** A longer period would make the per-state figures of a whole year and more unreadable, and its queries unbounded. */
export const maxReportDays = 366;

export type ReportPeriodCode = 'REPORT_BAD_PERIOD';

const monthPattern = /^(\d{4})-(\d{2})$/;

function instantOf(date: CalendarDate): string {
  return `${formatCalendarDate(date)}T00:00:00.000Z`;
}

function periodOf(kind: ReportPeriod['kind'], first: CalendarDate, last: CalendarDate): ReportPeriod {
  const after = addDays(last, 1);
  return {
    kind,
    month: kind === 'month' ? formatCalendarDate(first).slice(0, 7) : null,
    from: formatCalendarDate(first),
    to: formatCalendarDate(last),
    from_at: instantOf(first),
    to_at: instantOf(after),
    days: daysBetween(first, after),
  };
}

/** `2026-11` → 1 to 30 November 2026. */
export function monthPeriod(month: string): Result<ReportPeriod, ReportPeriodCode> {
  const match = monthPattern.exec(month);
  const first = match === null ? undefined : parseCalendarDate(`${match[1]}-${match[2]}-01`);
  if (first === undefined) return reject('REPORT_BAD_PERIOD', 'month: a calendar month as YYYY-MM.', { parameter: 'month', value: month });
  const next = first.month === 12 ? { year: first.year + 1, month: 1, day: 1 } : { year: first.year, month: first.month + 1, day: 1 };
  return ok(periodOf('month', first, addDays(next, -1)));
}

/** From and to (both YYYY-MM-DD, both included), from not after to, at most maxReportDays days. */
export function rangePeriod(from: string, to: string): Result<ReportPeriod, ReportPeriodCode> {
  const first = parseCalendarDate(from);
  if (first === undefined) return reject('REPORT_BAD_PERIOD', 'from: a date as YYYY-MM-DD.', { parameter: 'from', value: from });
  const last = parseCalendarDate(to);
  if (last === undefined) return reject('REPORT_BAD_PERIOD', 'to: a date as YYYY-MM-DD.', { parameter: 'to', value: to });
  const days = daysBetween(first, last) + 1;
  if (days < 1) return reject('REPORT_BAD_PERIOD', 'from must not be after to.', { parameter: 'from', from, to });
  if (days > maxReportDays) return reject('REPORT_BAD_PERIOD', `At most ${maxReportDays} days: ask for a shorter period.`, { parameter: 'to', from, to, days });
  return ok(periodOf('range', first, last));
}

/** The calendar month (YYYY-MM) before the one holding `on`: the last finished month on that day. */
export function previousMonth(on: CalendarDate): string {
  const year = on.month === 1 ? on.year - 1 : on.year;
  const month = on.month === 1 ? 12 : on.month - 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(number + 1).padStart(2, '0')}`;
}

/** Age buckets of open claims, in whole days from submission to the end of the period. */
export const claimAgeBuckets = [
  { bucket: '0-30', max_days: 30 },
  { bucket: '31-90', max_days: 90 },
  { bucket: '91-180', max_days: 180 },
  { bucket: '181+', max_days: null },
] as const;
export type ClaimAgeBucket = (typeof claimAgeBuckets)[number]['bucket'];
