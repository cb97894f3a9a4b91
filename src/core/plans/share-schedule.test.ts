import { describe, expect, it } from 'vitest';
import { formatCalendarDate, parseCalendarDate } from '../members/age.js';
import type { PlanRulesJson } from './plan-rules.js';
import { criticalIllnessPlan } from './sample-plans.js';
import { nextCollectionDate, postPaidRetryDeadline } from './share-schedule.js';

const rules = criticalIllnessPlan.rules as unknown as PlanRulesJson;
const on = (text: string) => parseCalendarDate(text)!;

describe('share schedule', () => {
  it('finds the next collection day (14th and 28th)', () => {
    expect(formatCalendarDate(nextCollectionDate(rules.schedule, on('2026-11-01')))).toBe('2026-11-14');
    expect(formatCalendarDate(nextCollectionDate(rules.schedule, on('2026-11-14')))).toBe('2026-11-28');
    expect(formatCalendarDate(nextCollectionDate(rules.schedule, on('2026-12-28')))).toBe('2027-01-14');
  });

  it('retries a failed post-paid collection until 2 days before the next share date', () => {
    expect(formatCalendarDate(postPaidRetryDeadline(rules, on('2026-11-14')))).toBe('2026-11-26');
    expect(formatCalendarDate(postPaidRetryDeadline(rules, on('2026-11-28')))).toBe('2026-12-12');
    const tight = { ...rules, funding: { model: 'post_paid' as const, retry_until_days_before_next: 14 } };
    expect(formatCalendarDate(postPaidRetryDeadline(tight, on('2026-11-14')))).toBe('2026-11-14');
  });
});
