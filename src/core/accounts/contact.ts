import { maskPhone, normalizePhone } from '../members/masking.js';
import { ok, reject, type Result } from '../rejection.js';

/**
 * A way to reach a person that an account is signed up (and may log in) with: an e-mail address
 * or a mainland China mobile number. One-time codes go to it by e-mail or by SMS.
 */
export type ContactKind = 'email' | 'phone';

export interface Contact {
  readonly kind: ContactKind;
  /** The normalized value (lower-case address; 11 digits without +86). */
  readonly value: string;
  /** What may be shown: n***@example.com, 138****8000. */
  readonly masked: string;
  /** The outbox channel a code for this contact goes through. */
  readonly channel: 'email' | 'sms';
}

/** RFC 5321 limits an address to 254 characters; the local part to 64. */
export const maxEmailLength = 254;
const maxLocalPartLength = 64;
// Deliberately plain: one @, no spaces, a dot in the domain. Delivery of the code proves the rest.
const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const first = [...local][0] ?? '';
  return `${first}***${address.slice(at)}`;
}

/**
 * Reads what a person typed as a contact. An @ makes it an e-mail address; otherwise it must be a
 * mobile number (11 digits starting with 1, spaces, dashes and a +86 prefix allowed).
 */
export function parseContact(input: string): Result<Contact, 'AUTH_BAD_CONTACT'> {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const address = trimmed.toLowerCase();
    const local = address.slice(0, address.lastIndexOf('@'));
    if (address.length > maxEmailLength || local.length > maxLocalPartLength || !emailPattern.test(address)) {
      return reject('AUTH_BAD_CONTACT', 'Give an e-mail address (name@example.com) or a mobile number of 11 digits starting with 1.');
    }
    return ok({ kind: 'email', value: address, masked: maskEmail(address), channel: 'email' });
  }
  const phone = normalizePhone(trimmed);
  if (phone === undefined) {
    return reject('AUTH_BAD_CONTACT', 'Give an e-mail address (name@example.com) or a mobile number of 11 digits starting with 1.');
  }
  return ok({ kind: 'phone', value: phone, masked: maskPhone(phone), channel: 'sms' });
}

/** What a login field may hold besides a username: a contact when it reads as one, else nothing. */
export function contactOrUndefined(input: string): Contact | undefined {
  const parsed = parseContact(input);
  return parsed.ok ? parsed.value : undefined;
}
