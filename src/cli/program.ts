import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { verifyJournal } from '../ledger/verify-journal.js';
import { describeTarget } from '../store/database-url.js';
import { migrateToLatest, openStore } from '../store/store.js';
import { registerCycleCommands } from './cycle-commands.js';
import { registerDemoCommand } from './demo-command.js';
import { registerMemberCommands } from './member-commands.js';
import { packageVersion } from './package-version.js';
import { registerPlanCommands } from './plan-commands.js';
import { registerReportCommands } from './report-command.js';
import { serve } from './serve-command.js';
import { registerSimulateCommand } from './simulate-command.js';
import { registerVerifyCommand } from './verify-command.js';

/** Where commands write and what they read, so tests run them in-process. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
  /** True when stderr is a terminal, so progress bars may draw; tests leave it unset. */
  readonly stderrIsTTY?: boolean;
}

export const processIo: CliIo = {
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  setExitCode: (code) => (process.exitCode = code),
  stderrIsTTY: process.stderr.isTTY === true,
};

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('huzhu')
    .description(
      'Huzhu: run online mutual aid plans.\n' +
        'Settings come from the environment: DATABASE_URL (sqlite:<path> or postgres://…, default sqlite:./data/huzhu.db), PORT, HOST, LOG_LEVEL, HUZHU_ENV, HUZHU_ADMIN_PASSWORD,\n' +
        'HUZHU_DATA_KEY (else the key file huzhu.key next to the SQLite file, or ./data/huzhu.key), HUZHU_GATEWAY_FAILURE_RATE, HUZHU_GATEWAY_DELAY_MS, HUZHU_GATEWAY_SECRET, HUZHU_JOBS_CRON (background jobs, default every minute), HUZHU_CYCLES_CRON (sharing cycles of the plans whose notice day has come, default 00:05 UTC daily).',
    )
    .version(packageVersion())
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();

  program
    .command('serve')
    .description('Migrate the database and serve the API (default http://localhost:8080). On a new database, create the admin and print its one-time password.')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 8080)', portNumber)
    .option('--host <host>', 'address to listen on (default: $HOST or localhost)')
    .action(async (options: { port?: number; host?: string }) => serve(options, io));

  program
    .command('migrate')
    .description('Apply every pending schema migration to DATABASE_URL and exit.')
    .action(async () => {
      const store = openStore(loadConfig(io.env).databaseUrl);
      try {
        const applied = (await migrateToLatest(store)).results ?? [];
        io.out(applied.length === 0 ? `${describeTarget(store.target)}: schema is current` : applied.map((r) => `${r.migrationName}: ${r.status}`).join('\n'));
      } finally {
        await store.close();
      }
    });

  const ledger = program.command('ledger').description('The double-entry ledger.');
  ledger
    .command('verify')
    .description(
      'Recompute the journal hash chain, and check that every transaction balances and every account balance equals its postings.\n' +
        'Exit status 0 when all holds, 1 when anything differs (each difference is printed), 2 on an error.',
    )
    .option('--json', 'print the full report as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = openStore(loadConfig(io.env).databaseUrl);
      try {
        const report = await verifyJournal(store);
        if (options.json) {
          io.out(JSON.stringify(report, null, 2));
        } else if (report.ok) {
          io.out(`OK: ${report.transactions} transactions, ${report.postings} postings and ${report.accounts} accounts verified; journal head ${report.head_seq} ${report.head_hash}`);
        } else {
          io.out(`FAILED: ${report.problems.length} problem(s) in ${describeTarget(store.target)}`);
          for (const problem of report.problems) io.out(`  ${problem.code}: ${problem.message}`);
        }
        io.setExitCode(report.ok ? 0 : 1);
      } finally {
        await store.close();
      }
    });
  registerPlanCommands(program, io);
  registerMemberCommands(program, io);
  registerDemoCommand(program, io);
  registerCycleCommands(program, io);
  registerVerifyCommand(program, io);
  registerSimulateCommand(program, io);
  registerReportCommands(program, io);
  return program;
}
