import type { PlanRulesJson } from '../plans/plan-rules.js';
import { ok, reject, type Result } from '../rejection.js';
import { addDays, ageInYears, daysBetween, formatCalendarDate, type CalendarDate } from './age.js';

export type JoinRejectionCode = 'MEMBER_AGE_OUT_OF_RANGE' | 'MEMBER_EXCLUDED_CONDITION' | 'MEMBER_DECLARATION_INCOMPLETE' | 'MEMBER_ALREADY_JOINED' | 'PLAN_CLOSED';

export interface JoinCheck {
  readonly rules: PlanRulesJson;
  readonly plan_open: boolean;
  readonly birth_date: CalendarDate;
  readonly join_date: CalendarDate;
  /** Answers to the plan's health questions by code: true is a "yes". */
  readonly answers: Readonly<Record<string, boolean>>;
  readonly has_live_membership: boolean;
}

export interface JoinDecision {
  readonly age_years: number;
  /** The first day of cover: the join date plus the waiting days. */
  readonly waiting_until: string;
}

/** Whether a person may join a plan today; each refusal has a stable code and a reason to show. */
export function checkJoin(check: JoinCheck): Result<JoinDecision, JoinRejectionCode> {
  const { rules } = check;
  if (!check.plan_open) return reject('PLAN_CLOSED', 'This plan does not take new members.');
  const age_days = daysBetween(check.birth_date, check.join_date);
  const age_years = ageInYears(check.birth_date, check.join_date);
  if (age_days < rules.join_age.min_days || age_years < rules.join_age.min_years || age_years > rules.join_age.max_years) {
    const youngest = rules.join_age.min_years > 0 ? `${rules.join_age.min_years} years` : `${rules.join_age.min_days} days`;
    return reject('MEMBER_AGE_OUT_OF_RANGE', `This plan takes members aged ${youngest} to ${rules.join_age.max_years} years.`, {
      age_years,
      min_days: rules.join_age.min_days,
      min_years: rules.join_age.min_years,
      max_years: rules.join_age.max_years,
    });
  }
  const missing = rules.health_questions.filter((question) => typeof check.answers[question.code] !== 'boolean');
  if (missing.length > 0) {
    return reject('MEMBER_DECLARATION_INCOMPLETE', 'Every health question must be answered.', { missing: missing.map((question) => question.code) });
  }
  const excluded = rules.health_questions.filter((question) => check.answers[question.code] === true);
  if (excluded.length > 0) {
    return reject('MEMBER_EXCLUDED_CONDITION', `This plan cannot cover a declared condition: ${excluded.map((question) => question.text_en).join('; ')}`, {
      questions: excluded.map((question) => ({ code: question.code, text_zh: question.text_zh, text_en: question.text_en })),
    });
  }
  if (check.has_live_membership) return reject('MEMBER_ALREADY_JOINED', 'This person already holds a membership of this plan.');
  return ok({ age_years, waiting_until: formatCalendarDate(addDays(check.join_date, rules.waiting_days)) });
}
