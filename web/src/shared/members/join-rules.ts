/**
 * The server's own join rules, run in the browser so a form says before sending what the server
 * would refuse: the ID number's format and check character, ages, and the plan's eligibility
 * check. One implementation (src/core is pure: no I/O, no clock), never a second one here.
 */
export { parseNationalId } from '../../../../src/core/members/national-id';
export { checkJoin } from '../../../../src/core/members/eligibility';
export { normalizePhone } from '../../../../src/core/members/masking';
export { addDays, ageInYears, calendarDateOf, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../../../../src/core/members/age';
export type { PlanRulesJson } from '../../../../src/core/plans/plan-rules';

/**
 * Whether a plan takes new members: open, and no closure announced (from the announcement on a
 * join is refused with PLAN_CLOSING, so the pages do not offer one).
 */
export function planTakesMembers(plan: { readonly status: 'open' | 'closed'; readonly closure_date: string | null }): boolean {
  return plan.status === 'open' && plan.closure_date === null;
}
