import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { migrationsFor } from './migrations/index.js';
import { openPostgres } from './postgres/open-postgres.js';
import type { Db, DialectName } from './schema.js';
import { openSqlite } from './sqlite/open-sqlite.js';

/** One open database, whichever backend. Services take a Store; only this folder knows the dialect details. */
export interface Store {
  readonly db: Db;
  readonly dialect: DialectName;
  readonly target: DatabaseTarget;
  close(): Promise<void>;
}

export function openStore(url: string, options: { postgresPoolSize?: number } = {}): Store {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    const { db } = openSqlite(target.path);
    return { db, dialect: 'sqlite', target, close: () => db.destroy() };
  }
  const { db } = openPostgres(target.url, { max: options.postgresPoolSize });
  return { db, dialect: 'postgres', target, close: () => db.destroy() };
}

export async function migrateToLatest(store: Store): Promise<MigrationResultSet> {
  const migrations = migrationsFor(store.dialect);
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** The migrations this code knows that the database has not applied yet (also proves the database answers). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(store.db);
  const names = new Set(applied.rows.map((row) => row.name));
  return Object.keys(migrationsFor(store.dialect)).filter((name) => !names.has(name));
}
