import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/services/clock.js';
import { cryptoRandom, type ServiceContext } from '../src/services/context.js';
import { FieldCipher } from '../src/services/crypto/field-cipher.js';
import type { PaymentGateway } from '../src/services/payments/payment-gateway.js';
import { importMembers } from '../src/services/member-import.js';
import { ensureSamplePlans } from '../src/services/plans.js';
import type { DialectName } from '../src/store/schema.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { measureBatchFloor } from './floor-inserts.js';
import { writeJoinCsv } from './join-csv.js';
import { BenchFailure } from './ledger-setup.js';
import { PeakRssSampler } from './peak-rss.js';
import { Progress } from './progress.js';
import { note, roundTo, type BenchResult } from './result-line.js';

/** Joining moves no money: a gateway that is never called. */
const noPayments: PaymentGateway = {
  name: 'none',
  collect: async () => {
    throw new BenchFailure('the join bench asked for a payment');
  },
  payout: async () => {
    throw new BenchFailure('the join bench asked for a payout');
  },
  verifyWebhook: () => false,
};

export interface JoinBenchOptions {
  readonly dialect: DialectName;
  readonly members: number;
  readonly batch: number;
  readonly seed: number;
}

/**
 * Bulk joining as `huzhu member import` does it: a generated CSV of `members` valid people
 * (written to a temp file first, not timed) is streamed through `importMembers`, which validates
 * each line and enrols `batch` lines per transaction (encrypting name, ID number and phone, and
 * hashing the ID number). The import is timed from opening the file to the last commit.
 * Floor: as many bare rows inserted in the same batches (floor-inserts.ts).
 */
export async function runJoinBench(options: JoinBenchOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const directory = mkdtempSync(join(tmpdir(), 'huzhu-bench-join-'));
  const csv = join(directory, 'members.csv');
  const database = await createBenchDatabase(options.dialect);
  let seconds: number;
  let floor_seconds: number;
  let imported: number;
  let refused: number;
  try {
    note(`join: ${database.label}; ${options.members.toLocaleString('en')} members in batches of ${options.batch}, seed ${options.seed}`);
    const generatedAt = performance.now();
    await writeJoinCsv(csv, options.members, options.seed, new Date().toISOString());
    note(`csv: ${options.members.toLocaleString('en')} lines, ${(statSync(csv).size / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s (not timed)`);

    floor_seconds = await measureBatchFloor(database, options.members, options.batch);
    note(`floor: ${options.members.toLocaleString('en')} rows in ${floor_seconds.toFixed(3)} s`);

    const store = openStore(database.url);
    try {
      await migrateToLatest(store);
      const context: ServiceContext = { store, clock: systemClock, cipher: new FieldCipher(randomBytes(32)), random: cryptoRandom, gateway: noPayments };
      await ensureSamplePlans(context);
      await settleBenchDatabase(store);

      const progress = new Progress('join');
      const startedAt = performance.now();
      const summary = await importMembers(context, createReadStream(csv), {
        batch_size: options.batch,
        onProgress: (update) => progress.report(update.lines, options.members, (performance.now() - startedAt) / 1000),
        onRefused: (refusal) => note(`refused line ${refusal.line}: ${refusal.code}: ${refusal.message}`),
      });
      seconds = (performance.now() - startedAt) / 1000;
      ({ imported, refused } = summary);
      note(`join: imported ${imported.toLocaleString('en')}, refused ${refused} in ${seconds.toFixed(3)} s (${Math.round(imported / seconds).toLocaleString('en')}/s)`);
      if (imported !== options.members || refused !== 0) throw new BenchFailure(`expected ${options.members} members imported and none refused, got ${imported} and ${refused}`);
      const counted = await store.db.selectFrom('memberships').select((eb) => eb.fn.countAll<bigint | number | string>().as('count')).executeTakeFirstOrThrow();
      if (Number(counted.count) !== options.members) throw new BenchFailure(`the database holds ${counted.count} memberships, expected ${options.members}`);
    } finally {
      await store.close();
    }
  } finally {
    await database.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
  const rss = sampler.stop();
  note(`rss: peak ${rss.peak_rss_mb.toFixed(1)} MiB (sampled every 50 ms: ${rss.sampled_mb.toFixed(1)}, getrusage maxrss: ${rss.max_rss_mb.toFixed(1)})`);
  return {
    bench: 'join',
    db: options.dialect,
    members: options.members,
    seconds: roundTo(seconds, 3),
    imported,
    refused,
    floor_seconds: roundTo(floor_seconds, 3),
    ratio: roundTo(seconds / floor_seconds, 2),
    peak_rss_mb: roundTo(rss.peak_rss_mb, 1),
  };
}
