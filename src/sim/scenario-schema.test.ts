import { describe, expect, it } from 'vitest';
import { RejectionError } from '../core/rejection.js';
import { runSimulation } from './run-simulation.js';
import { MAX_PATHS, MAX_PERIODS, SIM_BAD_OPTIONS } from './run-options.js';
import { scenarioCatalog } from './scenario-catalog.js';
import { parseScenario, SIM_BAD_SCENARIO } from './scenario-schema.js';

const small = scenarioCatalog['small-community'] as Record<string, unknown>;

function withField(path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(small);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy;
}

function refusal(input: unknown): { code: string; message: string; parameter: unknown } {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.rejection.code, message: result.rejection.message, parameter: result.rejection.details?.parameter };
}

describe('scenario refusals name the parameter', () => {
  it('accepts the shipped scenarios', () => {
    for (const input of Object.values(scenarioCatalog)) expect(parseScenario(input).ok).toBe(true);
  });

  it.each([
    ['a negative rate', 'churn.base_per_year', -0.1, /too small|>=0/i],
    ['a negative incidence scale', 'incidence.scale', -1, /too small|>=0/i],
    ['a probability above 1', 'joiner_mix.female_share', 1.5, /too big|<=1/i],
    ['a selection factor above 1', 'incidence.selection.initial_factor', 2, /too big|<=1/i],
    ['members below 1 in a cohort', 'initial_cohorts.0.members', 0, /too small/i],
    ['money that is not minor units', 'rules.cap_per_year_minor', '18.8', /minor units/],
    ['a weight list of the wrong length', 'joiner_mix.age_weights', [1, 2], /one weight per age band/],
  ])('%s', (_name, path, value, message) => {
    const found = refusal(withField(path, value));
    expect(found.code).toBe(SIM_BAD_SCENARIO);
    expect(found.parameter).toBe(path);
    expect(found.message.startsWith(`${path}: `)).toBe(true);
    expect(found.message).toMatch(message);
  });

  it('an unknown field, at the top or inside', () => {
    expect(refusal({ ...small, colour: 'red' })).toEqual({ code: SIM_BAD_SCENARIO, message: 'unknown field colour', parameter: 'colour' });
    expect(refusal(withField('churn.speed', 2))).toMatchObject({ message: 'unknown field churn.speed', parameter: 'churn.speed' });
  });

  it('zero members: no cohorts and no joins', () => {
    const none = { ...small, initial_cohorts: [], joins: [] };
    expect(refusal(none)).toMatchObject({ parameter: 'initial_cohorts', message: 'initial_cohorts: the scenario has no members: no initial cohorts and no joins' });
  });

  it('a waiting period that does not end on a tenure slot', () => {
    expect(refusal(withField('tenure_slots_periods', [2, 12]))).toMatchObject({ parameter: 'tenure_slots_periods' });
  });
});

describe('run refusals come before any work', () => {
  it.each([
    ['paths', { paths: MAX_PATHS + 1, periods: 12 }],
    ['paths', { paths: 0, periods: 12 }],
    ['periods', { paths: 2, periods: MAX_PERIODS + 1 }],
    ['seed', { paths: 2, periods: 12, seed: -1 }],
    ['threads', { paths: 2, periods: 12, threads: 1.5 }],
  ])('%s out of bounds', async (parameter, options) => {
    let progress = 0;
    const error = await runSimulation(small, { ...options, onProgress: () => (progress += 1) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RejectionError);
    expect((error as RejectionError).rejection).toMatchObject({ code: SIM_BAD_OPTIONS, details: { parameter } });
    expect((error as RejectionError).message).toContain(`${parameter}: `);
    expect(progress).toBe(0);
  });

  it('a bad scenario is refused before the first path', async () => {
    let progress = 0;
    const error = await runSimulation(withField('rules.fee_bps', 20_000), { paths: 2, periods: 12, onProgress: () => (progress += 1) }).catch((caught: unknown) => caught);
    expect((error as RejectionError).rejection).toMatchObject({ code: SIM_BAD_SCENARIO, details: { parameter: 'rules.fee_bps' } });
    expect(progress).toBe(0);
  });
});
