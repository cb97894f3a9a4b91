import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays, formatCalendarDate, fromDayNumber } from '../members/age.js';
import { maxReportDays, monthPeriod, nextMonth, previousMonth, rangePeriod } from './report-period.js';

const day = fc.integer({ min: 0, max: 40_000 }).map((number) => fromDayNumber(number));

it('turns a month into its days, ending at midnight after its last day', () => {
  expect(monthPeriod('2028-02')).toEqual({
    ok: true,
    value: { kind: 'month', month: '2028-02', from: '2028-02-01', to: '2028-02-29', from_at: '2028-02-01T00:00:00.000Z', to_at: '2028-03-01T00:00:00.000Z', days: 29 },
  });
  expect(monthPeriod('2026-12')).toMatchObject({ ok: true, value: { to: '2026-12-31', to_at: '2027-01-01T00:00:00.000Z', days: 31 } });
  fc.assert(
    fc.property(day, (date) => {
      const month = formatCalendarDate(date).slice(0, 7);
      const result = monthPeriod(month);
      if (!result.ok) throw new Error(result.rejection.message);
      const period = result.value;
      // The period holds the day, its days are the month's, and the next month starts where it ends.
      expect(period.from <= formatCalendarDate(date) && formatCalendarDate(date) <= period.to).toBe(true);
      expect(period.days).toBeGreaterThanOrEqual(28);
      expect(period.days).toBeLessThanOrEqual(31);
      expect(period.to_at.slice(0, 7)).toBe(nextMonth(month));
      expect(previousMonth(date)).toBe(previousMonthOf(month));
    }),
  );
});

function previousMonthOf(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

it('accepts a range of 1 to 366 days and refuses the rest, naming the parameter', () => {
  fc.assert(
    fc.property(day, fc.integer({ min: -3, max: maxReportDays + 3 }), (first, length) => {
      const from = formatCalendarDate(first);
      const to = formatCalendarDate(addDays(first, length - 1));
      const result = rangePeriod(from, to);
      if (length >= 1 && length <= maxReportDays) {
        expect(result).toMatchObject({ ok: true, value: { from, to, days: length, to_at: `${formatCalendarDate(addDays(first, length))}T00:00:00.000Z` } });
      } else {
        expect(result).toMatchObject({ ok: false, rejection: { code: 'REPORT_BAD_PERIOD', details: { parameter: length < 1 ? 'from' : 'to' } } });
      }
    }),
  );
  expect(rangePeriod('2027-1-01', '2027-01-02')).toMatchObject({ ok: false, rejection: { details: { parameter: 'from' } } });
  expect(rangePeriod('2027-01-01', 'tomorrow')).toMatchObject({ ok: false, rejection: { details: { parameter: 'to' } } });
});
