import { z } from 'zod';
import { RejectionError, reject } from '../../core/rejection.js';
import { SIM_BAD_OPTIONS } from '../../sim/run-options.js';
import { MAX_AGE_BANDS, MAX_RISK_CLASSES, SIM_BAD_SCENARIO } from '../../sim/scenario-schema.js';

/**
 * What `POST /api/sustainability/simulations` takes. The API's bounds sit well below the
 * simulator's own (10,000 paths, 1,200 periods): a run holds paths × periods × 15 doubles for its
 * quantiles, 2,000 × 240 × 15 × 8 bytes ≈ 58 MB at these bounds, and runs one at a time on the server.
 */
export const maxApiPaths = 2_000;
/** 240 periods: 20 years of monthly sharing, 10 of twice-monthly. */
export const maxApiPeriods = 240;

const minorDigits = z.string().regex(/^\d{1,15}$/, 'a whole number of minor units, as a string of up to 15 digits');
const weight = z.number().finite().min(0).max(1_000_000);

/** Bounds of the what-if fields, shown by GET /api/sustainability/scenarios so the page can build its controls. */
export const whatIfBounds = {
  fee_bps: { min: 0, max: 5_000 },
  cap_per_year_minor: { max_digits: 15 },
  aid_bands: { max_bands: MAX_AGE_BANDS },
  age_weights: { min: 0, max: 1_000_000 },
  risk_weights: { min: 0, max: 1_000_000 },
  churn_elasticity: { min: 0, max: 100 },
  selection: { initial_factor: { min: 0, max: 1 }, wear_off_days: { min: 1, max: 36_500 } },
  waiting_days: { min: 0, max: 730 },
} as const;

/**
 * The what-if fields: each replaces one value of the scenario (and, for a run from a plan, of the
 * plan's rules taken into it). Weights replace the joiners' mix of the scenario and of every join
 * segment that has its own: "joiners from now on look like this".
 */
export const simulationOverridesSchema = z
  .object({
    fee_bps: z.number().int().min(whatIfBounds.fee_bps.min).max(whatIfBounds.fee_bps.max).describe('Management fee on aid, basis points (rules.fee_bps)'),
    cap_per_year_minor: minorDigits.nullable().describe('Yearly cap per member, minor units; null: no cap (rules.cap_per_year_minor)'),
    aid_bands: z
      .array(z.object({ max_age_years: z.number().int().min(0).max(120), aid_minor: minorDigits }).strict())
      .min(1)
      .max(whatIfBounds.aid_bands.max_bands)
      .describe('Aid by age at diagnosis, ascending; each band ends where an age band of the scenario ends (rules.aid_bands)'),
    age_weights: z.array(weight).min(1).max(MAX_AGE_BANDS).describe('Joiners by age band, one weight per age band (joiner_mix.age_weights)'),
    risk_weights: z.array(weight).min(1).max(MAX_RISK_CLASSES).describe('Joiners by risk class, one weight per risk class (joiner_mix.risk_weights)'),
    churn_elasticity: z
      .number()
      .finite()
      .min(whatIfBounds.churn_elasticity.min)
      .max(whatIfBounds.churn_elasticity.max)
      .describe('Relative rise of the yearly leaving hazard per reference share paid (churn.elasticity)'),
    selection: z
      .object({
        initial_factor: z.number().finite().min(0).max(1),
        wear_off_days: z.number().finite().min(whatIfBounds.selection.wear_off_days.min).max(whatIfBounds.selection.wear_off_days.max),
      })
      .strict()
      .describe('Incidence of new members as a share of the table, and how fast it wears off (incidence.selection)'),
    waiting_days: z.number().int().min(whatIfBounds.waiting_days.min).max(whatIfBounds.waiting_days.max).describe('Waiting period (rules.waiting_days)'),
  })
  .partial()
  .strict();

export type SimulationOverrides = z.infer<typeof simulationOverridesSchema>;
export const overrideNames = Object.keys(simulationOverridesSchema.shape) as Array<keyof SimulationOverrides>;

/**
 * Where each override lands in the scenario (first), and the other fields whose checks it can fail
 * (a waiting period must end where a tenure slot ends): a refusal of the composed scenario there
 * names the override.
 */
export const overrideTargets: Readonly<Record<keyof SimulationOverrides, readonly string[]>> = {
  fee_bps: ['rules.fee_bps'],
  cap_per_year_minor: ['rules.cap_per_year_minor'],
  aid_bands: ['rules.aid_bands'],
  age_weights: ['joiner_mix.age_weights', 'joins'],
  risk_weights: ['joiner_mix.risk_weights', 'joins'],
  churn_elasticity: ['churn.elasticity'],
  selection: ['incidence.selection'],
  waiting_days: ['rules.waiting_days', 'tenure_slots_periods'],
};

export const simulationOptionsSchema = z
  .object({
    paths: z.number().int().min(1).max(maxApiPaths).describe(`Monte Carlo paths, at most ${maxApiPaths}`),
    periods: z.number().int().min(1).max(maxApiPeriods).describe(`Sharing periods simulated, at most ${maxApiPeriods}`),
    seed: z.number().int().min(0).max(0xffff_ffff).default(1).describe('The same seed gives the same result'),
  })
  .strict();

export const simulationRequestSchema = z
  .object({
    scenario: z.string().min(1).max(100).describe('A scenario of GET /api/sustainability/scenarios, by name'),
    plan_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Start from this plan's live membership and take its rules (fee, yearly cap, aid bands, waiting days) into the scenario"),
    overrides: simulationOverridesSchema.default({}),
    options: simulationOptionsSchema,
    publish: z.boolean().default(false).describe("Let the plan's public forecast show this run once done (needs plan_id and a full calendar year)"),
  })
  .strict();

export type SimulationRequest = z.output<typeof simulationRequestSchema>;

/** A refusal naming the parameter (a dotted path), as the simulator's own refusals do. */
export function refuseParameter(code: typeof SIM_BAD_SCENARIO | typeof SIM_BAD_OPTIONS, parameter: string, message: string, details: Record<string, unknown> = {}): never {
  throw new RejectionError(reject(code, `${parameter}: ${message}`, { parameter, ...details }).rejection);
}

/**
 * Parses the request; the first issue decides the code: the scenario and its overrides are
 * SIM_BAD_SCENARIO, everything else (options, plan, publish, unknown fields) SIM_BAD_OPTIONS.
 */
export function parseSimulationRequest(input: unknown): SimulationRequest {
  const parsed = simulationRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const keys = first.code === 'unrecognized_keys' ? first.keys : [];
  const path = [...first.path, ...keys.slice(0, 1)].map(String);
  const parameter = path.join('.') || '(request)';
  const code = path[0] === 'scenario' || path[0] === 'overrides' ? SIM_BAD_SCENARIO : SIM_BAD_OPTIONS;
  const message = keys.length > 0 ? (path[0] === 'overrides' ? `unknown override; the what-if fields are ${overrideNames.join(', ')}` : 'unknown field') : first.message;
  return refuseParameter(code, parameter, message);
}
