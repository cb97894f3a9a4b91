import { openAccount } from '../src/ledger/ledger.js';
import { verifyJournal } from '../src/ledger/verify-journal.js';
import type { Store } from '../src/store/store.js';
import { benchAccountDefinitions } from './ledger-workload.js';
import { note } from './result-line.js';

/** Thrown when a run finished but its result cannot be trusted; the runner exits 1 without a JSON line. */
export class BenchFailure extends Error {
  override readonly name = 'BenchFailure';
}

/** Opens the wallets, custody and income accounts (not timed), a few at a time. */
export async function openBenchAccounts(store: Store, wallets: number): Promise<void> {
  const startedAt = performance.now();
  const definitions = benchAccountDefinitions(wallets);
  const created_at = new Date().toISOString();
  const concurrency = 8;
  for (let start = 0; start < definitions.length; start += concurrency) {
    await Promise.all(definitions.slice(start, start + concurrency).map((definition) => openAccount(store, definition, created_at)));
  }
  note(`ledger: opened ${definitions.length} accounts in ${((performance.now() - startedAt) / 1000).toFixed(2)} s (not timed)`);
}

/**
 * A fast ledger that posts a broken journal has measured nothing: the whole journal is verified
 * (hash chain, balanced legs, stored balances = postings, guards), outside the timed seconds.
 */
export async function verifyBenchJournal(store: Store, expectedTransactions: number): Promise<void> {
  const startedAt = performance.now();
  const report = await verifyJournal(store);
  const seconds = (performance.now() - startedAt) / 1000;
  note(
    `verify: ok=${report.ok}, ${report.transactions.toLocaleString('en')} transactions, ${report.postings.toLocaleString('en')} postings, ` +
      `${report.accounts} accounts in ${seconds.toFixed(2)} s (not timed)`,
  );
  for (const problem of report.problems.slice(0, 20)) note(`verify: ${problem.code}: ${problem.message}`);
  if (!report.ok) throw new BenchFailure('verifyJournal found problems in the journal');
  if (report.transactions !== expectedTransactions) {
    throw new BenchFailure(`the journal holds ${report.transactions} transactions, expected ${expectedTransactions}`);
  }
}
