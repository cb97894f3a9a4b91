import { addDays, dayNumber, formatCalendarDate, type CalendarDate } from '../members/age.js';
import { nextCollectionDate } from '../plans/share-schedule.js';
import type { PlanRulesJson } from '../plans/plan-rules.js';

/**
 * When cycles happen: the snapshot is taken at the start (00:00 UTC) of each notice day of the
 * plan's schedule, and the shares are collected on the next collection day after it. Pure: the
 * run time comes in as an argument.
 */
export function latestNoticeDate(schedule: PlanRulesJson['schedule'], on: CalendarDate): CalendarDate {
  const days = new Set(schedule.notice_days_of_month);
  // Notice days are 1–28 and there is at least one, so one is found within 31 days back.
  for (let back = 0; back <= 31; back += 1) {
    const candidate = addDays(on, -back);
    if (days.has(candidate.day)) return candidate;
  }
  throw new Error('a schedule always has a notice day within a month');
}

/** The first notice day strictly after a date. */
export function nextNoticeDate(schedule: PlanRulesJson['schedule'], after: CalendarDate): CalendarDate {
  const days = new Set(schedule.notice_days_of_month);
  for (let ahead = 1; ahead <= 31; ahead += 1) {
    const candidate = addDays(after, ahead);
    if (days.has(candidate.day)) return candidate;
  }
  throw new Error('a schedule always has a notice day within a month');
}

export function snapshotTime(date: CalendarDate): string {
  return `${formatCalendarDate(date)}T00:00:00.000Z`;
}

/** Collection starts on the plan's first collection day after the snapshot. */
export function collectionDateFor(schedule: PlanRulesJson['schedule'], snapshot: CalendarDate): CalendarDate {
  return nextCollectionDate(schedule, snapshot);
}

/** The public cycle id: the plan and the snapshot date, e.g. `critical-illness-20261207`. */
export function cycleCode(plan_id: string, snapshot: CalendarDate): string {
  return `${plan_id}-${formatCalendarDate(snapshot).replaceAll('-', '')}`;
}

export function isSameOrBefore(left: CalendarDate, right: CalendarDate): boolean {
  return dayNumber(left) <= dayNumber(right);
}
