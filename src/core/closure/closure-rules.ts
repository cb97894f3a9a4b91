/**
 * The wind-down rules of a plan (DESIGN.md: stop joins, keep the claim window open, settle the
 * last cycles, refund every balance, publish a closure report). Pure: today's date and the
 * closure's state come in as arguments.
 */
import { addDays, calendarDateOf, dayNumber, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../members/age.js';
import { assert, ok, reject, type Result } from '../rejection.js';
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
  'CLOSURE_CLAIM_WINDOW_OPEN',
  'CLOSURE_PAYMENTS_PENDING',
  'CLAIM_CLOSURE_FINALISED',
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

/** A plan version's claim window, as the claim path reads it (versionAt: the last version in effect on the diagnosis day). */
export interface ClaimWindowVersion {
  /** ISO 8601 timestamp the version takes effect. */
  readonly effective_at: string;
  readonly claim_window_days: number;
}

export interface ClaimWindowEnd {
  /** The last day a claim for a diagnosis before the closure date may be filed. */
  readonly last_claim_date: string;
  /** The first day the closure can be finalised: the day after the last claim day. */
  readonly finalise_from_date: string;
}

/** The claim window of the version the claim path applies to a diagnosis on `day` (the same choice as versionAt). */
function windowDaysOn(versions: readonly ClaimWindowVersion[], day: CalendarDate): number {
  const at = `${formatCalendarDate(day)}T23:59:59.999Z`;
  let current = versions[0]!;
  for (const version of versions) if (version.effective_at <= at) current = version;
  return current.claim_window_days;
}

/**
 * When the claim window of a closing plan ends. A diagnosis on day d (before the closure date)
 * may be claimed until d + claim_window_days of the version in effect on d (claim-eligibility.ts:
 * `days since diagnosis ≤ claim_window_days`). The window is constant between two versions'
 * first days, so d + window is largest at the last day of such a stretch: the day before the
 * closure date, or the day before a later version takes effect. Those candidates (at most one per
 * version, plus one) are all that need looking at.
 */
export function claimWindowEnd(closure_date: string, versions: readonly ClaimWindowVersion[]): ClaimWindowEnd {
  const closure = parseCalendarDate(closure_date);
  assert(closure !== undefined, `the closure date ${closure_date} is a date`);
  assert(versions.length > 0, 'the plan has a version');
  const last_covered_day = dayNumber(closure) - 1;
  const candidates = new Set<number>([last_covered_day]);
  for (const version of versions) {
    const day_before = dayNumber(calendarDateOf(version.effective_at)) - 1;
    if (day_before < last_covered_day) candidates.add(day_before);
  }
  let last_claim_day = Number.NEGATIVE_INFINITY;
  for (const day of candidates) {
    const window_days = windowDaysOn(versions, addDays(closure, day - dayNumber(closure)));
    last_claim_day = Math.max(last_claim_day, day + window_days);
  }
  const last_claim = addDays(closure, last_claim_day - dayNumber(closure));
  return { last_claim_date: formatCalendarDate(last_claim), finalise_from_date: formatCalendarDate(addDays(last_claim, 1)) };
}

/**
 * Finalising waits for the claim window: a claim filed after the report would be one the report
 * cannot account for. Refused (CLOSURE_CLAIM_WINDOW_OPEN) until the day after the last claim day.
 */
export function checkClaimWindowOver(closure_date: string, versions: readonly ClaimWindowVersion[], today: CalendarDate): Result<ClaimWindowEnd, 'CLOSURE_CLAIM_WINDOW_OPEN'> {
  const end = claimWindowEnd(closure_date, versions);
  if (dayNumber(today) < dayNumber(parseCalendarDate(end.finalise_from_date)!)) {
    return reject('CLOSURE_CLAIM_WINDOW_OPEN', `Claims for diagnoses before the closure date may be filed until ${end.last_claim_date}; the closure can be finalised from ${end.finalise_from_date}.`, {
      closure_date,
      last_claim_date: end.last_claim_date,
      finalise_from_date: end.finalise_from_date,
      today: formatCalendarDate(today),
    });
  }
  return ok(end);
}
