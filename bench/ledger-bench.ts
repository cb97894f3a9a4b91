import { Command, Option } from 'commander';
import type { DialectName } from '../src/store/schema.js';
import { integerOption } from './command-options.js';
import { runLedgerBatch } from './ledger-batch-run.js';
import { runLedgerSingle } from './ledger-single-run.js';
import { printResultLine } from './result-line.js';

interface LedgerBenchOptions {
  readonly db: DialectName;
  readonly transfers: number;
  readonly batch: number;
  readonly single: boolean;
  readonly workers: number;
  readonly seconds: number;
  readonly wallets: number;
  readonly seed: number;
}

const batchOnly = ['transfers', 'batch'] as const;
const singleOnly = ['workers', 'seconds'] as const;

export function ledgerBenchCommand(): Command {
  return new Command('ledger')
    .description('double-entry ledger: postTransfers in batches (or postTransfer from concurrent workers with --single) vs bare INSERTs')
    .addOption(new Option('--db <backend>', 'database backend').choices(['sqlite', 'postgres']).default('sqlite'))
    .option('--transfers <count>', 'batch mode: transfers to post', integerOption(1, 100_000_000), 1_000_000)
    .option('--batch <size>', 'batch mode: transfers per postTransfers call (one database transaction)', integerOption(1, 100_000), 1000)
    .option('--single', 'one transfer per database transaction, from concurrent workers, for a fixed time', false)
    .option('--workers <count>', 'single mode: concurrent workers (PostgreSQL: one pooled connection each)', integerOption(1, 100), 8)
    .option('--seconds <seconds>', 'single mode: how long to run each of the floor and the ledger', integerOption(1, 3600), 20)
    .option('--wallets <count>', 'member wallet accounts', integerOption(2, 1_000_000), 1000)
    .option('--seed <number>', 'seed of the deterministic workload', integerOption(0, 2 ** 32 - 1), 1)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress and details go to stderr. The floor is measured in the same run:
  batch mode   bare multi-row INSERTs of the same number of rows, in the same batch sizes
  --single     single-row autocommit INSERTs at the same concurrency for the same time
PostgreSQL: a fresh database in DATABASE_URL when it is a postgres:// URL, else a throw-away durable server.

Examples:
  npm run bench -- ledger --transfers 1000000
  npm run bench -- ledger --transfers 1000000 --db postgres --batch 1000
  npm run bench -- ledger --db postgres --single --workers 8 --seconds 20`,
    )
    .action(async (options: LedgerBenchOptions, command: Command) => {
      const misplaced = (options.single ? batchOnly : singleOnly).filter((name) => command.getOptionValueSource(name) === 'cli');
      if (misplaced.length > 0) {
        command.error(`error: --${misplaced.join(', --')} ${misplaced.length === 1 ? 'does' : 'do'} not apply ${options.single ? 'with' : 'without'} --single`);
      }
      const result = options.single
        ? await runLedgerSingle({ dialect: options.db, workers: options.workers, seconds: options.seconds, wallets: options.wallets, seed: options.seed })
        : await runLedgerBatch({ dialect: options.db, transfers: options.transfers, batch: options.batch, wallets: options.wallets, seed: options.seed });
      printResultLine(result);
    });
}
