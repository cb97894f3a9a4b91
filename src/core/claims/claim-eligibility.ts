import { ageInYears, daysBetween, formatCalendarDate, type CalendarDate } from '../members/age.js';
import { aidForAge, type PlanRulesJson } from '../plans/plan-rules.js';
import { ok, reject, type Result } from '../rejection.js';

export type ClaimRejectionCode =
  | 'CLAIM_NOT_COVERED_AT_DIAGNOSIS'
  | 'CLAIM_IN_WAITING_PERIOD'
  | 'CLAIM_OUTSIDE_WINDOW'
  | 'CLAIM_DIAGNOSIS_IN_FUTURE'
  | 'CLAIM_ILLNESS_NOT_COVERED'
  | 'CLAIM_NO_AID_FOR_AGE'
  | 'CLAIM_AID_LIMIT_REACHED'
  | 'CLAIM_DUPLICATE';

export interface ClaimCheck {
  readonly rules: PlanRulesJson;
  readonly birth_date: CalendarDate;
  readonly diagnosis_date: CalendarDate;
  readonly submitted_on: CalendarDate;
  readonly illness_code: string;
  /** First day of cover (the day after the waiting period). */
  readonly covered_from: CalendarDate;
  /** The day cover stopped (lapse, exit, termination), or null while it lasts. */
  readonly covered_until: CalendarDate | null;
  /** Aids this member already received or has approved in this plan. */
  readonly aids_so_far: number;
  /** Another live claim exists for the same member, illness and diagnosis date. */
  readonly duplicate: boolean;
}

export interface ClaimAssessment {
  readonly age_at_diagnosis_years: number;
  readonly aid_minor: bigint;
}

/** The plan's rules for a claim, each refusal with a stable code and a reason a member can read. */
export function assessClaim(check: ClaimCheck): Result<ClaimAssessment, ClaimRejectionCode> {
  const { rules } = check;
  if (daysBetween(check.diagnosis_date, check.submitted_on) < 0) {
    return reject('CLAIM_DIAGNOSIS_IN_FUTURE', 'The diagnosis date cannot be after today.');
  }
  if (check.duplicate) return reject('CLAIM_DUPLICATE', 'A claim for this diagnosis exists already.');
  if (daysBetween(check.diagnosis_date, check.covered_from) > 0) {
    return reject('CLAIM_IN_WAITING_PERIOD', `The diagnosis falls inside the waiting period, which ended on ${formatCalendarDate(check.covered_from)}; the membership ends and the shares paid are refunded.`);
  }
  if (check.covered_until !== null && daysBetween(check.covered_until, check.diagnosis_date) >= 0) {
    return reject('CLAIM_NOT_COVERED_AT_DIAGNOSIS', `Cover had stopped on ${formatCalendarDate(check.covered_until)}, before the diagnosis.`);
  }
  const waited_days = daysBetween(check.diagnosis_date, check.submitted_on);
  if (waited_days > rules.claim_window_days) {
    return reject('CLAIM_OUTSIDE_WINDOW', `Claims are made within ${rules.claim_window_days} days of the diagnosis; this one is ${waited_days} days after it.`, {
      claim_window_days: rules.claim_window_days,
      days_since_diagnosis: waited_days,
    });
  }
  if (!rules.illnesses.some((illness) => illness.code === check.illness_code)) {
    return reject('CLAIM_ILLNESS_NOT_COVERED', 'This plan does not cover that illness.', { illness_code: check.illness_code });
  }
  if (check.aids_so_far >= rules.max_aids_per_member) {
    return reject('CLAIM_AID_LIMIT_REACHED', `This plan pays at most ${rules.max_aids_per_member} aid(s) per member.`);
  }
  const age_at_diagnosis_years = ageInYears(check.birth_date, check.diagnosis_date);
  const aid_minor = aidForAge(rules, age_at_diagnosis_years);
  if (aid_minor === undefined) return reject('CLAIM_NO_AID_FOR_AGE', `No aid band covers age ${age_at_diagnosis_years}.`);
  return ok({ age_at_diagnosis_years, aid_minor });
}

export type ClaimRuleCheckCode = 'covered_at_diagnosis' | 'waiting_period_over' | 'within_claim_window' | 'illness_covered' | 'aid_limit' | 'age_band';

/** One rule a reviewer sees checked, with the figures it compared. Figures are dates, days, ages and minor-unit strings. */
export interface ClaimRuleCheck {
  readonly code: ClaimRuleCheckCode;
  readonly pass: boolean;
  readonly figures: Readonly<Record<string, string | number | null>>;
}

/**
 * The same rules as assessClaim, each one reported (not only the first refusal), so the reviewer's
 * workbench shows what passed and what did not with the figures behind it. The claim itself is no
 * duplicate of itself, so `duplicate` is not reported; `aids_so_far` counts the member's other aids.
 */
export function claimRuleChecks(check: ClaimCheck): ClaimRuleCheck[] {
  const { rules } = check;
  const covered_until = check.covered_until === null ? null : formatCalendarDate(check.covered_until);
  const days_since_diagnosis = daysBetween(check.diagnosis_date, check.submitted_on);
  const age_at_diagnosis_years = ageInYears(check.birth_date, check.diagnosis_date);
  const band = rules.aid_bands.find((entry) => age_at_diagnosis_years <= entry.max_age_years);
  const band_index = band === undefined ? -1 : rules.aid_bands.indexOf(band);
  const min_age_years = band_index <= 0 ? 0 : rules.aid_bands[band_index - 1]!.max_age_years + 1;
  const diagnosis_date = formatCalendarDate(check.diagnosis_date);
  return [
    {
      code: 'covered_at_diagnosis',
      pass: check.covered_until === null || daysBetween(check.covered_until, check.diagnosis_date) < 0,
      figures: { diagnosis_date, covered_until },
    },
    {
      code: 'waiting_period_over',
      pass: daysBetween(check.diagnosis_date, check.covered_from) <= 0,
      figures: { diagnosis_date, covered_from: formatCalendarDate(check.covered_from), waiting_days: rules.waiting_days },
    },
    {
      code: 'within_claim_window',
      pass: days_since_diagnosis >= 0 && days_since_diagnosis <= rules.claim_window_days,
      figures: { days_since_diagnosis, claim_window_days: rules.claim_window_days, submitted_on: formatCalendarDate(check.submitted_on) },
    },
    {
      code: 'illness_covered',
      pass: rules.illnesses.some((illness) => illness.code === check.illness_code),
      figures: { illness_code: check.illness_code, covered_illnesses: rules.illnesses.length },
    },
    {
      code: 'aid_limit',
      pass: check.aids_so_far < rules.max_aids_per_member,
      figures: { aids_so_far: check.aids_so_far, max_aids_per_member: rules.max_aids_per_member },
    },
    {
      code: 'age_band',
      pass: band !== undefined,
      figures: {
        age_at_diagnosis_years,
        band_min_age_years: band === undefined ? null : min_age_years,
        band_max_age_years: band?.max_age_years ?? null,
        aid_minor: band?.aid_minor ?? null,
      },
    },
  ];
}
