import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessClaim } from '../claims/claim-eligibility.js';
import { addDays, dayNumber, formatCalendarDate, fromDayNumber, parseCalendarDate } from '../members/age.js';
import { criticalIllnessPlan } from '../plans/sample-plans.js';
import { checkClaimWindowOver, claimWindowEnd, type ClaimWindowVersion } from './closure-rules.js';

describe('the claim window of a closing plan', () => {
  it('ends closure date − 1 + claim_window_days; finalising is allowed from the day after', () => {
    const versions = [{ effective_at: '2026-01-01T00:00:00.000Z', claim_window_days: 180 }];
    expect(claimWindowEnd('2027-04-01', versions)).toEqual({ last_claim_date: '2027-09-27', finalise_from_date: '2027-09-28' });
    const open = checkClaimWindowOver('2027-04-01', versions, parseCalendarDate('2027-09-27')!);
    expect(open.ok ? null : open.rejection).toMatchObject({
      code: 'CLOSURE_CLAIM_WINDOW_OPEN',
      details: { last_claim_date: '2027-09-27', finalise_from_date: '2027-09-28' },
    });
    expect(checkClaimWindowOver('2027-04-01', versions, parseCalendarDate('2027-09-28')!).ok).toBe(true);
  });

  it('takes a longer window of an earlier version into account (its last diagnosis day counts)', () => {
    const versions = [
      { effective_at: '2026-01-01T00:00:00.000Z', claim_window_days: 365 },
      { effective_at: '2027-03-01T08:00:00.000Z', claim_window_days: 30 },
    ];
    // A diagnosis on 2027-02-28 under the first version may be claimed until 2028-02-28.
    expect(claimWindowEnd('2027-04-01', versions).last_claim_date).toBe('2028-02-28');
  });

  it('is the last day on which the claim rules accept some diagnosis before the closure date (against every day)', () => {
    const base_day = dayNumber(parseCalendarDate('2027-01-01')!);
    const versionsArbitrary = fc
      .array(fc.record({ offset_days: fc.integer({ min: -30, max: 120 }), claim_window_days: fc.integer({ min: 0, max: 200 }) }), { minLength: 1, maxLength: 5 })
      .map((entries) =>
        entries
          .sort((left, right) => left.offset_days - right.offset_days)
          .map((entry): ClaimWindowVersion => ({ effective_at: `${formatCalendarDate(fromDayNumber(base_day + entry.offset_days))}T06:30:00.000Z`, claim_window_days: entry.claim_window_days })),
      );
    fc.assert(
      fc.property(versionsArbitrary, fc.integer({ min: 1, max: 150 }), (versions, closure_offset_days) => {
        const closure = fromDayNumber(base_day + closure_offset_days);
        const closure_date = formatCalendarDate(closure);
        // Brute force: every diagnosis day from well before the first version to the day before the closure.
        let latest = Number.NEGATIVE_INFINITY;
        for (let day = base_day - 60; day < dayNumber(closure); day += 1) {
          const diagnosis_date = fromDayNumber(day);
          const at = `${formatCalendarDate(diagnosis_date)}T23:59:59.999Z`;
          let rules = versions[0]!;
          for (const version of versions) if (version.effective_at <= at) rules = version;
          // The last submission day assessClaim accepts for this diagnosis.
          const accepted = (submitted_day: number) =>
            assessClaim({
              rules: { ...criticalIllnessPlan.rules, claim_window_days: rules.claim_window_days },
              birth_date: parseCalendarDate('1990-01-01')!,
              diagnosis_date,
              submitted_on: fromDayNumber(submitted_day),
              illness_code: criticalIllnessPlan.rules.illnesses[0].code,
              covered_from: parseCalendarDate('1990-01-01')!,
              covered_until: null,
              aids_so_far: 0,
              duplicate: false,
            }).ok;
          const last_day = day + rules.claim_window_days;
          expect(accepted(last_day)).toBe(true);
          expect(accepted(last_day + 1)).toBe(false);
          latest = Math.max(latest, last_day);
        }
        const end = claimWindowEnd(closure_date, versions);
        expect(end.last_claim_date).toBe(formatCalendarDate(fromDayNumber(latest)));
        expect(end.finalise_from_date).toBe(formatCalendarDate(addDays(fromDayNumber(latest), 1)));
        expect(checkClaimWindowOver(closure_date, versions, fromDayNumber(latest)).ok).toBe(false);
        expect(checkClaimWindowOver(closure_date, versions, fromDayNumber(latest + 1)).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
