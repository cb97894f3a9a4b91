import { InvalidArgumentError, type Command } from 'commander';
import { formatMinorPlain } from '../core/money/index.js';
import { loadConfig } from '../config.js';
import { defaultBlobStore } from '../http/app.js';
import { ensureInitialAdmin } from '../services/users.js';
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
    `  money (simulated gateway, signed webhooks): ${money.top_ups} wallet top-ups (${money.failed_top_ups} failed), ${money.wallet_refunds} wallet refunds;`,
    `    post-paid: ${money.collections} shares collected, ${money.failed_collections} collection attempts failed;` +
      ` prepaid: ${money.deductions} deductions paid, ${money.unpaid_deductions} unmet; ${money.lapsed_unpaid} lapsed for unpaid shares`,
  );
  const completed = summary.cycles.filter((cycle) => cycle.status === 'completed');
  const plans = [...new Set(summary.cycles.map((cycle) => cycle.plan_id))];
  lines.push(`  sharing cycles (the last two months, every notice day): ${completed.length} completed`);
  for (const plan_id of plans) {
    const cycles = summary.cycles.filter((cycle) => cycle.plan_id === plan_id);
    lines.push(`    ${plan_id}:`);
    for (const cycle of cycles) {
      const share = cycle.share_min_minor === cycle.share_max_minor ? formatYuan(cycle.share_max_minor) : `${formatYuan(cycle.share_min_minor)}–${formatYuan(cycle.share_max_minor)}`;
      const money = cycle.case_count === 0 ? '' : `: aid ${formatYuan(cycle.aid_total_minor)} CNY, share ${share} CNY per member, backstop ${formatYuan(cycle.backstop_minor)} CNY`;
      lines.push(`      ${cycle.cycle_id.slice(-8)} ${plural(cycle.case_count, 'case')}, ${plural(cycle.member_count, 'member')}` + (cycle.capped_members > 0 ? ` (${cycle.capped_members} capped)` : '') + money);
    }
  }
  const claims = Object.entries(summary.claims).map(([state, count]) => `${count} ${state}`);
  const payouts = summary.payouts;
  lines.push(
    `  claims (with made-up evidence): ${claims.length === 0 ? 'none' : claims.join(', ')}`,
    `  aid payouts: ${Object.entries(payouts.by_status).map(([status, count]) => `${count} ${status}`).join(', ') || 'none'}, ${formatYuan(payouts.paid_minor)} CNY paid;` +
      ` ${payouts.advances} operator advances (${formatYuan(payouts.advanced_minor)} CNY, ${formatYuan(payouts.repaid_minor)} CNY repaid)`,
  );
  lines.push('Every demo person and membership is marked demo=1; names, ID numbers and phones are made up.');
  lines.push(...describeDemoLogins(summary));
  return lines;
}

/** The demo logins as printed at the first start and by `huzhu demo` (an empty list when there are none). */
export function describeDemoLogins(summary: Pick<DemoSummary, 'logins' | 'stories'>, url?: string): string[] {
  if (summary.logins.length === 0) return [];
  const width = Math.max(...summary.logins.map((login) => login.username.length));
  const lines = [`Demo logins (made-up people, never with HUZHU_ENV=production), each with password "${summary.logins[0]!.password}":`];
  for (const login of summary.logins) lines.push(`  ${login.username.padEnd(width)}  ${login.shows}`);
  const { stories } = summary;
  const cases = [
    stories.in_notice.length > 0 ? `in public notice ${stories.in_notice.join(', ')}` : undefined,
    stories.open_jury === null ? undefined : `jury voting ${stories.open_jury}`,
    stories.closed_jury === null ? undefined : `jury closed ${stories.closed_jury}`,
    stories.member_claim === null ? undefined : `demo-member's paid claim ${stories.member_claim}`,
  ].filter((text) => text !== undefined);
  if (cases.length > 0) lines.push(`  cases: ${cases.join('; ')}`);
  if (url !== undefined) lines.push(`  Log in at ${url}/login (or POST /api/auth/login).`);
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatYuan(minor: string): string {
  return formatMinorPlain(BigInt(minor), 'CNY');
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Seed a demo community into a new database: made-up members who joined the community\'s two plans over the past eighteen\n' +
        'months (plans sized for it: community-critical-illness, post-paid, and community-senior-cancer, prepaid; the sample plans stay empty),\n' +
        'with waiting periods passed, lapses, withdrawals and rejoins, wallet top-ups, and in the last two months real sharing cycles of\n' +
        'both plans on every notice day, with cases from the claims flow (made-up evidence in the server\'s blob store), shares,\n' +
        'collections (some failing), prepaid deductions, lapses and aid payouts through the simulated gateway. Every person and membership\n' +
        'is marked demo=1. The same --seed gives the same community. Demo logins demo-member, demo-prepaid and demo-juror\n' +
        '(password demo-password) show the member and juror pages, and demo-reviewer, demo-investigator, demo-operator,\n' +
        'demo-operator-2, demo-auditor and demo-admin the staff console; the administrator is created first and its password printed.\n' +
        'Refused with HUZHU_ENV=production (DEMO_IN_PRODUCTION) and on a database that has memberships (DEMO_DATABASE_NOT_EMPTY).\n' +
        '`huzhu serve` does this by itself on a new database outside production.',
    )
    .option('--members <count>', 'how many people', memberCount, defaultDemoMembers)
    .option('--seed <text>', 'seed of the made-up data', defaultDemoSeed)
    .option('--json', 'print the summary as JSON')
    .action(async (options: { members: number; seed: string; json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          // The demo logins are the first accounts of a new database: make the administrator first (as
          // `serve` would on its first start, which then sees users and makes none) and show its password once.
          const seeds = io.env.HUZHU_ENV !== 'production' && (await context.store.db.selectFrom('memberships').select('id').limit(1).executeTakeFirst()) === undefined;
          const admin = seeds ? await ensureInitialAdmin(context.store, context.clock.now().toISOString(), loadConfig(io.env).adminPassword) : undefined;
          if (admin !== undefined) io.err(`New database: created the administrator "${admin.username}" with password: ${admin.password} (shown once; change it with POST /api/auth/password)`);
          // The evidence goes where `serve` keeps it (blobs/ next to the SQLite file, else ./data/blobs).
          const summary = await seedDemo(context, io.env, { members: options.members, seed: options.seed, blobStore: defaultBlobStore(context.store), log: (line) => io.err(line) });
          io.out(options.json ? JSON.stringify(summary, null, 2) : describeDemo(summary, describeTarget(context.store.target)).join('\n'));
        }, { samplePlans: false }),
      ),
    );
}
