import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}
