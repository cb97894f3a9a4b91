import { addDays, dayNumber, daysInMonth, type CalendarDate } from '../members/age.js';
import type { PlanRulesJson } from './plan-rules.js';

/** The first collection day of the plan's schedule strictly after the given date. */
export function nextCollectionDate(schedule: PlanRulesJson['schedule'], after: CalendarDate): CalendarDate {
  const days = [...schedule.collection_days_of_month].sort((a, b) => a - b);
  let { year, month } = after;
  // Days of month are 1–28 (the rules say so), so every month has each of them.
  for (let step = 0; step < 3; step += 1) {
    for (const day of days) {
      if (day <= daysInMonth(year, month) && (step > 0 || day > after.day)) return { year, month, day };
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  throw new Error('a schedule always has a collection day within two months');
}

/**
 * Post-paid: a share first collected on `collection_date` may be retried until this day, the
 * plan's retry days before the next share date (never before the first try); then the membership lapses.
 * Cycles pass it to createReceivables as retry_until.
 */
export function postPaidRetryDeadline(rules: PlanRulesJson, collection_date: CalendarDate): CalendarDate {
  const days_before = rules.funding.model === 'post_paid' ? rules.funding.retry_until_days_before_next : 0;
  const deadline = addDays(nextCollectionDate(rules.schedule, collection_date), -days_before);
  return dayNumber(deadline) < dayNumber(collection_date) ? collection_date : deadline;
}
