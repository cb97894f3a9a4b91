import { Command, InvalidArgumentError } from 'commander';
import { RejectionError } from '../core/rejection.js';
import { loadConfig } from '../config.js';
import { verifyJournal } from '../ledger/verify-journal.js';
import { describeTarget } from '../store/database-url.js';
import { migrateToLatest, openStore } from '../store/store.js';
import { packageVersion } from './package-version.js';
import { serve } from './serve-command.js';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

const program = new Command()
  .name('huzhu')
  .description('Huzhu: run online mutual aid plans. Settings come from the environment: DATABASE_URL (sqlite:<path> or postgres://…, default sqlite:./data/huzhu.db), PORT, HOST, LOG_LEVEL, HUZHU_ENV.')
  .version(packageVersion());

program
  .command('serve')
  .description('Migrate the database and serve the web app and API (default http://localhost:8080). On a new database, creates the admin and prints its one-time password.')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 8080)', portNumber)
  .option('--host <host>', 'address to listen on (default: $HOST or localhost)')
  .action(async (options: { port?: number; host?: string }) => serve(options));

program
  .command('migrate')
  .description('Apply every pending schema migration to DATABASE_URL and exit.')
  .action(async () => {
    const store = openStore(loadConfig().databaseUrl);
    try {
      const result = await migrateToLatest(store);
      const applied = result.results ?? [];
      console.log(applied.length === 0 ? `${describeTarget(store.target)}: schema is current` : applied.map((r) => `${r.migrationName}: ${r.status}`).join('\n'));
    } finally {
      await store.close();
    }
  });

const ledger = program.command('ledger').description('The double-entry ledger.');
ledger
  .command('verify')
  .description('Recompute the journal hash chain, check every transaction balances and every account balance equals its postings. Exit 0 when all holds, 1 when anything differs.')
  .option('--json', 'print the full report as JSON')
  .action(async (options: { json?: boolean }) => {
    const store = openStore(loadConfig().databaseUrl);
    try {
      const report = await verifyJournal(store);
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
      } else if (report.ok) {
        console.log(`OK: ${report.transactions} transactions, ${report.postings} postings and ${report.accounts} accounts verified; journal head ${report.head_seq} ${report.head_hash}`);
      } else {
        console.log(`FAILED: ${report.problems.length} problem(s) in ${describeTarget(store.target)}`);
        for (const problem of report.problems) console.log(`  ${problem.code}: ${problem.message}`);
      }
      process.exitCode = report.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof RejectionError) {
    console.error(`error ${error.rejection.code}: ${error.rejection.message}`);
  } else {
    console.error(`error: ${(error as Error).message}`);
  }
  process.exitCode = 2;
});
