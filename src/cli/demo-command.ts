import { InvalidArgumentError, type Command } from 'commander';
import { defaultDemoMembers, defaultDemoSeed, maxDemoMembers, seedDemo, type DemoSummary } from '../services/demo/seed-demo.js';
import { describeTarget } from '../store/database-url.js';
import { withCliContext } from './cli-context.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

function memberCount(value: string): number {
  const count = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(count) || count < 1 || count > maxDemoMembers) throw new InvalidArgumentError(`a whole number from 1 to ${maxDemoMembers}`);
  return count;
}

export function describeDemo(summary: DemoSummary, target: string): string[] {
  const lines = [
    `DEMO DATA in ${target} (seed ${JSON.stringify(summary.seed)}): ${summary.people} made-up people, ${summary.memberships} memberships, joined ${summary.from} to ${summary.to.slice(0, 10)}`,
  ];
  for (const [plan_id, statuses] of Object.entries(summary.by_plan)) {
    lines.push(`  ${plan_id}: ${Object.entries(statuses).map(([status, count]) => `${count} ${status}`).join(', ')}`);
  }
  lines.push(`  ${summary.rejoined} lapsed members rejoined with a new waiting period`);
  const money = summary.funding;
  lines.push(
    `  money (simulated gateway, signed webhooks): ${money.top_ups} wallet top-ups (${money.failed_top_ups} failed), ${money.cycles} monthly cycles,`,
    `    post-paid (charged in the last completed cycle): ${money.collections} shares collected, ${money.failed_collections} collection attempts failed;` +
      ` prepaid: ${money.deductions} deductions paid, ${money.unpaid_deductions} unmet; ${money.wallet_refunds} wallet refunds; ${money.lapsed_unpaid} lapsed for unpaid shares`,
  );
  lines.push('Every demo person and membership is marked demo=1; names, ID numbers and phones are made up.');
  return lines;
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Seed a demo community into a new database: made-up members of both sample plans who joined over the past eighteen months,\n' +
        'with waiting periods passed, lapses, withdrawals and rejoins, wallet top-ups, monthly sharing cycles (prepaid deductions;\n' +
        'post-paid receivables and collections, some failing, in the last completed cycle) through the simulated gateway. Every person and membership is marked demo=1. The same --seed gives the same community.\n' +
        'Refused with HUZHU_ENV=production (DEMO_IN_PRODUCTION) and on a database that has memberships (DEMO_DATABASE_NOT_EMPTY).\n' +
        '`huzhu serve` does this by itself on a new database outside production.',
    )
    .option('--members <count>', 'how many people', memberCount, defaultDemoMembers)
    .option('--seed <text>', 'seed of the made-up data', defaultDemoSeed)
    .option('--json', 'print the summary as JSON')
    .action(async (options: { members: number; seed: string; json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          const summary = await seedDemo(context, io.env, { members: options.members, seed: options.seed, log: (line) => io.err(line) });
          io.out(options.json ? JSON.stringify(summary, null, 2) : describeDemo(summary, describeTarget(context.store.target)).join('\n'));
        }, { samplePlans: false }),
      ),
    );
}
