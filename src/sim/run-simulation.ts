import { Piscina } from 'piscina';
import { assert } from '../core/rejection.js';
import { compileModel } from './cell-model.js';
import { runOptionsOrThrow, type RunOptionsInput } from './run-options.js';
import { scenarioOrThrow, type InitialCohort } from './scenario-schema.js';
import { METRIC_COUNT } from './simulate-path.js';
import { simulatePathRange } from './simulate-paths.js';
import type { SimulationTask } from './simulation-worker.js';
import { summarizePaths, type SimulationSummary } from './summarize.js';

export interface RunSimulationOptions extends RunOptionsInput {
  /** Called after each finished batch of paths, in the calling thread. */
  readonly onProgress?: (paths_done: number, paths_total: number) => void;
  /**
   * Where a live plan's membership comes from (`huzhu simulate --from-plan`): its cells replace the
   * scenario's initial_cohorts. Called once, before validation, so bad cohorts are refused up front.
   */
  readonly initialCohorts?: () => Promise<readonly InitialCohort[]> | readonly InitialCohort[];
}

export interface SimulationRun {
  readonly scenario_name: string;
  readonly seed: number;
  readonly threads: number;
  readonly summary: SimulationSummary;
  /** Binomial draws made over all paths (the bench's unit of work). */
  readonly draws: number;
}

/** Paths per task: small enough for a progress bar to move, big enough that messaging costs nothing. */
const TASKS_PER_THREAD = 8;

/**
 * The compiled worker. Under the TypeScript sources (vitest), workers cannot load .ts files on
 * Node 20, so they run the build in dist/ (the tests build first, as the CLI tests do).
 */
function workerFilename(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/src/sim/simulation-worker.js', here) : new URL('./simulation-worker.js', here);
  return url.href;
}

/**
 * Validates the scenario and the options (before any work), then runs the paths on `threads` worker
 * threads (0: in this thread). Each path draws from its own generator of (seed, path index), and
 * the summary is computed over paths in index order, so 1 and 2 threads give the same result.
 */
export async function runSimulation(input: unknown, options: RunSimulationOptions): Promise<SimulationRun> {
  const { onProgress, initialCohorts, ...size } = options;
  const run = runOptionsOrThrow(size);
  const given = initialCohorts === undefined ? input : { ...(input as Record<string, unknown>), initial_cohorts: await initialCohorts() };
  const scenario = scenarioOrThrow(given);
  const model = compileModel(scenario, run.periods);
  const path_size = run.periods * METRIC_COUNT;
  const paths: Float64Array[] = new Array<Float64Array>(run.paths);
  let draws = 0;
  let paths_done = 0;
  const batch = Math.max(1, Math.ceil(run.paths / (Math.max(1, run.threads) * TASKS_PER_THREAD)));
  const keep = (path_from: number, path_to: number, metrics: Float64Array, batch_draws: number) => {
    for (let path = path_from; path < path_to; path += 1) paths[path] = metrics.subarray((path - path_from) * path_size, (path - path_from + 1) * path_size);
    draws += batch_draws;
    paths_done += path_to - path_from;
    onProgress?.(paths_done, run.paths);
  };
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < run.paths; from += batch) ranges.push([from, Math.min(run.paths, from + batch)]);

  if (run.threads === 0) {
    for (const [path_from, path_to] of ranges) {
      const result = simulatePathRange(scenario, { periods: run.periods, seed: run.seed, path_from, path_to });
      keep(path_from, path_to, result.metrics, result.draws);
    }
  } else {
    const pool = new Piscina({ filename: workerFilename(), minThreads: run.threads, maxThreads: run.threads, idleTimeout: 1_000 });
    try {
      await Promise.all(
        ranges.map(async ([path_from, path_to]) => {
          const task: SimulationTask = { scenario, periods: run.periods, seed: run.seed, path_from, path_to };
          const reply = (await pool.run(task)) as Float64Array;
          const metrics_length = (path_to - path_from) * path_size;
          assert(reply.length === metrics_length + 1, 'a worker replies with its paths and its draw count');
          keep(path_from, path_to, reply.subarray(0, metrics_length), reply[metrics_length]!);
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  return { scenario_name: scenario.name, seed: run.seed, threads: run.threads, summary: summarizePaths(model, paths), draws };
}
