import { z } from 'zod';
import { RejectionError, assert } from '../core/rejection.js';
import { compileModel } from './cell-model.js';
import { deriveJoins } from './joins-from-counts.js';
import { nelderMead } from './nelder-mead.js';
import { MAX_PERIODS } from './run-options.js';
import { SIM_BAD_SCENARIO, scenarioOrThrow, scenarioSchema, type ScenarioInput } from './scenario-schema.js';
import { simulatePathRange } from './simulate-paths.js';
import { summarizePaths, type SimulationSummary } from './summarize.js';

/** At most three parameters are fitted (the issue's rule); everything else is input or assumption. */
export const MAX_FREE_PARAMETERS = 3;

const mixSchema = scenarioSchema.shape.joiner_mix;
const target = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('cost_per_member_minor'), year: z.number().int(), value: z.number().positive() }),
  z.object({ name: z.string(), kind: z.literal('people_helped'), year: z.number().int(), value: z.number().positive() }),
  z.object({ name: z.string(), kind: z.literal('members_at'), date: z.iso.date(), value: z.number().positive() }),
]);

/** The scenario's `calibration` block: what the fit reads (inputs) and what it writes (fitted, fit). */
export const calibrationSpecSchema = z.object({
  seed: z.number().int().min(0),
  paths: z.number().int().min(1).max(64),
  replacement_per_year: z.number().nonnegative(),
  member_counts: z.array(z.object({ date: z.iso.date(), members: z.number().nonnegative(), source: z.string() })).min(2),
  joiner_mixes: z.array(z.object({ from_date: z.iso.date(), mix: mixSchema })).min(1),
  free_parameters: z
    .array(z.object({ path: z.string(), min: z.number(), max: z.number(), fitted: z.number().optional() }))
    .min(1)
    .max(MAX_FREE_PARAMETERS),
  targets: z.array(target).min(1),
});
export type CalibrationSpec = z.infer<typeof calibrationSpecSchema>;
export type CalibrationTarget = z.infer<typeof target>;

export interface FitRow {
  readonly name: string;
  readonly target: number;
  readonly model: number;
  /** (model − target) / target, in percent, two decimals. */
  readonly error_percent: number;
}

export interface Calibration {
  readonly fitted: Record<string, number>;
  readonly fit: FitRow[];
  readonly evaluations: number;
  /** The scenario with the derived joins and the fitted values, calibration block updated. */
  readonly scenario: ScenarioInput;
}

function specOf(input: ScenarioInput): CalibrationSpec {
  const parsed = calibrationSpecSchema.safeParse(input.calibration);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const parameter = ['calibration', ...first.path.map(String)].join('.');
    throw new RejectionError({ code: SIM_BAD_SCENARIO, message: `${parameter}: ${first.message}`, details: { parameter } });
  }
  return parsed.data;
}

/** A copy of the scenario with the number at a dotted path replaced. */
export function withValue(input: ScenarioInput, path: string, value: number): ScenarioInput {
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    assert(typeof node[key] === 'object' && node[key] !== null, `${path} exists in the scenario`);
    node = node[key] as Record<string, unknown>;
  }
  assert(typeof node[keys[keys.length - 1]!] === 'number', `${path} is a number`);
  node[keys[keys.length - 1]!] = value;
  return copy as ScenarioInput;
}

/** The scenario with its joins derived from the published counts (input data, not fitted). */
export function withDerivedJoins(input: ScenarioInput): ScenarioInput {
  const spec = specOf(input);
  const joins = deriveJoins({
    start_date: input.start_date,
    periods_per_year: input.periods_per_year,
    periods: MAX_PERIODS,
    counts: spec.member_counts,
    replacement_per_year: spec.replacement_per_year,
    mixes: spec.joiner_mixes,
  });
  return { ...input, joins };
}

/** Periods from the start until after the last target. */
function periodsFor(input: ScenarioInput, spec: CalibrationSpec): number {
  const model = compileModel(scenarioOrThrow(input), MAX_PERIODS);
  const last_year = Math.max(...spec.targets.map((item) => (item.kind === 'members_at' ? Number(item.date.slice(0, 4)) : item.year)));
  const first_after = model.year_of_period.findIndex((year) => year > last_year);
  return first_after === -1 ? MAX_PERIODS : first_after;
}

