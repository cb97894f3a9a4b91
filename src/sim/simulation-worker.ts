import { move } from 'piscina';
import type { Scenario } from './scenario-schema.js';
import { simulatePathRange, type PathRange } from './simulate-paths.js';

export interface SimulationTask extends PathRange {
  /** Already validated by the runner (structured clone keeps its bigints). */
  readonly scenario: Scenario;
}

/**
 * A piscina task: a range of paths. Piscina moves (rather than copies) only a top-level buffer, so
 * the reply is one Float64Array: the paths' metrics, then the number of draws as its last element.
 */
export default function runSimulationTask(task: SimulationTask): Float64Array {
  const result = simulatePathRange(task.scenario, task);
  const reply = new Float64Array(result.metrics.length + 1);
  reply.set(result.metrics);
  reply[result.metrics.length] = result.draws;
  return move(reply) as Float64Array;
}
