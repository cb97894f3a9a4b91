import { expect, it } from 'vitest';
import { runSimulation } from './run-simulation.js';
import { scenarioCatalog } from './scenario-catalog.js';

// The workers run the build in dist/ (npx tsc -p tsconfig.build.json), as the CLI tests do.
const small = scenarioCatalog['small-community'];

it('gives the same result for the same seed on 1 and 2 worker threads (and in this thread)', async () => {
  const progress: Array<[number, number]> = [];
  const options = { paths: 24, periods: 36, seed: 11 };
  const one = await runSimulation(small, { ...options, threads: 1, onProgress: (done, total) => progress.push([done, total]) });
  const two = await runSimulation(small, { ...options, threads: 2 });
  const inline = await runSimulation(small, { ...options, threads: 0 });
  expect(two.summary).toEqual(one.summary);
  expect(inline.summary).toEqual(one.summary);
  expect(two.draws).toBe(one.draws);
  expect(one.draws).toBeGreaterThan(0);
  // Progress rises to the total, one batch at a time.
  expect(progress.at(-1)).toEqual([24, 24]);
  expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
  // The paths differ from each other and another seed gives other paths.
  const members = one.summary.periods[35]!.members;
  expect(members.p95).toBeGreaterThan(members.p5);
  const other = await runSimulation(small, { ...options, seed: 12 });
  expect(other.summary).not.toEqual(one.summary);
});

it('starts from a live plan’s membership given by a provider (the --from-plan hook)', async () => {
  const run = await runSimulation(small, {
    paths: 2,
    periods: 2,
    initialCohorts: () => [{ age_years: 30, sex: 'female', risk_class: 'average', tenure_days: 500, members: 12_345 }],
  });
  // 12,345 members at the start and 40 joiners in period 0, less whoever left.
  const first = run.summary.periods[0]!.members.p50;
  expect(first).toBeGreaterThan(12_000);
  expect(first).toBeLessThanOrEqual(12_345 + 40);
});
