import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parseCalendarDate } from '../members/age.js';
import { criticalIllnessPlan } from '../plans/sample-plans.js';
import type { PlanRulesJson } from '../plans/plan-rules.js';
import { assessClaim, claimRuleChecks, type ClaimCheck } from './claim-eligibility.js';
import { claimEvents, claimStates, transitionClaim } from './claim-lifecycle.js';
import { decideVerdict, drawPanel, isEligibleJuror, quorumFor } from './jury.js';

const date = (text: string) => parseCalendarDate(text)!;
const rules = criticalIllnessPlan.rules as unknown as PlanRulesJson;

describe('claim lifecycle', () => {
  it('follows the happy path to payment and the appeal path to a jury', () => {
    const walk = (start: (typeof claimStates)[number], events: Array<(typeof claimEvents)[number]>) =>
      events.reduce((state, event) => {
        const result = transitionClaim(state, event);
        if (!result.ok) throw new Error(`${state} + ${event}: ${result.rejection.code}`);
        return result.value.to;
      }, start);
    expect(walk('submitted', ['start_review', 'request_investigation', 'record_findings', 'approve_for_notice', 'publish_notice', 'object', 'dismiss_objection', 'end_notice', 'schedule', 'pay'])).toBe('paid');
    expect(walk('submitted', ['start_review', 'reject', 'appeal', 'refer_to_jury', 'jury_approves'])).toBe('approved');
    expect(walk('submitted', ['start_review', 'approve_for_notice', 'publish_notice', 'object', 'refer_to_jury', 'jury_rejects'])).toBe('rejected_final');
  });

  it('refuses every transition not in the machine, and nothing leaves a final state', () => {
    for (const event of claimEvents) {
      for (const final of ['paid', 'rejected_final'] as const) {
        const result = transitionClaim(final, event);
        expect(!result.ok && result.rejection.code).toBe('CLAIM_BAD_TRANSITION');
      }
    }
    expect(transitionClaim('in_notice', 'pay').ok).toBe(false);
    expect(transitionClaim('submitted', 'object').ok).toBe(false);
  });
});

describe('claim assessment', () => {
  const base: ClaimCheck = {
    rules,
    birth_date: date('1990-05-17'),
    diagnosis_date: date('2027-06-01'),
    submitted_on: date('2027-06-10'),
    illness_code: 'CI-01',
    covered_from: date('2027-02-26'),
    covered_until: null,
    aids_so_far: 0,
    duplicate: false,
  };
  const codeOf = (check: Partial<ClaimCheck>) => {
    const result = assessClaim({ ...base, ...check });
    return result.ok ? `ok ${result.value.aid_minor}` : result.rejection.code;
  };

  it('pays aid by the age band at diagnosis', () => {
    expect(codeOf({})).toBe('ok 30000000');
    expect(codeOf({ birth_date: date('1985-01-01') })).toBe('ok 10000000');
    expect(codeOf({ birth_date: date('1987-06-01') })).toBe('ok 10000000'); // 40 on the day of diagnosis
    expect(codeOf({ birth_date: date('1987-06-02') })).toBe('ok 30000000'); // still 39
  });

  it('refuses with stable codes', () => {
    expect(codeOf({ diagnosis_date: date('2027-02-25') })).toBe('CLAIM_IN_WAITING_PERIOD');
    expect(codeOf({ covered_until: date('2027-05-01') })).toBe('CLAIM_NOT_COVERED_AT_DIAGNOSIS');
    expect(codeOf({ submitted_on: date('2027-11-29') })).toBe('CLAIM_OUTSIDE_WINDOW');
    expect(codeOf({ submitted_on: date('2027-11-28') })).toBe('ok 30000000');
    expect(codeOf({ illness_code: 'XX-99' })).toBe('CLAIM_ILLNESS_NOT_COVERED');
    expect(codeOf({ aids_so_far: 1 })).toBe('CLAIM_AID_LIMIT_REACHED');
    expect(codeOf({ duplicate: true })).toBe('CLAIM_DUPLICATE');
    expect(codeOf({ submitted_on: date('2027-05-31') })).toBe('CLAIM_DIAGNOSIS_IN_FUTURE');
  });
});

