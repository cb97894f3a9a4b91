import { ok, reject, type Result } from '../rejection.js';
import { parseCalendarDate, type CalendarDate } from './age.js';

/**
 * Mainland resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2
 * check character (0–9 or X).
 */
export interface NationalId {
  readonly normalized: string;
  readonly birth_date: CalendarDate;
  readonly gender: 'male' | 'female';
  readonly region_code: string;
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * weights[index]!;
  return checkCharacters[sum % 11]!;
}

export function parseNationalId(input: string): Result<NationalId, 'MEMBER_BAD_ID_NUMBER'> {
  const normalized = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return reject('MEMBER_BAD_ID_NUMBER', 'An ID number has 17 digits and a check digit or X.');
  }
  const birth_date = parseCalendarDate(`${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`);
  if (birth_date === undefined) return reject('MEMBER_BAD_ID_NUMBER', 'The ID number holds no valid birth date.');
  if (checkCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return reject('MEMBER_BAD_ID_NUMBER', 'The ID number’s check digit is wrong; please check for a typing error.');
  }
  return ok({
    normalized,
    birth_date,
    gender: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
    region_code: normalized.slice(0, 6),
  });
}

/** Builds a valid ID number (for demo data and tests) from its parts. */
export function makeNationalId(region_code: string, birth: CalendarDate, sequence: number, gender: 'male' | 'female'): string {
  let order = sequence % 1000;
  if ((order % 2 === 1) !== (gender === 'male')) order = (order + 1) % 1000;
  const first17 =
    region_code.padStart(6, '1').slice(0, 6) +
    String(birth.year).padStart(4, '0') +
    String(birth.month).padStart(2, '0') +
    String(birth.day).padStart(2, '0') +
    String(order).padStart(3, '0');
  return first17 + checkCharacter(first17);
}
