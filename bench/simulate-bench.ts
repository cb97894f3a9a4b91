import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { cohortsFromMix } from '../src/sim/cohorts-from-mix.js';
import { Draws, pathGenerator } from '../src/sim/random-draws.js';
import { runSimulation } from '../src/sim/run-simulation.js';
import { MAX_PATHS, MAX_PERIODS, MAX_THREADS } from '../src/sim/run-options.js';
import { scenarioCatalog } from '../src/sim/scenario-catalog.js';
import { MAX_MEMBERS, type ScenarioInput } from '../src/sim/scenario-schema.js';
import { integerOption } from './command-options.js';
import { Progress } from './progress.js';
import { note, printResultLine, roundTo } from './result-line.js';

interface SimulateBenchOptions {
  readonly paths: number;
  readonly periods: number;
  readonly members: number;
  readonly threads: number;
  readonly seed: number;
}

/** Draws timed for the floor: enough for a stable rate, a small part of the run. */
const FLOOR_DRAWS = 4_000_000;

/**
 * The floor: the same kind of binomial draws (the engine's Draws, one per cell and event, with a
 * pool's counts and probabilities) in a bare loop on one thread, scaled to the run's draws and
 * divided by the threads. It is what the draws alone cost, without cells, money or summaries.
 */
function floorSeconds(draws: number, threads: number, members_per_cell: number): number {
  const sampler = new Draws(pathGenerator(1, 0));
  const probabilities = [0.000_02, 0.000_1, 0.003, 0.01];
  let keep = 0;
  const started = performance.now();
  for (let index = 0; index < FLOOR_DRAWS; index += 1) keep += sampler.binomial(members_per_cell, probabilities[index & 3]!);
  const seconds = (performance.now() - started) / 1000;
  // Using the sum keeps the loop from being optimised away.
  return keep >= 0 ? ((seconds * draws) / FLOOR_DRAWS) / threads : 0;
}

export function simulateBenchCommand(): Command {
  return new Command('simulate')
    .description('Monte Carlo simulator: Xiang Hu Bao’s calibrated scenario started from a pool of --members, paths on worker threads')
    .option('--paths <count>', 'Monte Carlo paths', integerOption(1, MAX_PATHS), 1000)
    .option('--periods <count>', 'periods per path (twice-monthly)', integerOption(1, MAX_PERIODS), 120)
    .option('--members <count>', 'members at the start, shaped like the scenario’s joiner mix, tenure one year', integerOption(1, MAX_MEMBERS), 100_000_000)
    .option('--threads <count>', 'worker threads (default: the available cores)', integerOption(1, MAX_THREADS), Math.min(availableParallelism(), MAX_THREADS))
    .option('--seed <number>', 'seed', integerOption(0, 2 ** 32 - 1), 1)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line; progress goes to stderr. Timed: runSimulation from validation to the
summary (quantiles), workers started and stopped inside. Joins replace the base churn
(6% a year); the cells, not the members, are simulated, so the time does not grow with --members.
draws_per_second counts the binomial draws. The floor is as many bare draws on one thread divided
by the threads; ratio = seconds / floor_seconds.

Example:
  npm run bench -- simulate --paths 1000 --periods 120 --members 100000000`,
    )
    .action(async (options: SimulateBenchOptions) => {
      const base = scenarioCatalog['xiang-hu-bao'] as ScenarioInput;
      const initial_cohorts = cohortsFromMix(base, options.members, 365);
      const scenario: ScenarioInput = {
        ...base,
        initial_cohorts,
        joins: [{ from_period: 0, to_period: options.periods - 1, members_per_period: Math.round((options.members * base.churn.base_per_year) / base.periods_per_year) }],
      };
      const progress = new Progress('simulate paths');
      const started = performance.now();
      const run = await runSimulation(scenario, {
        paths: options.paths,
        periods: options.periods,
        seed: options.seed,
        threads: options.threads,
        onProgress: (done, total) => progress.report(done, total, (performance.now() - started) / 1000, done === total),
      });
      const seconds = (performance.now() - started) / 1000;
      const cells = run.summary.periods.length > 0 ? initial_cohorts.length : 0;
      const floor = floorSeconds(run.draws, options.threads, Math.max(1, Math.round(options.members / Math.max(1, cells * 10))));
      const last = run.summary.periods[run.summary.periods.length - 1]!;
      note(`threads ${options.threads}; draws ${run.draws.toLocaleString('en')}; floor ${floor.toFixed(2)} s; members at the end P50 ${Math.round(last.members.p50).toLocaleString('en')}`);
      printResultLine({
        bench: 'simulate',
        paths: options.paths,
        periods: options.periods,
        members: options.members,
        threads: options.threads,
        seconds: roundTo(seconds, 3),
        draws_per_second: Math.round(run.draws / seconds),
        floor_seconds: roundTo(floor, 3),
        ratio: roundTo(seconds / floor, 2),
      });
    });
}
