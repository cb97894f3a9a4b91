import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { openSqlite } from '../src/store/sqlite/open-sqlite.js';
import type { BenchDatabase } from './bench-database.js';
import { runForDuration, type DurationRun } from './concurrent-workers.js';
import { Progress } from './progress.js';

/*
 * The floor: the least work any ledger could do for the same number of rows — a bare INSERT into a
 * two-column table, measured in the same run, on the same database, with the same durability
 * settings and the same transaction shape (one transaction per batch, or one per row).
 *
 * It goes through the raw driver (better-sqlite3 / pg), not through Kysely, because that is the
 * tighter floor: the statement is prepared once and reused (better-sqlite3 statement object, pg
 * named prepared statement), where Kysely compiles the query and the driver parses it again every
 * time. (Measured here, 200,000 rows in batches of 1,000: the raw driver took 0.15 s on SQLite and
 * 0.91 s on PostgreSQL, multi-row `sql` through Kysely on the store 0.52 s and 1.78 s.)
 * The ledger's own overhead, Kysely included, is what the ratio is meant to show.
 * Multi-row statements hold at most 1000 rows, as the ledger's inserts do, which also keeps them
 * under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */

const createFloorTable = 'create table bench_floor (id bigint primary key, amount_minor bigint not null)';
const rowsPerStatement = 1000;

/** Deterministic, varied amounts, so the floor rows are no more compressible than real ones. */
function floorAmountMinor(id: number): number {
  return 1 + ((id * 7919) % 100_000);
}

function multiRowInsert(rows: number, placeholder: (parameter: number) => string): string {
  const tuples = Array.from({ length: rows }, (_, row) => `(${placeholder(2 * row + 1)}, ${placeholder(2 * row + 2)})`);
  return `insert into bench_floor (id, amount_minor) values ${tuples.join(', ')}`;
}

/** The batch's values in statements of at most `rowsPerStatement` rows; a batch that fits is not copied. */
function statementChunks(values: number[]): number[][] {
  if (values.length <= 2 * rowsPerStatement) return [values];
  const chunks: number[][] = [];
  for (let start = 0; start < values.length; start += 2 * rowsPerStatement) chunks.push(values.slice(start, start + 2 * rowsPerStatement));
  return chunks;
}

interface FloorConnection {
  createTable(): Promise<void>;
  /** `values` is id, amount, id, amount, …; all of it in one database transaction. */
  insertBatch(values: number[]): Promise<void>;
  /** One row in its own (autocommit) transaction. */
  insertOne(id: number, amount_minor: number): Promise<void>;
  close(): Promise<void>;
}

function openSqliteFloor(path: string): FloorConnection {
  // openSqlite gives this connection exactly the pragmas the store's connection has (WAL, synchronous=NORMAL).
  const { raw } = openSqlite(path);
  // Prepared on first use (the table does not exist yet when the connection opens), then reused.
  const statements = new Map<number, BetterSqlite3.Statement>();
  const statementFor = (rows: number) => {
    let statement = statements.get(rows);
    if (statement === undefined) {
      statement = raw.prepare(multiRowInsert(rows, () => '?'));
      statements.set(rows, statement);
    }
    return statement;
  };
  const begin = raw.prepare('begin');
  const commit = raw.prepare('commit');
  const rollback = raw.prepare('rollback');
  return {
    async createTable() {
      raw.exec(createFloorTable);
    },
    async insertBatch(values) {
      begin.run();
      try {
        for (const chunk of statementChunks(values)) statementFor(chunk.length / 2).run(chunk);
        commit.run();
      } catch (error) {
        if (raw.inTransaction) rollback.run();
        throw error;
      }
    },
    async insertOne(id, amount_minor) {
      statementFor(1).run(id, amount_minor);
    },
    async close() {
      raw.close();
    },
  };
}

async function openPostgresFloor(url: string): Promise<FloorConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async createTable() {
      await client.query(createFloorTable);
    },
    async insertBatch(values) {
      await client.query('begin');
      try {
        for (const chunk of statementChunks(values)) {
          const rows = chunk.length / 2;
          await client.query({ name: `bench_floor_insert_${rows}`, text: multiRowInsert(rows, (n) => `$${n}`), values: chunk });
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
    async insertOne(id, amount_minor) {
      await client.query({ name: 'bench_floor_insert_1', text: multiRowInsert(1, (n) => `$${n}`), values: [id, amount_minor] });
    },
    async close() {
      await client.end();
    },
  };
}

async function openFloorConnection(database: BenchDatabase): Promise<FloorConnection> {
  const target = parseDatabaseUrl(database.url);
  return target.dialect === 'sqlite' ? openSqliteFloor(target.path) : openPostgresFloor(target.url);
}

/** Inserts `rows` rows in batches of `batchSize`, one transaction each; returns the seconds spent inside the transactions. */
export async function measureBatchFloor(database: BenchDatabase, rows: number, batchSize: number): Promise<number> {
  const connection = await openFloorConnection(database);
  try {
    await connection.createTable();
    const progress = new Progress('floor');
    let seconds = 0;
    let inserted = 0;
    while (inserted < rows) {
      const count = Math.min(batchSize, rows - inserted);
      // Building the batch is not timed, as generating the transfers is not timed for the ledger.
      const values: number[] = new Array<number>(2 * count);
      for (let row = 0; row < count; row += 1) {
        const id = inserted + row + 1;
        values[2 * row] = id;
        values[2 * row + 1] = floorAmountMinor(id);
      }
      const startedAt = performance.now();
      await connection.insertBatch(values);
      seconds += (performance.now() - startedAt) / 1000;
      inserted += count;
      progress.report(inserted, rows, seconds, inserted === rows);
      // Lets the RSS sampler's timer run between batches even with a synchronous driver; not timed.
      await yieldToEventLoop();
    }
    return seconds;
  } finally {
    await connection.close();
  }
}

/**
 * Single-row autocommit INSERTs from `workers` concurrent loops for `seconds`. On PostgreSQL each
 * worker has its own connection (as the ledger's workers each hold a pooled one); on SQLite they
 * share the one connection, as they share the store's.
 */
export async function measureSingleFloor(database: BenchDatabase, workers: number, seconds: number): Promise<DurationRun> {
  const connections: FloorConnection[] = [];
  try {
    const connectionCount = database.dialect === 'sqlite' ? 1 : workers;
    for (let index = 0; index < connectionCount; index += 1) connections.push(await openFloorConnection(database));
    await connections[0]!.createTable();
    let nextId = 1;
    return await runForDuration({
      label: 'floor',
      workers,
      seconds,
      step: async (worker) => {
        const id = nextId;
        nextId += 1;
        await connections[worker % connections.length]!.insertOne(id, floorAmountMinor(id));
      },
    });
  } finally {
    for (const connection of connections) await connection.close();
  }
}
