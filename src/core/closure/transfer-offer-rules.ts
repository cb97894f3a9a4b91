/**
 * The transfer offer at a plan's closure (issue 14, item 1): the operator offers the members a
 * move to a successor's product (an insurer's, as Xiang Hu Bao did); a member who consents has her
 * name, contact and date of birth handed to the successor after the consent deadline. Pure: today
 * and the closure's state come in as arguments.
 */
import { dayNumber, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../members/age.js';
import { ok, reject, type Result } from '../rejection.js';
import { stepIndex, type ClosureStep } from './closure-rules.js';

export const transferOfferRejectionCodes = [
  'TRANSFER_OFFER_BAD_TEXT',
  'TRANSFER_OFFER_BAD_URL',
  'TRANSFER_OFFER_BAD_DEADLINE',
  'TRANSFER_OFFER_DEADLINE_PAST',
  'TRANSFER_OFFER_EXISTS',
  'TRANSFER_OFFER_TOO_LATE',
  'TRANSFER_OFFER_NOT_FOUND',
  'TRANSFER_CONSENT_CLOSED',
  'TRANSFER_CONSENT_NOT_FOUND',
  'TRANSFER_EXPORT_NOT_DUE',
] as const;
export type TransferOfferRejectionCode = (typeof transferOfferRejectionCodes)[number];

/** The furthest ahead a consent deadline may be: members decide within weeks, not years, of a closure. */
export const MAX_TRANSFER_CONSENT_DAYS = 180;

/** Bounds of the operator's texts, in characters (after trimming). */
export const transferTextBounds = {
  successor_name: { min: 2, max: 120 },
  product_name: { min: 2, max: 120 },
  description: { min: 10, max: 2_000 },
  terms_url: { min: 12, max: 500 },
} as const;

/** The personal fields a consenting member's row carries to the successor, in the CSV's column order. */
export const transferredPersonalFields = ['name', 'phone', 'birth_date'] as const;

export interface TransferOfferInput {
  readonly successor_name: string;
  readonly product_name: string;
  readonly description: string;
  readonly terms_url: string;
  readonly consent_deadline: string;
}

export interface TransferOfferState {
  readonly today: CalendarDate;
  /** The plan's closure step, or null when no closure is announced. */
  readonly closure_step: ClosureStep | null;
  readonly already_offered: boolean;
}

function checkText(name: keyof typeof transferTextBounds, value: string): Result<string, TransferOfferRejectionCode> {
  const text = value.trim();
  const bounds = transferTextBounds[name];
  if (text.length < bounds.min || text.length > bounds.max) {
    return reject('TRANSFER_OFFER_BAD_TEXT', `The ${name.replaceAll('_', ' ')} has ${bounds.min} to ${bounds.max} characters.`, { field: name, ...bounds });
  }
  return ok(text);
}

/** An https link with a host, no credentials and no control characters: members follow it to the successor's terms. */
export function checkTermsUrl(value: string): Result<string, TransferOfferRejectionCode> {
  const text = value.trim();
  const bounds = transferTextBounds.terms_url;
  const refuse = () => reject('TRANSFER_OFFER_BAD_URL', 'The terms link must be an https:// address of the successor\'s terms.', { field: 'terms_url' });
  // No white space or control characters anywhere (a link a member follows is one word).
  const hasControl = [...text].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
  if (text.length < bounds.min || text.length > bounds.max || /\s/.test(text) || hasControl) return refuse();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse();
  }
  if (url.protocol !== 'https:' || url.hostname === '' || !url.hostname.includes('.') || url.username !== '' || url.password !== '') return refuse();
  return ok(url.href);
}

/**
 * One offer per plan, while its closure is announced and not yet finalised (before or after the
 * close), with a consent deadline from today up to MAX_TRANSFER_CONSENT_DAYS ahead.
 */
export function checkTransferOffer(input: TransferOfferInput, state: TransferOfferState): Result<TransferOfferInput, TransferOfferRejectionCode | 'CLOSURE_NOT_FOUND'> {
  if (state.closure_step === null) return reject('CLOSURE_NOT_FOUND', 'A transfer offer is made while the plan\'s closure is announced; none is.');
  if (stepIndex(state.closure_step) >= stepIndex('finalised')) {
    return reject('TRANSFER_OFFER_TOO_LATE', 'The closure is finalised: a transfer offer is made before the closure report is published.');
  }
  if (state.already_offered) return reject('TRANSFER_OFFER_EXISTS', 'The plan has its transfer offer already; a plan makes one.');
  const successor_name = checkText('successor_name', input.successor_name);
  if (!successor_name.ok) return successor_name;
  const product_name = checkText('product_name', input.product_name);
  if (!product_name.ok) return product_name;
  const description = checkText('description', input.description);
  if (!description.ok) return description;
  const terms_url = checkTermsUrl(input.terms_url);
  if (!terms_url.ok) return terms_url;
  const deadline = parseCalendarDate(input.consent_deadline);
  if (deadline === undefined || formatCalendarDate(deadline) !== input.consent_deadline) {
    return reject('TRANSFER_OFFER_BAD_DEADLINE', 'The consent deadline must be a date as YYYY-MM-DD.', { consent_deadline: input.consent_deadline });
  }
  const ahead_days = dayNumber(deadline) - dayNumber(state.today);
  if (ahead_days < 0) {
    return reject('TRANSFER_OFFER_DEADLINE_PAST', 'The consent deadline is in the past.', { consent_deadline: input.consent_deadline, today: formatCalendarDate(state.today) });
  }
  if (ahead_days > MAX_TRANSFER_CONSENT_DAYS) {
    return reject('TRANSFER_OFFER_BAD_DEADLINE', `The consent deadline is more than ${MAX_TRANSFER_CONSENT_DAYS} days ahead.`, {
      consent_deadline: input.consent_deadline,
      max_days: MAX_TRANSFER_CONSENT_DAYS,
    });
  }
  return ok({
    successor_name: successor_name.value,
    product_name: product_name.value,
    description: description.value,
    terms_url: terms_url.value,
    consent_deadline: input.consent_deadline,
  });
}

/** Consent is open through the deadline day (UTC): a member may give or withdraw it until that day ends. */
export function consentIsOpen(consent_deadline: string, today: CalendarDate): boolean {
  const deadline = parseCalendarDate(consent_deadline);
  return deadline !== undefined && dayNumber(today) <= dayNumber(deadline);
}

/** After the deadline day the consents are final: the count is published and the operator may export them. */
export function consentDeadlinePassed(consent_deadline: string, today: CalendarDate): boolean {
  return !consentIsOpen(consent_deadline, today);
}
