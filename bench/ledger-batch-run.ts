import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { postTransfers } from '../src/ledger/ledger.js';
import type { DialectName } from '../src/store/schema.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { measureBatchFloor } from './floor-inserts.js';
import { BenchFailure, openBenchAccounts, verifyBenchJournal } from './ledger-setup.js';
import { LedgerWorkload } from './ledger-workload.js';
import { PeakRssSampler } from './peak-rss.js';
import { Progress } from './progress.js';
import { note, roundTo, type BenchResult } from './result-line.js';

export interface LedgerBatchOptions {
  readonly dialect: DialectName;
  readonly transfers: number;
  readonly batch: number;
  readonly wallets: number;
  readonly seed: number;
}

/**
 * `transfers` two-leg transfers through `postTransfers`, `batch` per call (one database transaction
 * each), against the floor: as many bare rows inserted in the same batches. Only the posting calls
 * are timed; generating the transfers, opening accounts and verifying the journal are not.
 */
export async function runLedgerBatch(options: LedgerBatchOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const database = await createBenchDatabase(options.dialect);
  let floor_seconds: number;
  let seconds = 0;
  try {
    note(`ledger: ${database.label}; ${options.transfers.toLocaleString('en')} transfers in batches of ${options.batch}, ${options.wallets} wallets, seed ${options.seed}`);
    floor_seconds = await measureBatchFloor(database, options.transfers, options.batch);
    note(`floor: ${options.transfers.toLocaleString('en')} rows in ${floor_seconds.toFixed(3)} s (${Math.round(options.transfers / floor_seconds).toLocaleString('en')} rows/s)`);

    const store = openStore(database.url);
    try {
      await migrateToLatest(store);
      await openBenchAccounts(store, options.wallets);
      await settleBenchDatabase(store);
      const workload = new LedgerWorkload({ wallets: options.wallets, seed: options.seed, keyPrefix: 'bench-' });
      const progress = new Progress('ledger');
      while (workload.count < options.transfers) {
        const count = Math.min(options.batch, options.transfers - workload.count);
        const inputs = [];
        for (let index = 0; index < count; index += 1) {
          const planned = workload.next();
          // Within one call the ledger applies the transfers in order, so a credit is spendable by the next one.
          workload.settle(planned);
          inputs.push(planned.input);
        }
        const posted_at = new Date().toISOString();
        const startedAt = performance.now();
        const results = await postTransfers(store, inputs, posted_at);
        seconds += (performance.now() - startedAt) / 1000;
        if (results.length !== count || results.some((result) => result.replayed)) {
          throw new BenchFailure(`postTransfers returned ${results.length} results for ${count} new transfers, or replayed one`);
        }
        progress.report(workload.count, options.transfers, seconds, workload.count === options.transfers);
        // Lets the RSS sampler's timer run between batches even with a synchronous driver; not timed.
        await yieldToEventLoop();
      }
      note(`ledger: ${options.transfers.toLocaleString('en')} transfers in ${seconds.toFixed(3)} s (${Math.round(options.transfers / seconds).toLocaleString('en')}/s)`);
      await verifyBenchJournal(store, options.transfers);
    } finally {
      await store.close();
    }
  } finally {
    await database.dispose();
  }
  const rss = sampler.stop();
  note(`rss: peak ${rss.peak_rss_mb.toFixed(1)} MiB (sampled every 50 ms: ${rss.sampled_mb.toFixed(1)}, getrusage maxrss: ${rss.max_rss_mb.toFixed(1)})`);
  return {
    bench: 'ledger',
    db: options.dialect,
    transfers: options.transfers,
    seconds: roundTo(seconds, 3),
    floor_seconds: roundTo(floor_seconds, 3),
    ratio: roundTo(seconds / floor_seconds, 2),
    peak_rss_mb: roundTo(rss.peak_rss_mb, 1),
  };
}
