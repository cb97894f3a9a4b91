import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatMinorPlain } from '../core/money/index.js';
import type { PlanRulesJson } from '../core/plans/plan-rules.js';
import { reject, RejectionError } from '../core/rejection.js';
import type { ServiceContext } from '../services/context.js';
import { addPlanVersion, createPlan, getPlan, listPlans, setPlanStatus, versionAt, type Plan } from '../services/plans.js';
import { withCliContext } from './cli-context.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

type StatusCounts = Record<string, number>;

/** Memberships per plan and status, in one grouped query. */
async function membershipCounts(context: ServiceContext): Promise<Map<string, StatusCounts>> {
  const rows = await context.store.db
    .selectFrom('memberships')
    .select(['plan_id', 'status', (eb) => eb.fn.countAll<bigint | number | string>().as('count')])
    .groupBy(['plan_id', 'status'])
    .execute();
  const counts = new Map<string, StatusCounts>();
  for (const row of rows) {
    const plan = counts.get(row.plan_id) ?? {};
    plan[row.status] = Number(row.count);
    counts.set(row.plan_id, plan);
  }
  return counts;
}

function badFile(path: string, message: string): never {
  throw new RejectionError(reject('CLI_BAD_FILE', `${path}: ${message}`).rejection);
}

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    badFile(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    badFile(path, `not valid JSON (${(error as Error).message})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const money = (minor: string | null, currency: string) => (minor === null ? 'none' : `${formatMinorPlain(BigInt(minor), currency)} ${currency}`);
const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/** The rules of one version, as an operator reads them. */
export function describeRules(rules: PlanRulesJson): string[] {
  const { currency } = rules;
  const youngest = rules.join_age.min_years > 0 ? `${rules.join_age.min_years} years` : `${rules.join_age.min_days} days`;
  const funding =
    rules.funding.model === 'post_paid'
      ? `post-paid; a failed collection is retried until ${rules.funding.retry_until_days_before_next} days before the next share date, then the membership lapses`
      : `prepaid wallets; top-ups ${money(rules.funding.min_top_up_minor, currency)} to ${money(rules.funding.max_top_up_minor, currency)}, wallet at most ${money(rules.funding.max_wallet_balance_minor, currency)}, low-balance reminder below ${money(rules.funding.low_balance_minor, currency)}, lapse after ${rules.funding.grace_days} days unmet`;
  let previousMax = -1;
  const bands = rules.aid_bands.map((band) => {
    const range = `${previousMax + 1}–${band.max_age_years}`;
    previousMax = band.max_age_years;
    return `${range}: ${money(band.aid_minor, currency)}`;
  });
  const weights =
    rules.share_weights === null ? 'equal' : rules.share_weights.map((band) => `up to ${band.max_age_years} years × ${band.weight}`).join(', ');
  return [
    `join age: ${youngest} to ${rules.join_age.max_years} years`,
    `aid by age at diagnosis: ${bands.join('; ')}`,
    `waiting period: ${rules.waiting_days} days`,
    `management fee: ${percent(rules.fee_bps)} of aid (${rules.fee_bps} bps)`,
    `caps: per member per case ${money(rules.caps.per_case_minor, currency)}, per year ${money(rules.caps.per_year_minor, currency)}; capped part: ${rules.caps.policy === 'backstop' ? 'borne by the operator backstop' : 'reduces aid pro rata'}`,
    `schedule: notices on day ${rules.schedule.notice_days_of_month.join(', ')}; collection on day ${rules.schedule.collection_days_of_month.join(', ')} of the month`,
    `funding: ${funding}`,
    `claims: within ${rules.claim_window_days} days of diagnosis; public notice ${rules.notice_days} days`,
    `jury: quorum ${rules.jury.quorum_votes} votes (at most ${percent(rules.jury.quorum_share_bps)} of eligible jurors), majority ${percent(rules.jury.majority_bps)}, tie → ${rules.jury.on_tie}, missed quorum → ${rules.jury.on_missed_quorum}`,
    `share weights: ${weights}`,
    `aids per member: at most ${rules.max_aids_per_member}; family enrolment: ${rules.family_enrollment ? 'yes' : 'no'}`,
    `covered illnesses (${rules.illnesses.length}):`,
    ...rules.illnesses.map((illness) => `  ${illness.code}  ${illness.name_zh} / ${illness.name_en}`),
    `health questions (${rules.health_questions.length}; a "yes" refuses joining):`,
    ...rules.health_questions.map((question) => `  ${question.code}  ${question.text_en}`),
  ];
}

function liveCount(counts: StatusCounts | undefined): number {
  return (counts?.waiting ?? 0) + (counts?.active ?? 0);
}

function describePlan(plan: Plan, counts: StatusCounts | undefined, now: string): string[] {
  const current = versionAt(plan, now);
  const statuses = ['waiting', 'active', 'lapsed', 'withdrawn', 'terminated', 'ended'].map((status) => `${counts?.[status] ?? 0} ${status}`).join(', ');
  return [
    `${plan.id}  ${plan.name_zh} / ${plan.name_en}`,
    `status: ${plan.status} (${plan.status === 'open' ? 'takes new members' : 'takes no new members'}); currency ${plan.currency}; created ${plan.created_at}`,
    `memberships: ${statuses}`,
    '',
    `rules in force: version ${current.version}, effective ${current.effective_at}`,
    ...describeRules(current.rules).map((line) => `  ${line}`),
    '',
    'version history:',
    ...plan.versions.map((version) => {
      const state = version.version === current.version ? 'in force' : version.effective_at > now ? 'scheduled' : 'superseded';
      return `  v${version.version}  effective ${version.effective_at}  (${state}, created ${version.created_at})  ${version.note}`;
    }),
  ];
}

function planWithCounts(plan: Plan, counts: StatusCounts | undefined) {
  return { ...plan, memberships: counts ?? {} };
}

export function registerPlanCommands(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('Mutual aid plans and their versioned rules. Changes take effect only through a new, future-dated version.');

  plan
    .command('list')
    .description('List the plans with their status, funding model, rule version in force and live memberships (waiting + active).')
    .option('--json', 'print the plans as JSON (rules and versions included)')
    .action(async (options: { json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          const plans = await listPlans(context);
          const counts = await membershipCounts(context);
          if (options.json) {
            io.out(JSON.stringify(plans.map((entry) => planWithCounts(entry, counts.get(entry.id))), null, 2));
            return;
          }
          const now = context.clock.now().toISOString();
          const rows = plans.map((entry) => {
            const current = versionAt(entry, now);
            return [entry.id, entry.status, current.rules.funding.model, `v${current.version}`, String(liveCount(counts.get(entry.id))), `${entry.name_zh} / ${entry.name_en}`];
          });
          io.out(formatTable(['id', 'status', 'funding', 'rules', 'members', 'name'], rows));
        }),
      ),
    );

  plan
    .command('show')
    .description('Show a plan: the rules in force, membership counts and the full version history.')
    .argument('<id>', 'plan id, e.g. critical-illness')
    .option('--json', 'print the plan as JSON')
    .action(async (id: string, options: { json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          const found = await getPlan(context, id);
          const counts = (await membershipCounts(context)).get(id);
          io.out(options.json ? JSON.stringify(planWithCounts(found, counts), null, 2) : describePlan(found, counts, context.clock.now().toISOString()).join('\n'));
        }),
      ),
    );

  plan
    .command('create')
    .description(
      'Create a plan from a JSON file holding its id, names and rules: {"id": "…", "name_zh": "…", "name_en": "…", "rules": {…}}.\n' +
        'Version 1 applies from now. `huzhu plan show critical-illness --json` prints a complete example of rules.',
    )
    .requiredOption('--file <path>', 'the JSON file')
    .option('--json', 'print the created plan as JSON')
    .action(async (options: { file: string; json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          const input = await readJsonFile(options.file);
          if (!isObject(input)) badFile(options.file, 'expected an object with id, name_zh, name_en and rules');
          const { id, name_zh, name_en, rules } = input;
          if (typeof id !== 'string' || typeof name_zh !== 'string' || typeof name_en !== 'string' || rules === undefined) {
            badFile(options.file, 'expected an object with id, name_zh, name_en (strings) and rules');
          }
          const created = await createPlan(context, { id, name_zh, name_en, rules }, null);
          io.out(options.json ? JSON.stringify(created, null, 2) : `created plan ${created.id} (${created.name_en}), version 1 effective ${created.versions[0]?.effective_at ?? ''}`);
        }),
      ),
    );

  plan
    .command('version')
    .description(
      'Add a new rule version to a plan. It must take effect in the future (PLAN_VERSION_IN_PAST otherwise), after the latest version;\n' +
        'every payer with a live membership is notified. The file holds the rules, or an object with a "rules" field (as for plan create).',
    )
    .argument('<id>', 'plan id')
    .requiredOption('--file <path>', 'JSON file with the new rules')
    .requiredOption('--effective <time>', 'when the version takes effect, ISO 8601, e.g. 2027-01-01T00:00:00Z')
    .requiredOption('--note <text>', 'what changes and why (shown to members)')
    .option('--json', 'print the plan as JSON')
    .action(async (id: string, options: { file: string; effective: string; note: string; json?: boolean }) =>
      runAction(io, () =>
        withCliContext(io.env, async (context) => {
          const input = await readJsonFile(options.file);
          const rules = isObject(input) && 'rules' in input ? input.rules : input;
          const updated = await addPlanVersion(context, id, { rules, effective_at: options.effective, note: options.note }, null);
          const added = updated.versions[updated.versions.length - 1]!;
          io.out(options.json ? JSON.stringify(updated, null, 2) : `plan ${id}: version ${added.version} takes effect ${added.effective_at}; members with a live membership were notified`);
        }),
      ),
    );

  for (const [name, status, description] of [
    ['close', 'closed', 'Close a plan to new members (existing memberships continue).'],
    ['open', 'open', 'Open a closed plan to new members again.'],
  ] as const) {
    plan
      .command(name)
      .description(description)
      .argument('<id>', 'plan id')
      .action(async (id: string) =>
        runAction(io, () =>
          withCliContext(io.env, async (context) => {
            const updated = await setPlanStatus(context, id, status);
            io.out(`plan ${updated.id} is ${updated.status}`);
          }),
        ),
      );
  }
}

/** Left-aligned columns separated by two spaces (widths by code points, good enough for a terminal). */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
