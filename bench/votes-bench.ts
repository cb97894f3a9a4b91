import { Command, Option } from 'commander';
import type { DialectName } from '../src/store/schema.js';
import { integerOption } from './command-options.js';
import { printResultLine } from './result-line.js';
import { runVotesBench } from './votes-run.js';

interface VotesBenchCommandOptions {
  readonly db: DialectName;
  readonly votes: number;
  readonly concurrency: number;
}

export function votesBenchCommand(): Command {
  return new Command('votes')
    .description('jury votes: one claim’s panel of N jurors each casts one secret vote through the HTTP API, concurrently')
    .addOption(new Option('--db <backend>', 'database backend').choices(['sqlite', 'postgres']).default('sqlite'))
    .option('--votes <count>', 'jurors on the panel, each casting one vote', integerOption(1, 1_000_000), 10_000)
    .option('--concurrency <count>', 'HTTP requests in flight', integerOption(1, 1024), 64)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress and details go to stderr. Setup (members, quiz passes, the
claim, the jury, a session per juror) is not timed. The floor is as many GET /api/jury/quiz
requests (no database) at the same concurrency through the same server.

Examples:
  npm run bench -- votes --votes 10000
  npm run bench -- votes --votes 10000 --db postgres --concurrency 32`,
    )
    .action(async (options: VotesBenchCommandOptions) => {
      printResultLine(await runVotesBench({ dialect: options.db, votes: options.votes, concurrency: options.concurrency }));
    });
}
