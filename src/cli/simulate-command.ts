import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { MAX_THREADS } from '../sim/run-options.js';
import { runSimulation, type SimulationRun } from '../sim/run-simulation.js';
import { scenarioCatalog, scenarioNames } from '../sim/scenario-catalog.js';
import type { InitialCohort } from '../sim/scenario-schema.js';
import { BANDED_METRICS, type SimulationSummary } from '../sim/summarize.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

/**
 * The hook for `--from-plan`: given a plan id, its current membership as cells (the SQL that groups
 * covered members by age, sex, risk class and tenure). When a provider is passed the option
 * appears; the lead wires it to the store.
 */
export interface SimulateCommandHooks {
  readonly planCohorts?: (plan_id: string) => Promise<readonly InitialCohort[]>;
}

interface SimulateOptions {
  readonly scenario: string;
  readonly paths: number;
  readonly periods: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly out?: string;
  readonly fromPlan?: string;
}

/** A whole number for commander; the simulator checks the bounds itself and names the parameter. */
function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new InvalidArgumentError(`expected a whole number, got ${JSON.stringify(value)}`);
  return Number(value.replace(/_/g, ''));
}

const CSV_COLUMNS = [
  'period',
  'start_date',
  'year',
  ...BANDED_METRICS.flatMap((metric) => ['p5', 'p50', 'p95'].map((quantile) => `${metric}_${quantile}`)),
  'probability_cap_crossed',
  'probability_below_threshold',
];

/** One line per period: the columns above, numbers rounded to 2 decimals (money stays in minor units). */
export function summaryCsv(summary: SimulationSummary): string {
  const number = (value: number) => String(Math.round(value * 100) / 100);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of summary.periods) {
    const bands = BANDED_METRICS.flatMap((metric) => [row[metric].p5, row[metric].p50, row[metric].p95].map(number));
    lines.push([row.period, row.start_date, row.year, ...bands, number(row.probability_cap_crossed), number(row.probability_below_threshold)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function yearLines(run: SimulationRun, currency: string): string[] {
  const money = (minor: number) => (minor / 100).toFixed(2);
  const lines = [`${run.scenario_name}: ${run.summary.paths} paths, seed ${run.seed}; P50 [P5–P95]`];
  for (const year of run.summary.years) {
    lines.push(
      `${year.year} (${year.periods} periods): cost per member ${money(year.cost_per_member_minor.p50)} ${currency} [${money(year.cost_per_member_minor.p5)}–${money(year.cost_per_member_minor.p95)}], ` +
        `people helped ${Math.round(year.people_helped.p50)}, members at the end ${Math.round(year.members_end.p50)}, backstop ${money(year.backstop_minor.p50)} ${currency}`,
    );
  }
  lines.push(`cap crossed in ${(run.summary.probability_cap_crossed_ever * 100).toFixed(1)}% of paths; fell below the member threshold in ${(run.summary.probability_fell_below_threshold * 100).toFixed(1)}%`);
  return lines;
}

function jsonText(run: SimulationRun): string {
  return `${JSON.stringify({ scenario: run.scenario_name, seed: run.seed, threads: run.threads, draws: run.draws, ...run.summary }, null, 2)}\n`;
}

async function loadScenario(name_or_file: string): Promise<unknown> {
  const named = scenarioCatalog[name_or_file];
  if (named !== undefined) return named;
  if (!name_or_file.endsWith('.json')) throw new Error(`no scenario named ${name_or_file} (known: ${scenarioNames.join(', ')}; or give a .json file)`);
  return JSON.parse(await readFile(name_or_file, 'utf8')) as unknown;
}

function progressBar(io: CliIo): { update: (done: number, total: number) => void; stop: () => void } {
  if (!io.stderrIsTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'simulate [{bar}] {value}/{total} paths', hideCursor: true, clearOnComplete: true, fps: 5 });
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, done);
      else bar.update(done);
      started = true;
    },
    stop: () => bar.stop(),
  };
}

export function registerSimulateCommand(program: Command, io: CliIo, hooks: SimulateCommandHooks = {}): void {
  const command = program
    .command('simulate')
    .description(
      'Monte Carlo forecast of a plan: cohort cells (age band, sex, risk class, tenure), seeded paths on worker threads (same seed, same result on any number of threads).\n' +
        `--scenario is a shipped scenario (${scenarioNames.join(', ')}; documented in src/sim/scenarios/) or a scenario .json file.\n` +
        'Without --out it prints, per calendar year, the cost per member (sum of the shares per member), people helped, members at the end and backstop (P50 [P5–P95]).\n' +
        `--out FILE.csv: one line per period with the columns ${CSV_COLUMNS.join(', ')}; money in minor units (fen), averages to 2 decimals; ` +
        'share_per_member is the period\'s shares over the members covered at its start, incidence_per_100k is annualised, operator_margin = fee − backstop − operating cost, ' +
        'probability_cap_crossed the share of paths whose yearly cap was hit, probability_below_threshold the share below the scenario\'s member_threshold.\n' +
        '--out FILE.json: the whole summary: periods (the same bands as objects {p5, p50, p95}), years (cost_per_member_minor, people_helped, members_end, backstop_minor, ' +
        'operator_margin_minor, share_of_cases_aged_40_plus), probability_cap_crossed_ever, probability_fell_below_threshold, and the draws made.\n' +
        'A bad scenario or option is refused before any work, naming the field (error SIM_BAD_SCENARIO / SIM_BAD_OPTIONS, exit 2).',
    )
    .requiredOption('--scenario <name_or_file>', 'a shipped scenario name or a scenario .json file')
    .requiredOption('--paths <count>', 'Monte Carlo paths (1–10000)', wholeNumber)
    .requiredOption('--periods <count>', 'periods per path (1–1200)', wholeNumber)
    .option('--seed <number>', 'seed (0–4294967295, default 1)', wholeNumber)
    .option('--threads <count>', `worker threads (0 runs in this thread; default: the available cores, at most ${MAX_THREADS})`, wholeNumber)
    .option('--out <file>', 'write the result to a .csv or .json file');
  if (hooks.planCohorts !== undefined) command.option('--from-plan <plan_id>', "start from the plan's current membership instead of the scenario's initial_cohorts");
  command.action(async (options: SimulateOptions) =>
    runAction(io, async () => {
      if (options.out !== undefined && !/\.(csv|json)$/.test(options.out)) throw new Error('--out must end in .csv or .json');
      const input = await loadScenario(options.scenario);
      const planCohorts = hooks.planCohorts;
      const from_plan = options.fromPlan;
      const bar = progressBar(io);
      let run: SimulationRun;
      try {
        run = await runSimulation(input, {
          paths: options.paths,
          periods: options.periods,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          threads: options.threads ?? Math.min(availableParallelism(), MAX_THREADS),
          onProgress: bar.update,
          ...(from_plan !== undefined && planCohorts !== undefined ? { initialCohorts: () => planCohorts(from_plan) } : {}),
        });
      } finally {
        bar.stop();
      }
      const currency = (input as { currency?: string }).currency ?? '';
      if (options.out === undefined) {
        for (const line of yearLines(run, currency)) io.out(line);
        return;
      }
      await writeFile(options.out, options.out.endsWith('.csv') ? summaryCsv(run.summary) : jsonText(run));
      io.out(`wrote ${options.out}: ${run.summary.periods.length} periods, ${run.summary.paths} paths, seed ${run.seed}`);
    }),
  );
}
