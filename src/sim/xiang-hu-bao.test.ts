import { expect, it } from 'vitest';
import { calibrationSpecSchema, fitRows, summaryFor, withDerivedJoins } from './calibrate.js';
import { scenarioCatalog } from './scenario-catalog.js';
import type { ScenarioInput } from './scenario-schema.js';

const scenario = scenarioCatalog['xiang-hu-bao'] as ScenarioInput;
const spec = calibrationSpecSchema.parse(scenario.calibration);

it('reproduces Xiang Hu Bao’s 2019 and 2020 cost per member and people helped within ±15% (P50, the calibration’s seed)', () => {
  const summary = summaryFor(scenario, 24 * 3, spec.seed, spec.paths);
  const yearly = spec.targets.filter((target) => target.kind !== 'members_at');
  expect(yearly.map((target) => target.name)).toEqual(['cost per member 2019 (fen)', 'cost per member 2020 (fen)', 'people helped 2019', 'people helped 2020']);
  for (const row of fitRows(summary, yearly)) {
    expect(Math.abs(row.model - row.target) / row.target, row.name).toBeLessThanOrEqual(0.15);
  }
  // The fit written in the file is the one the model gives.
  const written = (scenario.calibration as { fit: Array<{ name: string; model: number }> }).fit;
  expect(fitRows(summary, spec.targets).map((row) => [row.name, row.model])).toEqual(written.map((row) => [row.name, row.model]));
});

it('fits at most three free parameters, and its joins are the ones derived from the published counts', () => {
  expect(spec.free_parameters.length).toBeLessThanOrEqual(3);
  expect(withDerivedJoins(scenario).joins).toEqual(scenario.joins);
});
