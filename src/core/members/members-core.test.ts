import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageInYears, dayNumber, daysBetween, formatCalendarDate, fromDayNumber, parseCalendarDate } from './age.js';
import { checkJoin } from './eligibility.js';
import { maskIdNumber, maskName, maskPhone, normalizePhone } from './masking.js';
import { memberCodeFromBytes, memberCodePattern } from './member-code.js';
import { membershipEvents, membershipStates, transitionMembership } from './membership-lifecycle.js';
import { makeNationalId, parseNationalId } from './national-id.js';
import { criticalIllnessPlan, seniorCancerPlan } from '../plans/sample-plans.js';
import { parsePlanRules, type PlanRulesJson } from '../plans/plan-rules.js';

const date = (text: string) => parseCalendarDate(text)!;

describe('calendar dates', () => {
  it('round-trips day numbers against Date.UTC for 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(date('1900-01-01')), max: dayNumber(date('2100-12-31')) }), (days) => {
        const calendar = fromDayNumber(days);
        expect(dayNumber(calendar)).toBe(days);
        expect(formatCalendarDate(calendar)).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts ages as people do, with 29 February birthdays', () => {
    expect(ageInYears(date('1990-05-17'), date('2026-05-16'))).toBe(35);
    expect(ageInYears(date('1990-05-17'), date('2026-05-17'))).toBe(36);
    expect(ageInYears(date('2000-02-29'), date('2027-02-28'))).toBe(26);
    expect(ageInYears(date('2000-02-29'), date('2027-03-01'))).toBe(27);
    expect(daysBetween(date('2026-11-28'), addDays(date('2026-11-28'), 90))).toBe(90);
    expect(parseCalendarDate('2026-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-13-01')).toBeUndefined();
  });
});

describe('national ID numbers', () => {
  it('accepts a valid number and reads birth date and gender from it', () => {
    const id = makeNationalId('110105', date('1949-12-31'), 21, 'male');
    const parsed = parseNationalId(id.toLowerCase());
    expect(parsed.ok && parsed.value).toMatchObject({ normalized: id, gender: 'male', region_code: '110105' });
    expect(parsed.ok && formatCalendarDate(parsed.value.birth_date)).toBe('1949-12-31');
    // The published example from GB 11643-1999.
    expect(parseNationalId('11010519491231002X').ok).toBe(true);
  });

  it('refuses wrong check digits, impossible dates and bad shapes', () => {
    for (const bad of ['11010519491231002Y', '110105194912310021', '110105194913310028', '1101051949123100', 'abcdefghijklmnopqr', '']) {
      const parsed = parseNationalId(bad);
      expect(parsed.ok ? 'ok' : parsed.rejection.code, bad).toBe('MEMBER_BAD_ID_NUMBER');
    }
  });

  it('makes numbers that always parse back', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(date('1920-01-01')), max: dayNumber(date('2025-12-31')) }), fc.nat(999), fc.constantFrom('male' as const, 'female' as const), (days, sequence, gender) => {
        const birth = fromDayNumber(days);
        const parsed = parseNationalId(makeNationalId('440305', birth, sequence, gender));
        expect(parsed.ok && [formatCalendarDate(parsed.value.birth_date), parsed.value.gender]).toEqual([formatCalendarDate(birth), gender]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('masking and member codes', () => {
  it('masks names, ID numbers and phones', () => {
    expect(maskName('吴晓漫')).toBe('吴*漫');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('12345')).toBeUndefined();
  });

  it('makes public codes without personal data or a "|"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = memberCodeFromBytes(bytes);
        expect(code).toMatch(memberCodePattern);
        expect(code).not.toContain('|');
      }),
    );
    expect(memberCodeFromBytes(new Uint8Array(8))).toBe('M000000000000');
  });
});

describe('membership lifecycle', () => {
  const expected: Record<string, Record<string, string>> = {
    waiting: { waiting_period_passed: 'active', diagnosed_in_waiting_period: 'withdrawn', payment_lapsed: 'lapsed', member_withdrew: 'withdrawn', fraud_found: 'terminated', plan_closed: 'ended' },
    active: { payment_lapsed: 'lapsed', member_withdrew: 'withdrawn', fraud_found: 'terminated', plan_closed: 'ended' },
    lapsed: { fraud_found: 'terminated', plan_closed: 'ended' },
    withdrawn: {},
    terminated: {},
    ended: {},
  };

  it('allows exactly the transitions of the state machine', () => {
    for (const state of membershipStates) {
      for (const event of membershipEvents) {
        const result = transitionMembership(state, event);
        const want = expected[state]![event];
        expect(result.ok ? result.value.to : result.rejection.code, `${state} + ${event}`).toBe(want ?? 'MEMBERSHIP_BAD_TRANSITION');
      }
    }
    const diagnosis = transitionMembership('waiting', 'diagnosed_in_waiting_period');
    expect(diagnosis.ok && diagnosis.value.refund_shares).toBe(true);
  });
});

