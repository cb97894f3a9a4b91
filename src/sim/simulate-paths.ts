import { compileModel } from './cell-model.js';
import type { Scenario } from './scenario-schema.js';
import { METRIC_COUNT, simulatePath } from './simulate-path.js';

export interface PathRange {
  readonly periods: number;
  readonly seed: number;
  /** Paths [path_from, path_to). */
  readonly path_from: number;
  readonly path_to: number;
}

export interface PathRangeResult {
  /** (path_to − path_from) paths × periods × METRIC_COUNT, path-major. */
  readonly metrics: Float64Array;
  readonly draws: number;
}

/** Runs a range of paths in this thread: what a worker does with one task. Pure. */
export function simulatePathRange(scenario: Scenario, range: PathRange): PathRangeResult {
  const model = compileModel(scenario, range.periods);
  const size = range.periods * METRIC_COUNT;
  const metrics = new Float64Array((range.path_to - range.path_from) * size);
  let draws = 0;
  for (let path = range.path_from; path < range.path_to; path += 1) {
    const result = simulatePath(model, range.seed, path);
    metrics.set(result.metrics, (path - range.path_from) * size);
    draws += result.draws;
  }
  return { metrics, draws };
}
