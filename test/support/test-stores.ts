import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import pg from 'pg';
import { migrateToLatest, openStore, type Store } from '../../src/store/store.js';
import type { DialectName } from '../../src/store/schema.js';

export const backends: readonly DialectName[] = ['sqlite', 'postgres'];

export function postgresAvailable(): boolean {
  return inject('postgresUrl') !== '';
}

/** A URL for a new, empty database on the given backend. */
export async function freshDatabaseUrl(dialect: DialectName): Promise<string> {
  const name = `huzhu_test_${randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') return 'sqlite::memory:';
  const admin = inject('postgresUrl');
  if (admin === '') throw new Error('PostgreSQL is not available');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated, empty store on the given backend; close it when done. */
export async function freshStore(dialect: DialectName): Promise<Store> {
  const store = openStore(await freshDatabaseUrl(dialect));
  await migrateToLatest(store);
  return store;
}

/**
 * Runs a suite once per backend: the one contract, on SQLite and PostgreSQL. Outside CI, a
 * missing PostgreSQL skips its half (the global setup says so loudly); in CI it fails the run.
 */
export function describeEachBackend(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of backends) {
    describe.skipIf(dialect === 'postgres' && !postgresAvailable())(`${name} [${dialect}]`, () => suite(dialect));
  }
}
