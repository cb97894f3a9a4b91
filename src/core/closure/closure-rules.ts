/**
 * The wind-down rules of a plan (DESIGN.md: stop joins, keep the claim window open, settle the
 * last cycles, refund every balance, publish a closure report). Pure: today's date and the
 * closure's state come in as arguments.
 */
import { parseCalendarDate, formatCalendarDate, dayNumber, type CalendarDate } from '../members/age.js';
import { ok, reject, type Result } from '../rejection.js';
import type { LastCyclesPayer } from './closure-report.js';

export const closureRejectionCodes = [
  'CLOSURE_DATE_PAST',
  'CLOSURE_BAD_DATE',
  'CLOSURE_BAD_PAYER',
  'PLAN_CLOSING',
  'CLAIM_AFTER_CLOSURE',
  'CLOSURE_NOT_FOUND',
  'CLOSURE_NOT_DUE',
  'CLOSURE_STEP_OUT_OF_ORDER',
  'CLOSURE_REFUNDS_OPEN',
  'CLOSURE_CLAIMS_OPEN',
  'CLOSURE_REPORT_NOT_FOUND',
  'CLOSURE_LINE_NOT_FOUND',
] as const;
export type ClosureRejectionCode = (typeof closureRejectionCodes)[number];

/**
 * A refund that fails is tried again, at most this many times in all; then the balance is listed
 * as unclaimed and stays a liability in the wallet, payable when the member comes forward.
 */
export const MAX_CLOSURE_REFUND_ATTEMPTS = 3;

/** The furthest ahead a closure can be announced: a plan does not announce its end years ahead. */
export const MAX_CLOSURE_NOTICE_DAYS = 366;

export interface AnnouncementInput {
  readonly closure_date: string;
  readonly today: CalendarDate;
  readonly already_announced: boolean;
  readonly last_cycles_paid_by: string;
}

export interface Announcement {
  readonly closure_date: string;
  readonly last_cycles_paid_by: LastCyclesPayer;
}

/** One closure per plan, on a real date from today (a closure today stops cover from today on). */
export function checkAnnouncement(input: AnnouncementInput): Result<Announcement, ClosureRejectionCode> {
  if (input.already_announced) return reject('PLAN_CLOSING', 'The plan\'s closure is announced already; a plan closes once.');
  const date = parseCalendarDate(input.closure_date);
  if (date === undefined || formatCalendarDate(date) !== input.closure_date) {
    return reject('CLOSURE_BAD_DATE', 'The closure date must be a date as YYYY-MM-DD.', { closure_date: input.closure_date });
  }
  const ahead_days = dayNumber(date) - dayNumber(input.today);
  if (ahead_days < 0) return reject('CLOSURE_DATE_PAST', 'The closure date is in the past.', { closure_date: input.closure_date, today: formatCalendarDate(input.today) });
  if (ahead_days > MAX_CLOSURE_NOTICE_DAYS) {
    return reject('CLOSURE_BAD_DATE', `The closure date is more than ${MAX_CLOSURE_NOTICE_DAYS} days ahead.`, { closure_date: input.closure_date });
  }
  if (input.last_cycles_paid_by !== 'members' && input.last_cycles_paid_by !== 'operator') {
    return reject('CLOSURE_BAD_PAYER', 'The last cycles are paid by "members" or by the "operator".');
  }
  return ok({ closure_date: input.closure_date, last_cycles_paid_by: input.last_cycles_paid_by });
}

/**
 * Cover ends at the start of the closure date: a diagnosis before it may still be claimed within
 * the plan's claim window, one on or after it is not covered.
 */
export function checkDiagnosisBeforeClosure(diagnosis_date: CalendarDate, closure_date: string): Result<null, 'CLAIM_AFTER_CLOSURE'> {
  const closure = parseCalendarDate(closure_date);
  if (closure !== undefined && dayNumber(diagnosis_date) >= dayNumber(closure)) {
    return reject('CLAIM_AFTER_CLOSURE', 'The plan closed on this date; a diagnosis on or after the closure date is not covered.', {
      diagnosis_date: formatCalendarDate(diagnosis_date),
      closure_date,
    });
  }
  return ok(null);
}

/** Whether the closure date has come: the memberships end and the wallets are refunded from then on. */
export function closureIsDue(closure_date: string, today: CalendarDate): boolean {
  const closure = parseCalendarDate(closure_date);
  return closure !== undefined && dayNumber(today) >= dayNumber(closure);
}

/**
 * The claim states a closure report can stand behind: paid, or rejected with its reason. A report
 * proves every claim of the plan is in one of them, so it is not finalised while another is open.
 */
export const closureSettledClaimStates = ['paid', 'rejected', 'rejected_final'] as const;

export type RefundOutcome = 'refunded' | 'retry' | 'unclaimed';

/** What a settled refund attempt leads to: paid, another try, or (tries used up) an unclaimed balance. */
export function refundOutcome(succeeded: boolean, attempts_made: number): RefundOutcome {
  if (succeeded) return 'refunded';
  return attempts_made >= MAX_CLOSURE_REFUND_ATTEMPTS ? 'unclaimed' : 'retry';
}

/** The order of the wind-down's steps; each may run only after the one before it is done. */
export const closureSteps = ['announced', 'closed', 'refunds_done', 'receivables_done', 'finalised'] as const;
export type ClosureStep = (typeof closureSteps)[number];

export function stepIndex(step: ClosureStep): number {
  return closureSteps.indexOf(step);
}