describe('claim rule checks (the reviewer\'s workbench)', () => {
  const base: ClaimCheck = {
    rules,
    birth_date: date('1990-05-17'),
    diagnosis_date: date('2027-06-01'),
    submitted_on: date('2027-06-10'),
    illness_code: 'CI-01',
    covered_from: date('2027-02-26'),
    covered_until: null,
    aids_so_far: 0,
    duplicate: false,
  };
  const failing = (check: Partial<ClaimCheck>) =>
    claimRuleChecks({ ...base, ...check })
      .filter((entry) => !entry.pass)
      .map((entry) => entry.code);

  it('reports every rule with its figures, the age band and the aid it gives', () => {
    const checks = claimRuleChecks(base);
    expect(checks.every((entry) => entry.pass)).toBe(true);
    expect(checks.find((entry) => entry.code === 'age_band')?.figures).toEqual({ age_at_diagnosis_years: 37, band_min_age_years: 0, band_max_age_years: 39, aid_minor: '30000000' });
    expect(checks.find((entry) => entry.code === 'within_claim_window')?.figures).toMatchObject({ days_since_diagnosis: 9, claim_window_days: 180 });
    expect(claimRuleChecks({ ...base, birth_date: date('1985-01-01') }).find((entry) => entry.code === 'age_band')?.figures).toMatchObject({ band_min_age_years: 40, aid_minor: '10000000' });
  });

  it('names each failing rule, several at once', () => {
    expect(failing({ diagnosis_date: date('2027-02-25') })).toEqual(['waiting_period_over']);
    expect(failing({ covered_until: date('2027-05-01') })).toEqual(['covered_at_diagnosis']);
    expect(failing({ submitted_on: date('2027-11-29') })).toEqual(['within_claim_window']);
    expect(failing({ illness_code: 'XX-99', aids_so_far: 1 })).toEqual(['illness_covered', 'aid_limit']);
  });

  it('passes every check exactly when the assessment accepts the claim', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 400 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('CI-01', 'XX-99'), (submit_offset_days, aids_so_far, illness_code) => {
        const check = { ...base, submitted_on: addDays(base.diagnosis_date, submit_offset_days), aids_so_far, illness_code };
        expect(claimRuleChecks(check).every((entry) => entry.pass)).toBe(assessClaim(check).ok);
      }),
    );
  });
});

describe('jury', () => {
  const jurors = Array.from({ length: 500 }, (_, index) => `J${String(index).padStart(5, '0')}`);

  it('draws the same panel from the same seed, recomputable from public data', () => {
    const seed = 'a'.repeat(64);
    const panel = drawPanel(seed, jurors, 25);
    expect(drawPanel(seed, [...jurors].reverse(), 25)).toEqual(panel);
    // Recompute independently: rank by SHA-256(seed|code) as lower-case hex.
    const recomputed = jurors
      .map((code) => [createHash('sha256').update(`${seed}|${code}`).digest('hex'), code] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(0, 25)
      .map(([, code]) => code);
    expect(panel).toEqual(recomputed);
    expect(drawPanel('b'.repeat(64), jurors, 25)).not.toEqual(panel);
  });

  it('panels are subsets of the eligible jurors without repeats', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')), fc.integer({ min: 0, max: 600 }), (seed, size) => {
        const panel = drawPanel(seed, jurors, size);
        expect(panel.length).toBe(Math.min(size, jurors.length));
        expect(new Set(panel).size).toBe(panel.length);
      }),
      { numRuns: 200 },
    );
  });

  it('admits paying adults of 30+ days who passed the quiz and have no fraud record', () => {
    const good = { age_years: 30, tenure_days: 30, paying: true, passed_quiz: true, fraud_record: false };
    expect(isEligibleJuror(good)).toBe(true);
    expect(isEligibleJuror({ ...good, age_years: 17 })).toBe(false);
    expect(isEligibleJuror({ ...good, tenure_days: 29 })).toBe(false);
    expect(isEligibleJuror({ ...good, paying: false })).toBe(false);
    expect(isEligibleJuror({ ...good, passed_quiz: false })).toBe(false);
    expect(isEligibleJuror({ ...good, fraud_record: true })).toBe(false);
  });

  it('decides by quorum and more than 50%, with the plan rules for ties and missed quorums', () => {
    const jury = rules.jury;
    expect(quorumFor(jury, 1_000_000)).toBe(1000);
    expect(quorumFor(jury, 200)).toBe(20);
    expect(decideVerdict(jury, 1_000_000, { approve: 501, reject: 499 })).toMatchObject({ outcome: 'approve', reason: 'majority' });
    expect(decideVerdict(jury, 1_000_000, { approve: 499, reject: 501 })).toMatchObject({ outcome: 'reject', reason: 'majority' });
    expect(decideVerdict(jury, 1_000_000, { approve: 500, reject: 500 })).toMatchObject({ outcome: 'reject', reason: 'no_majority_rule' });
    expect(decideVerdict(jury, 1_000_000, { approve: 900, reject: 99 })).toMatchObject({ outcome: 'operator_decides', reason: 'missed_quorum_rule' });
    expect(decideVerdict({ ...jury, on_tie: 'approve' }, 200, { approve: 10, reject: 10 })).toMatchObject({ outcome: 'approve', quorum: 20 });
  });
});
