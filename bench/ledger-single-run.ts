import { postTransfer, postTransfers } from '../src/ledger/ledger.js';
import type { DialectName } from '../src/store/schema.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { runForDuration, type DurationRun } from './concurrent-workers.js';
import { measureSingleFloor } from './floor-inserts.js';
import { BenchFailure, openBenchAccounts, verifyBenchJournal } from './ledger-setup.js';
import { LedgerWorkload } from './ledger-workload.js';
import { PeakRssSampler } from './peak-rss.js';
import { note, roundTo, type BenchResult } from './result-line.js';

export interface LedgerSingleOptions {
  readonly dialect: DialectName;
  readonly workers: number;
  readonly seconds: number;
  readonly wallets: number;
  readonly seed: number;
}

/**
 * One transfer per database transaction (`postTransfer`) from `workers` concurrent async workers
 * for `seconds`, against the floor: single-row autocommit INSERTs at the same concurrency for the
 * same time. On PostgreSQL every worker holds its own pooled connection; on SQLite the workers
 * share the one connection, as every caller of a SQLite store does.
 */
export async function runLedgerSingle(options: LedgerSingleOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const database = await createBenchDatabase(options.dialect);
  let floor: DurationRun;
  let ledger: DurationRun;
  try {
    note(`ledger: ${database.label}; one transfer per transaction, ${options.workers} workers for ${options.seconds} s, ${options.wallets} wallets, seed ${options.seed}`);
    floor = await measureSingleFloor(database, options.workers, options.seconds);

    const store = openStore(database.url, { postgresPoolSize: options.workers });
    try {
      await migrateToLatest(store);
      await openBenchAccounts(store, options.wallets);
      const workload = new LedgerWorkload({ wallets: options.wallets, seed: options.seed, keyPrefix: 'bench-' });
      // Not timed: every wallet's first top-up, so the timed transfers have money to move.
      while (workload.count < options.wallets) {
        const batch = [];
        while (batch.length < 1000 && workload.count < options.wallets) batch.push(workload.next());
        await postTransfers(store, batch.map((planned) => planned.input), new Date().toISOString());
        for (const planned of batch) workload.settle(planned);
      }
      await settleBenchDatabase(store);
      ledger = await runForDuration({
        label: 'ledger',
        workers: options.workers,
        seconds: options.seconds,
        step: async () => {
          const planned = workload.next();
          const result = await postTransfer(store, planned.input, new Date().toISOString());
          if (result.replayed) throw new BenchFailure(`transfer ${planned.input.idempotency_key} was replayed, not posted`);
          workload.settle(planned);
        },
      });
      await verifyBenchJournal(store, options.wallets + ledger.operations);
    } finally {
      await store.close();
    }
  } finally {
    await database.dispose();
  }
  const per_second = ledger.operations / ledger.elapsedSeconds;
  const floor_per_second = floor.operations / floor.elapsedSeconds;
  note(`floor: ${floor.operations.toLocaleString('en')} rows in ${floor.elapsedSeconds.toFixed(3)} s (${floor_per_second.toFixed(1)}/s)`);
  note(`ledger: ${ledger.operations.toLocaleString('en')} transfers in ${ledger.elapsedSeconds.toFixed(3)} s (${per_second.toFixed(1)}/s)`);
  const rss = sampler.stop();
  note(`rss: peak ${rss.peak_rss_mb.toFixed(1)} MiB (sampled every 50 ms: ${rss.sampled_mb.toFixed(1)}, getrusage maxrss: ${rss.max_rss_mb.toFixed(1)})`);
  return {
    bench: 'ledger',
    db: options.dialect,
    mode: 'single',
    workers: options.workers,
    seconds: options.seconds,
    transfers: ledger.operations,
    per_second: roundTo(per_second, 1),
    floor_per_second: roundTo(floor_per_second, 1),
    // How many times slower than the floor, as in batch mode.
    ratio: roundTo(floor_per_second / per_second, 2),
    peak_rss_mb: roundTo(rss.peak_rss_mb, 1),
  };
}
