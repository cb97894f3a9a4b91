import { Command, Option } from 'commander';
import type { DialectName } from '../src/store/schema.js';
import { integerOption } from './command-options.js';
import { runCycleBench } from './cycle-run.js';
import { printResultLine } from './result-line.js';

interface CycleBenchCommandOptions {
  readonly db: DialectName;
  readonly members: number;
  readonly cases: number;
  readonly verify: boolean;
}

export function cycleBenchCommand(): Command {
  return new Command('cycle')
    .description('one whole sharing cycle (snapshot, allocation, postings, Merkle root, export) over N covered members')
    .addOption(new Option('--db <backend>', 'database backend').choices(['sqlite', 'postgres']).default('sqlite'))
    .option('--members <count>', 'covered members', integerOption(1, 100_000_000), 1_000_000)
    .option('--cases <count>', 'approved cases shared in the cycle', integerOption(1, 1000), 10)
    .option('--no-verify', 'skip checking the export with the streaming verifier afterwards')
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress and details go to stderr. Setup (members and approved claims,
written with set-based SQL) is not timed; the export is verified afterwards, not timed. The floor
is a bare INSERT … SELECT of as many rows on the same database in the same run.

Examples:
  npm run bench -- cycle --members 1000000
  npm run bench -- cycle --members 10000000
  npm run bench -- cycle --members 1000000 --db postgres`,
    )
    .action(async (options: CycleBenchCommandOptions) => {
      printResultLine(await runCycleBench({ dialect: options.db, members: options.members, cases: options.cases, verify: options.verify }));
    });
}
