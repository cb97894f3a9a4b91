import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 and integral numerics (SUM of bigint) become bigint; a fractional numeric is a bug. */
function parseIntegral(text: string): bigint {
  if (!/^-?\d+$/.test(text)) throw new Error(`expected an integral number from PostgreSQL, got ${text}`);
  return BigInt(text);
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return parseIntegral;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

export interface OpenedPostgres {
  readonly db: Kysely<Database>;
  readonly pool: pg.Pool;
}

export function openPostgres(url: string, options: { max?: number } = {}): OpenedPostgres {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
