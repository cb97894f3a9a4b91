import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { tieBreakHash } from '../../core/money/tie-break.js';
import type { Database } from '../schema.js';
import { withStatementCache } from './statement-cache.js';

export interface OpenedSqlite {
  readonly db: Kysely<Database>;
  readonly raw: BetterSqlite3.Database;
}

export function openSqlite(path: string): OpenedSqlite {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  // Every integer comes back as a bigint: amounts never pass through a JS number.
  raw.defaultSafeIntegers(true);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: bulk imports were paying a checkpoint per commit.
  raw.pragma('wal_autocheckpoint = 10000');
  raw.pragma('foreign_keys = ON');
  // A second process (the CLI next to `serve`) waits for the write lock instead of failing.
  raw.pragma('busy_timeout = 10000');
  registerAllocationFunctions(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}

/**
 * The tie-break hash of the allocation (DESIGN.md, Allocation) for set-based SQL
 * (src/services/cycles/sql-allocation.ts); PostgreSQL computes the same with sha256().
 * huzhu_tie_key(seed_hex, member_code): the first 60 bits of SHA-256(seed_hex | member_code) as an integer.
 * huzhu_tie_hash(seed_hex, member_code): the whole digest as lower-case hex (compares as the contract says).
 */
function registerAllocationFunctions(raw: BetterSqlite3.Database): void {
  const options = { deterministic: true, varargs: false, safeIntegers: true } as const;
  raw.function('huzhu_tie_key', options, (seed_hex: unknown, member_code: unknown) => {
    if (typeof seed_hex !== 'string' || typeof member_code !== 'string') return null;
    return BigInt(`0x${tieBreakHash(seed_hex, member_code).slice(0, 15)}`);
  });
  raw.function('huzhu_tie_hash', options, (seed_hex: unknown, member_code: unknown) => {
    if (typeof seed_hex !== 'string' || typeof member_code !== 'string') return null;
    return tieBreakHash(seed_hex, member_code);
  });
}
