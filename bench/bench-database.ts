import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describeTarget, parseDatabaseUrl } from '../src/store/database-url.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/store/postgres/throwaway-postgres.js';
import type { DialectName } from '../src/store/schema.js';
import type { Store } from '../src/store/store.js';
import { note } from './result-line.js';

/** A fresh, empty database for one benchmark run, removed again by `dispose`. */
export interface BenchDatabase {
  readonly dialect: DialectName;
  /** What `openStore` takes: `sqlite:/tmp/…/bench.db` or `postgres://…/huzhu_bench_…`. */
  readonly url: string;
  /** For stderr: the URL without a password, and where it came from. */
  readonly label: string;
  dispose(): Promise<void>;
}

function postgresUrlFromEnvironment(): string | undefined {
  const url = process.env['DATABASE_URL'];
  return url !== undefined && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/**
 * SQLite: a new file in the OS temp directory (openStore puts it in WAL mode, synchronous=NORMAL).
 * PostgreSQL: a new database inside DATABASE_URL's server when that is a postgres:// URL, otherwise
 * inside a throw-away server started just for this run with durability on (fsync, synchronous_commit),
 * because a benchmark with fsync off measures nothing a deployment would see.
 */
export async function createBenchDatabase(dialect: DialectName): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'huzhu-bench-'));
    const url = `sqlite:${join(directory, 'bench.db')}`;
    const removeFiles = () => rmSync(directory, { recursive: true, force: true });
    const release = cleanUpOnSignal(removeFiles);
    return {
      dialect,
      url,
      label: `${describeTarget(parseDatabaseUrl(url))} (temporary file)`,
      async dispose() {
        release();
        removeFiles();
      },
    };
  }

  const external = postgresUrlFromEnvironment();
  let server: ThrowawayPostgres | undefined;
  if (external === undefined) {
    note('bench: DATABASE_URL is not a postgres:// URL; starting a throw-away PostgreSQL server (durable: fsync and synchronous_commit on)');
    server = await startThrowawayPostgres({ durable: true });
  }
  const serverUrl = external ?? server!.url;
  const release = cleanUpOnSignal(() => server?.stop());
  try {
    const name = `huzhu_bench_${Date.now().toString(36)}_${process.pid}`;
    await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${name}`;
    const url = databaseUrl.toString();
    return {
      dialect,
      url,
      label: `${describeTarget(parseDatabaseUrl(url))} (${server === undefined ? 'new database in DATABASE_URL' : 'throw-away server'})`,
      async dispose() {
        release();
        if (server !== undefined) {
          // The whole cluster goes, so the database needs no dropping.
          server.stop();
          return;
        }
        await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      },
    };
  } catch (error) {
    release();
    server?.stop();
    throw error;
  }
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Ctrl-C in the middle of a run must not leave a PostgreSQL server or a temp file behind.
 * Returns the function that removes the handlers again once the normal clean-up has run.
 */
function cleanUpOnSignal(cleanUp: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    note(`bench: ${signal}, cleaning up`);
    try {
      cleanUp();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/**
 * Between the floor and the measured phase: write out what the previous phase left behind (the
 * SQLite WAL, PostgreSQL's dirty buffers and the floor table's pending vacuum), so neither phase
 * pays for the other. Not timed.
 */
export async function settleBenchDatabase(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    return;
  }
  await sql`vacuum (analyze)`.execute(store.db);
  try {
    await sql`checkpoint`.execute(store.db);
  } catch (error) {
    // CHECKPOINT needs superuser (or pg_checkpoint); a DATABASE_URL role may not have it.
    note(`bench: checkpoint skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}