describe('joining', () => {
  const rules = criticalIllnessPlan.rules as unknown as PlanRulesJson;
  const noToAll = Object.fromEntries(rules.health_questions.map((question) => [question.code, false]));
  const base = { rules, plan_open: true, join_date: date('2026-11-28'), answers: noToAll, has_live_membership: false };

  it('takes members from 30 days to 59 years, with a 90-day waiting period', () => {
    const ok = checkJoin({ ...base, birth_date: date('1967-11-29') });
    expect(ok.ok && ok.value).toEqual({ age_years: 58, waiting_until: '2027-02-26' });
    expect(checkJoin({ ...base, birth_date: date('1966-11-28') }).ok).toBe(false);
    expect(checkJoin({ ...base, birth_date: date('2026-10-29') }).ok).toBe(true);
    const baby = checkJoin({ ...base, birth_date: date('2026-10-30') });
    expect(!baby.ok && baby.rejection.code).toBe('MEMBER_AGE_OUT_OF_RANGE');
  });

  it('refuses excluded conditions, missing answers, a second membership and a closed plan', () => {
    const codeOf = (result: ReturnType<typeof checkJoin>) => (result.ok ? 'ok' : result.rejection.code);
    expect(codeOf(checkJoin({ ...base, birth_date: date('1990-01-01'), answers: { ...noToAll, 'HQ-HEART': true } }))).toBe('MEMBER_EXCLUDED_CONDITION');
    expect(codeOf(checkJoin({ ...base, birth_date: date('1990-01-01'), answers: {} }))).toBe('MEMBER_DECLARATION_INCOMPLETE');
    expect(codeOf(checkJoin({ ...base, birth_date: date('1990-01-01'), has_live_membership: true }))).toBe('MEMBER_ALREADY_JOINED');
    expect(codeOf(checkJoin({ ...base, birth_date: date('1990-01-01'), plan_open: false }))).toBe('PLAN_CLOSED');
    const senior = seniorCancerPlan.rules as unknown as PlanRulesJson;
    expect(codeOf(checkJoin({ ...base, rules: senior, birth_date: date('1967-01-01') }))).toBe('MEMBER_AGE_OUT_OF_RANGE');
    expect(codeOf(checkJoin({ ...base, rules: senior, answers: Object.fromEntries(senior.health_questions.map((q) => [q.code, false])), birth_date: date('1960-01-01') }))).toBe('ok');
  });
});

describe('plan rules', () => {
  it('accepts the sample plans and refuses inconsistent rules', () => {
    expect(parsePlanRules(criticalIllnessPlan.rules).ok).toBe(true);
    expect(parsePlanRules(seniorCancerPlan.rules).ok).toBe(true);
    const unordered = parsePlanRules({ ...criticalIllnessPlan.rules, aid_bands: [...criticalIllnessPlan.rules.aid_bands].reverse() });
    expect(!unordered.ok && unordered.rejection.code).toBe('PLAN_BAD_RULES');
    const floatMoney = parsePlanRules({ ...criticalIllnessPlan.rules, fee_bps: 8.5 });
    expect(floatMoney.ok).toBe(false);
    const duplicateIllness = parsePlanRules({ ...criticalIllnessPlan.rules, illnesses: [criticalIllnessPlan.rules.illnesses[0], criticalIllnessPlan.rules.illnesses[0]] });
    expect(duplicateIllness.ok).toBe(false);
  });
});

describe('plan rules refinements', () => {
  it('refuses empty or broken lists without throwing', () => {
    for (const broken of [{ aid_bands: [] }, { aid_bands: null }, { illnesses: [] }, { illnesses: [null] }, { share_weights: [] }, { join_age: null }]) {
      const result = parsePlanRules({ ...criticalIllnessPlan.rules, ...broken });
      expect(!result.ok && result.rejection.code, JSON.stringify(broken)).toBe('PLAN_BAD_RULES');
    }
  });
});
