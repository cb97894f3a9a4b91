/**
 * Strict readers of the fields of Huzhu's signed JSON Lines records (the cycle export and the
 * closure report): every key present and no other, each value of one exact shape. A reader throws
 * FieldError naming the field; the record's parser turns it into its own rejection code.
 */

/** Far above any real line (a cycle header lists its cases); bounds a reader's memory on a hostile file. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export const DIGITS = /^(0|[1-9][0-9]*)$/;
export const HEX64 = /^[0-9a-f]{64}$/;
export const HEX128 = /^[0-9a-f]{128}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 date-time with seconds and an explicit offset, as Date.prototype.toISOString writes it.
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// A lone surrogate has no UTF-8 form, so a code holding one has no well-defined leaf or order.
const LONE_SURROGATE = /\p{Cs}/u;

export class FieldError extends Error {}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Missing and unknown keys, named; order is left to the canonical check. */
export function checkKeys(object: Record<string, unknown>, expected: readonly string[], where: string): void {
  const missing = expected.filter((key) => !Object.hasOwn(object, key));
  if (missing.length > 0) throw new FieldError(`${where} lacks ${missing.join(', ')}`);
  const unknown = Object.keys(object).filter((key) => !expected.includes(key));
  if (unknown.length > 0) throw new FieldError(`${where} has unknown key(s) ${unknown.map((key) => JSON.stringify(key)).join(', ')}`);
}

export function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new FieldError(`${field} is not a non-empty string`);
  if (LONE_SURROGATE.test(value)) throw new FieldError(`${field} holds a lone surrogate (not encodable as UTF-8)`);
  return value;
}

export function matching(value: unknown, pattern: RegExp, field: string, shape: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new FieldError(`${field} is not ${shape}`);
  return value;
}

/** Minor units are written as a string of digits: JSON numbers lose precision past 2^53. */
export function minor(value: unknown, field: string): bigint {
  return BigInt(matching(value, DIGITS, field, 'a string of digits (minor units)'));
}

export function count(value: unknown, field: string, least: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least) {
    throw new FieldError(`${field} is not an integer ≥ ${least}`);
  }
  return value;
}

export function parseJsonObject(line: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new FieldError(`${what} is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) throw new FieldError(`${what} is not a JSON object`);
  return value;
}
