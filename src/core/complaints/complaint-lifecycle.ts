import { addDays, calendarDateOf, formatCalendarDate } from '../members/age.js';
import { assert, ok, reject, type Result } from '../rejection.js';

/**
 * A member's complaint (issue 14, item 4): filed about something of one of their own memberships,
 * answered by a staff owner before a deadline, then accepted or disputed by the member, once.
 * Escalation is a mark (escalated_at), not a state: an escalated complaint still needs its response.
 */
export const complaintStates = ['filed', 'assigned', 'responded', 'accepted', 'disputed'] as const;
export type ComplaintState = (typeof complaintStates)[number];

/** What a complaint can be about; each names one row that belongs to a membership. */
export const complaintSubjectKinds = ['claim', 'share_charge', 'payment', 'payout', 'decision'] as const;
export type ComplaintSubjectKind = (typeof complaintSubjectKinds)[number];

export const complaintOutcomes = ['upheld', 'partly_upheld', 'rejected'] as const;
export type ComplaintOutcome = (typeof complaintOutcomes)[number];

export const complaintReplies = ['accept', 'dispute'] as const;
export type ComplaintReply = (typeof complaintReplies)[number];

export type ComplaintAction = 'assign' | 'respond' | 'reply';

/** States in which the operator still owes a response (the queue and the deadline apply). */
export const awaitingResponseStates: readonly ComplaintState[] = ['filed', 'assigned'];

/** Bounds of the texts, so a complaint fits a page and a report line. */
export const complaintTextMinChars = 10;
export const complaintTextMaxChars = 2000;
export const outcomeTextMaxChars = 2000;
export const replyTextMaxChars = 1000;
/** The response deadline in calendar days is an operator setting; these bound it. */
export const minResponseDays = 1;
export const maxResponseDays = 90;
export const defaultResponseDays = 15;

export type ComplaintRejectionCode =
  | 'COMPLAINT_BAD_TEXT'
  | 'COMPLAINT_BAD_TRANSITION'
  | 'COMPLAINT_NOT_RESPONDED'
  | 'COMPLAINT_ALREADY_REPLIED'
  | 'COMPLAINT_BAD_RESPONSE_DAYS';

/** A text the member or staff write: trimmed, within bounds (counted in code points, as people read them). */
export function checkText(field: string, text: string, min_chars: number, max_chars: number): Result<string, 'COMPLAINT_BAD_TEXT'> {
  const trimmed = text.trim();
  const length_chars = [...trimmed].length;
  if (length_chars < min_chars || length_chars > max_chars) {
    return reject('COMPLAINT_BAD_TEXT', `${field}: between ${min_chars} and ${max_chars} characters (got ${length_chars}).`, {
      field,
      min_chars,
      max_chars,
      length_chars,
    });
  }
  return ok(trimmed);
}

export function checkResponseDays(response_days: number): Result<number, 'COMPLAINT_BAD_RESPONSE_DAYS'> {
  if (!Number.isInteger(response_days) || response_days < minResponseDays || response_days > maxResponseDays) {
    return reject('COMPLAINT_BAD_RESPONSE_DAYS', `complaint_response_days: a whole number of days from ${minResponseDays} to ${maxResponseDays}.`, {
      field: 'complaint_response_days',
    });
  }
  return ok(response_days);
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Calendar days from the filing instant: 15 days after 10:00 on the 1st is 10:00 on the 16th (UTC).
 * Instants are ISO strings of one format (the store's), so they compare as text.
 */
export function responseDeadline(filed_at: string, response_days: number): string {
  assert(isoInstant.test(filed_at), `filed_at is an ISO instant (${filed_at})`);
  const date = formatCalendarDate(addDays(calendarDateOf(filed_at), response_days));
  return `${date}${filed_at.slice(10)}`;
}

/** Due for escalation: still awaiting a response, not escalated yet, and the deadline reached. */
export function isDueForEscalation(complaint: { state: ComplaintState; deadline_at: string; escalated_at: string | null }, now: string): boolean {
  return awaitingResponseStates.includes(complaint.state) && complaint.escalated_at === null && now >= complaint.deadline_at;
}

/**
 * The one transition table. Assigning again (to another owner) is allowed until the response; a
 * response comes once; the member's reply comes once, and only after the response.
 */
export function nextState(state: ComplaintState, action: ComplaintAction, reply?: ComplaintReply): Result<ComplaintState, ComplaintRejectionCode> {
  switch (action) {
    case 'assign':
    case 'respond':
      if (!awaitingResponseStates.includes(state)) {
        return reject('COMPLAINT_BAD_TRANSITION', `A complaint in state ${state} has its response already.`, { state, action });
      }
      return ok(action === 'assign' ? 'assigned' : 'responded');
    case 'reply':
      if (state === 'accepted' || state === 'disputed') return reject('COMPLAINT_ALREADY_REPLIED', 'You have replied to this response already.', { state });
      if (state !== 'responded') return reject('COMPLAINT_NOT_RESPONDED', 'You can reply once the operator has responded.', { state });
      return ok(reply === 'accept' ? 'accepted' : 'disputed');
  }
}
