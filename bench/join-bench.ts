import { Command, Option } from 'commander';
import { maxImportBatch } from '../src/services/member-import.js';
import type { DialectName } from '../src/store/schema.js';
import { integerOption } from './command-options.js';
import { runJoinBench } from './join-run.js';
import { printResultLine } from './result-line.js';

interface JoinBenchCommandOptions {
  readonly db: DialectName;
  readonly members: number;
  readonly batch: number;
  readonly seed: number;
}

export function joinBenchCommand(): Command {
  return new Command('join')
    .description('bulk joining: a generated CSV through the `huzhu member import` pipeline (validate, encrypt, enrol in batches) vs bare INSERTs')
    .addOption(new Option('--db <backend>', 'database backend').choices(['sqlite', 'postgres']).default('sqlite'))
    .option('--members <count>', 'people in the generated CSV', integerOption(1, 20_000_000), 1_000_000)
    .option('--batch <size>', 'lines per enrolMembers call (one database transaction)', integerOption(1, maxImportBatch), 1000)
    .option('--seed <number>', 'seed of the generated people', integerOption(0, 2 ** 32 - 1), 1)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress and details go to stderr. Generating the CSV is not timed; the
import is, from opening the file to the last commit. The floor is as many bare rows inserted in the
same batches, measured in the same run.

Examples:
  npm run bench -- join --members 1000000
  npm run bench -- join --members 100000 --db postgres`,
    )
    .action(async (options: JoinBenchCommandOptions) => {
      printResultLine(await runJoinBench({ dialect: options.db, members: options.members, batch: options.batch, seed: options.seed }));
    });
}