/** P50 of the quantity a target names. */
export function modelValue(summary: SimulationSummary, item: CalibrationTarget): number {
  if (item.kind === 'members_at') {
    const period = summary.periods.findLast((row) => row.start_date <= item.date);
    assert(period !== undefined, `a period starts by ${item.date}`);
    return period.members.p50;
  }
  const year = summary.years.find((row) => row.year === item.year);
  assert(year !== undefined, `the run covers ${item.year}`);
  return item.kind === 'people_helped' ? year.people_helped.p50 : year.cost_per_member_minor.p50;
}

/** Runs the scenario with the calibration's seed and paths, in this thread. */
export function summaryFor(input: ScenarioInput, periods: number, seed: number, paths: number): SimulationSummary {
  const scenario = scenarioOrThrow(input);
  const model = compileModel(scenario, periods);
  const { metrics } = simulatePathRange(scenario, { periods, seed, path_from: 0, path_to: paths });
  const size = metrics.length / paths;
  return summarizePaths(model, Array.from({ length: paths }, (_, path) => metrics.subarray(path * size, (path + 1) * size)));
}

export function fitRows(summary: SimulationSummary, targets: readonly CalibrationTarget[]): FitRow[] {
  return targets.map((item) => {
    const model = modelValue(summary, item);
    return { name: item.name, target: item.value, model: Math.round(model * 100) / 100, error_percent: Math.round(((model - item.value) / item.value) * 10_000) / 100 };
  });
}

/**
 * Fits the free parameters: Nelder–Mead on the sum of squared log errors, then, from there, on the
 * largest |log(model / target)| (each target is judged on its own and weighs the same whatever its
 * unit), parameters clamped to their bounds, the P50 of a
 * fixed seed and a few paths (with 100 M members a path's noise is far below the targets' rounding).
 */
export function calibrate(input: ScenarioInput, options: { readonly max_evaluations?: number } = {}): Calibration {
  const spec = specOf(input);
  const prepared = withDerivedJoins(input);
  const periods = periodsFor(prepared, spec);
  const clampTo = (values: readonly number[]) => values.map((value, index) => Math.min(spec.free_parameters[index]!.max, Math.max(spec.free_parameters[index]!.min, value)));
  const apply = (values: readonly number[]) => clampTo(values).reduce((scenario, value, index) => withValue(scenario, spec.free_parameters[index]!.path, value), prepared);
  const logErrors = (values: readonly number[]) => {
    const summary = summaryFor(apply(values), periods, spec.seed, spec.paths);
    return spec.targets.map((item) => Math.abs(Math.log(Math.max(modelValue(summary, item), 1e-9) / item.value)));
  };
  const squares = (values: readonly number[]) => logErrors(values).reduce((sum, error) => sum + error ** 2, 0);
  // Each target must be met on its own: the largest error, with a thousandth of the sum as a tie-breaker.
  const largest = (values: readonly number[]) => {
    const errors = logErrors(values);
    return Math.max(...errors) + 1e-3 * errors.reduce((sum, error) => sum + error, 0);
  };
  const start = spec.free_parameters.map((parameter) => {
    const keys = parameter.path.split('.');
    let node: unknown = prepared;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    return node as number;
  });
  // Least squares first (smooth, so Nelder–Mead finds the valley), then the largest error from there.
  const max_evaluations = options.max_evaluations ?? 300;
  const first = nelderMead(squares, start, { max_evaluations: max_evaluations / 2, relative_step: 0.3, tolerance: 1e-8 });
  const second = nelderMead(largest, clampTo(first.point), { max_evaluations: max_evaluations / 2, relative_step: 0.05, tolerance: 1e-8 });
  const result = { point: second.point, evaluations: first.evaluations + second.evaluations };
  const fitted_values = clampTo(result.point);
  const rounded = fitted_values.map((value) => Number(value.toPrecision(4)));
  const scenario = apply(rounded);
  const fit = fitRows(summaryFor(scenario, periods, spec.seed, spec.paths), spec.targets);
  const fitted = Object.fromEntries(spec.free_parameters.map((parameter, index) => [parameter.path, rounded[index]!]));
  const calibration = {
    ...(input.calibration as Record<string, unknown>),
    free_parameters: spec.free_parameters.map((parameter, index) => ({ ...parameter, fitted: rounded[index]! })),
    method: `Nelder-Mead on the sum of squared log errors, then on the largest absolute log error, over the targets; P50 of ${spec.paths} paths, seed ${spec.seed}, ${periods} periods; ${result.evaluations} evaluations`,
    fit,
  };
  return { fitted, fit, evaluations: result.evaluations, scenario: { ...scenario, calibration } };
}
