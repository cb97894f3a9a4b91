import { ok, reject, type Result } from '../rejection.js';

/**
 * Checked arithmetic on the signed 64-bit range both databases store money in (SQLite INTEGER,
 * PostgreSQL bigint). bigint itself never overflows, so without these checks a sum past 2^63 − 1
 * is computed fine in JavaScript and only fails later, inside SQL, for every caller at once.
 */
export const int64MinMinor = -(2n ** 63n);
export const int64MaxMinor = 2n ** 63n - 1n;

export type Int64RejectionCode = 'MONEY_OUT_OF_INT64_RANGE';

export function isInt64(value: bigint): boolean {
  return value >= int64MinMinor && value <= int64MaxMinor;
}

function inRange(value: bigint, operation: string): Result<bigint, Int64RejectionCode> {
  if (isInt64(value)) return ok(value);
  return reject('MONEY_OUT_OF_INT64_RANGE', `${operation} leaves the signed 64-bit range.`, {
    result_minor: value.toString(),
    min_minor: int64MinMinor.toString(),
    max_minor: int64MaxMinor.toString(),
  });
}

/** a + b, refused when the result (not only the operands) leaves the int64 range. */
export function checkedAdd(a: bigint, b: bigint): Result<bigint, Int64RejectionCode> {
  return inRange(a + b, `${a} + ${b}`);
}

/** a − b, refused when the result leaves the int64 range. */
export function checkedSub(a: bigint, b: bigint): Result<bigint, Int64RejectionCode> {
  return inRange(a - b, `${a} − ${b}`);
}

/**
 * The sum of the values, refused when the total leaves the int64 range. Partial sums may pass
 * outside on the way (bigint holds them exactly); only the total is stored, so only it must fit,
 * and the answer then does not depend on the order of the values.
 */
export function checkedSum(values: Iterable<bigint>): Result<bigint, Int64RejectionCode> {
  let total = 0n;
  let count = 0;
  for (const value of values) {
    total += value;
    count += 1;
  }
  return inRange(total, `The sum of ${count} amounts`);
}
