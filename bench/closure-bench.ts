import { Command, Option } from 'commander';
import type { DialectName } from '../src/store/schema.js';
import { integerOption } from './command-options.js';
import { runClosureBench } from './closure-run.js';
import { printResultLine } from './result-line.js';

interface ClosureBenchCommandOptions {
  readonly db: DialectName;
  readonly members: number;
  readonly proofs: number;
}

export function closureBenchCommand(): Command {
  return new Command('closure')
    .description("a plan's closure report over N memberships: finalised (built, paged, signed), streamed to a file, members' proofs")
    .addOption(new Option('--db <backend>', 'database backend').choices(['sqlite', 'postgres']).default('sqlite'))
    .option('--members <count>', 'memberships of the closing plan', integerOption(1, 100_000_000), 1_000_000)
    .option('--proofs <count>', "members' own lines with their proofs, read after the report", integerOption(1, 10_000), 100)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress and details go to stderr. Setup (memberships and the closure
at its last step, written with set-based SQL) is not timed; the report file is verified afterwards,
not timed. The floor is a bare INSERT … SELECT of as many rows on the same database in the same run.

Examples:
  npm run bench -- closure --members 1000000
  npm run bench -- closure --members 10000000
  npm run bench -- closure --members 1000000 --db postgres`,
    )
    .action(async (options: ClosureBenchCommandOptions) => {
      printResultLine(await runClosureBench({ dialect: options.db, members: options.members, proofs: options.proofs }));
    });
}
