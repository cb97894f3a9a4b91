import { sql, type RawBuilder } from 'kysely';

/** Each value is split at this power of two so the SQL sums of both halves stay far inside int64. */
const splitFactor = 2n ** 32n;
const factor = sql.lit(splitFactor.toString());

/**
 * The select list of an exact, set-based sum of a bigint column: a plain sum() throws on SQLite
 * (`integer overflow`) once the total passes 2^63 − 1. Each value x is summed as x / 2^32 and
 * x % 2^32 instead (both databases truncate towards zero, so x = q·2^32 + r with |q| ≤ 2^31 and
 * |r| < 2^32): neither sum can overflow below 2^31 rows. exactSumOf puts the total together in bigint.
 */
export function exactSumParts(column: string): RawBuilder<unknown> {
  const ref = sql.ref(column);
  return sql`sum(${ref} / ${factor}) as sum_high, sum(${ref} % ${factor}) as sum_low`;
}

export interface SumParts {
  readonly sum_high: bigint | number | string | null;
  readonly sum_low: bigint | number | string | null;
}

/** The exact total of a row selected with exactSumParts (PostgreSQL's sum(bigint) is a numeric string; no rows give null). */
export function exactSumOf(row: SumParts | undefined): bigint {
  return BigInt(row?.sum_high ?? 0n) * splitFactor + BigInt(row?.sum_low ?? 0n);
}
