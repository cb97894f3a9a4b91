import { z } from 'zod';
import { RejectionError, type Result, ok, reject } from '../core/rejection.js';

/** Stable code of every scenario refusal; `details.parameter` names the field (a dotted path). */
export const SIM_BAD_SCENARIO = 'SIM_BAD_SCENARIO';

/** Bounds the schema documents. They keep a run's memory and time bounded (paths × periods × metrics). */
export const MAX_AGE_BANDS = 24;
export const MAX_RISK_CLASSES = 4;
export const MAX_TENURE_SLOTS = 24;
export const MAX_PERIODS_PER_YEAR = 52;
export const MAX_JOIN_SEGMENTS = 2_000;
export const MAX_INITIAL_COHORTS = 100_000;
/** Counts are doubles holding whole numbers; 2^50 keeps every sum of them exact. */
export const MAX_MEMBERS = 2 ** 50;

/** Money in scenario files is a decimal string of minor units (fen), as in the plan rules. */
const minor = z
  .string()
  .regex(/^\d{1,18}$/, 'a whole number of minor units, as a string of up to 18 digits')
  .transform((text) => BigInt(text));
const rate = z.number().finite().nonnegative();
const probability = z.number().finite().min(0).max(1);
const ageYears = z.number().int().min(0).max(120);
const weights = z.array(rate).min(1).max(MAX_AGE_BANDS);
const isoDate = z.iso.date();

const ageTable = z
  .array(z.object({ age_years: ageYears, per_1000: rate }).strict())
  .min(1)
  .max(121)
  .describe('per 1,000 members a year at an age; linear between given ages, flat beyond the first and last');

const joinerMix = z
  .object({
    /** One weight per age band (any scale); joiners are allotted in proportion. */
    age_weights: weights,
    female_share: probability,
    /** One weight per risk class. */
    risk_weights: z.array(rate).min(1).max(MAX_RISK_CLASSES),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(100),
    description: z.string().max(20_000),
    /** The description in Chinese for the simulator page; without it the page shows the English one. */
    description_zh: z.string().max(20_000).optional(),
    sources: z.array(z.string().max(2_000)).max(100).default([]),
    /** Notes per field, keyed by the field's dotted path: JSON has no comments. */
    notes: z.record(z.string(), z.string().max(20_000)).default({}),
    start_date: isoDate,
    periods_per_year: z.number().int().min(1).max(MAX_PERIODS_PER_YEAR),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** Lower bounds of the age bands, ascending; members older than max_age_years leave (aged out). */
    age_bands_years: z.array(ageYears).min(1).max(MAX_AGE_BANDS),
    max_age_years: ageYears,
    sex_incidence_factors: z.object({ female: rate, male: rate }).strict(),
    risk_classes: z
      // name_zh: the class as the Chinese pages name it, when the scenario gives it.
      .array(z.object({ name: z.string().min(1).max(40), name_zh: z.string().min(1).max(40).optional(), incidence_factor: rate, churn_factor: rate }).strict())
      .min(1)
      .max(MAX_RISK_CLASSES),
    /** Widths of the tenure slots in periods; the last slot holds everyone older in the plan. */
    tenure_slots_periods: z.array(z.number().int().min(1).max(1200)).min(1).max(MAX_TENURE_SLOTS),
    incidence: z
      .object({
        per_1000_by_age: ageTable,
        scale: rate,
        /** factor(t) = initial_factor + (1 − initial_factor)·(1 − exp(−t / wear_off_days)), t = tenure in days. */
        selection: z.object({ initial_factor: probability, wear_off_days: z.number().finite().positive().max(36_500) }).strict(),
      })
      .strict(),
    mortality_per_1000_by_age: ageTable.optional(),
    churn: z
      .object({
        /** Yearly hazard of leaving at a share of zero. */
        base_per_year: rate,
        /** Relative rise of the hazard per reference share paid over the trailing year. */
        elasticity: rate,
        reference_share_per_year_minor: minor.refine((value) => value > 0n, 'must be more than 0'),
      })
      .strict(),
    joiner_mix: joinerMix,
    joins: z
      .array(
        z
          .object({
            from_period: z.number().int().min(0),
            to_period: z.number().int().min(0),
            members_per_period: z.number().int().min(0).max(MAX_MEMBERS),
            mix: joinerMix.optional(),
          })
          .strict(),
      )
      .max(MAX_JOIN_SEGMENTS)
      .default([]),
    rules: z
      .object({
        aid_bands: z.array(z.object({ max_age_years: ageYears, aid_minor: minor }).strict()).min(1).max(MAX_AGE_BANDS),
        waiting_days: z.number().int().min(0).max(730),
        fee_bps: z.number().int().min(0).max(10_000),
        /** Yearly cap on what one member shares; null: no cap. Above it the operator pays (backstop). */
        cap_per_year_minor: minor.nullable(),
        /** Conditions with a smaller aid (e.g. mild thyroid cancer): that share of cases gets aid_minor instead. */
        reduced_aid: z
          .array(z.object({ name: z.string().min(1).max(100), from_date: isoDate, share_of_cases: probability, aid_minor: minor }).strict())
          .max(8)
          .default([]),
      })
      .strict(),
    operating_cost: z.object({ per_period_minor: minor, per_member_per_year_minor: minor }).strict(),
    /** The probability of ending a period with fewer members than this is reported. */
    member_threshold: z.number().int().min(0).max(MAX_MEMBERS),
    initial_cohorts: z
      .array(
        z
          .object({
            age_years: ageYears,
            sex: z.enum(['female', 'male']),
            risk_class: z.string().min(1).max(40),
            tenure_days: z.number().int().min(0).max(36_500),
            members: z.number().int().min(1).max(MAX_MEMBERS),
          })
          .strict(),
      )
      .max(MAX_INITIAL_COHORTS)
      .default([]),
    /** Written by the calibration: the free parameters, the targets and the fit. Documentation only. */
    calibration: z.unknown().optional(),
    /** The forecast written beside the fit. Documentation only. */
    forecast: z.unknown().optional(),
  })
  .strict()
  .superRefine((scenario, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    const bands = scenario.age_bands_years;
    bands.forEach((lower, index) => {
      if (index > 0 && lower <= bands[index - 1]!) issue(['age_bands_years', index], 'age bands must ascend');
    });
    if (scenario.max_age_years < bands[bands.length - 1]!) issue(['max_age_years'], 'must be at least the last age band');
    const boundaries = new Set([...bands.slice(1), scenario.max_age_years + 1]);
    scenario.rules.aid_bands.forEach((band, index) => {
      const next = scenario.rules.aid_bands[index - 1];
      if (next !== undefined && band.max_age_years <= next.max_age_years) issue(['rules', 'aid_bands', index, 'max_age_years'], 'aid bands must ascend');
      if (band.max_age_years < scenario.max_age_years && !boundaries.has(band.max_age_years + 1)) {
        issue(['rules', 'aid_bands', index, 'max_age_years'], 'an aid band must end where an age band ends');
      }
    });
    const lastAid = scenario.rules.aid_bands[scenario.rules.aid_bands.length - 1]!;
    if (lastAid.max_age_years < scenario.max_age_years) issue(['rules', 'aid_bands'], 'the aid bands must cover every age up to max_age_years');
    const waiting_periods = waitingPeriods(scenario.rules.waiting_days, scenario.periods_per_year);
    let slot_end = 0;
    const slotEnds = new Set([0]);
    for (const width of scenario.tenure_slots_periods) slotEnds.add((slot_end += width));
    if (!slotEnds.has(waiting_periods)) {
      issue(['tenure_slots_periods'], `the waiting period (${waiting_periods} periods) must end where a tenure slot ends`);
    }
    const checkMix = (mix: z.infer<typeof joinerMix>, path: (string | number)[]) => {
      if (mix.age_weights.length !== bands.length) issue([...path, 'age_weights'], `needs one weight per age band (${bands.length})`);
      if (mix.risk_weights.length !== scenario.risk_classes.length) issue([...path, 'risk_weights'], `needs one weight per risk class (${scenario.risk_classes.length})`);
      if (mix.age_weights.every((w) => w === 0)) issue([...path, 'age_weights'], 'needs a weight above 0');
      if (mix.risk_weights.every((w) => w === 0)) issue([...path, 'risk_weights'], 'needs a weight above 0');
    };
    checkMix(scenario.joiner_mix, ['joiner_mix']);
    scenario.joins.forEach((segment, index) => {
      if (segment.to_period < segment.from_period) issue(['joins', index, 'to_period'], 'must not be before from_period');
      if (segment.mix !== undefined) checkMix(segment.mix, ['joins', index, 'mix']);
    });
    const names = new Set(scenario.risk_classes.map((risk) => risk.name));
    if (names.size !== scenario.risk_classes.length) issue(['risk_classes'], 'risk class names must be unique');
    let initial_members = 0;
    scenario.initial_cohorts.forEach((cohort, index) => {
      if (!names.has(cohort.risk_class)) issue(['initial_cohorts', index, 'risk_class'], `no risk class ${cohort.risk_class}`);
      if (cohort.age_years < bands[0]! || cohort.age_years > scenario.max_age_years) issue(['initial_cohorts', index, 'age_years'], 'outside the age bands');
      initial_members += cohort.members;
    });
    if (initial_members > MAX_MEMBERS) issue(['initial_cohorts'], `more than ${MAX_MEMBERS} members`);
    for (const table of ['incidence', 'mortality'] as const) {
      const rows = table === 'incidence' ? scenario.incidence.per_1000_by_age : scenario.mortality_per_1000_by_age ?? [];
      rows.forEach((row, index) => {
        if (index > 0 && row.age_years <= rows[index - 1]!.age_years) {
          issue(table === 'incidence' ? ['incidence', 'per_1000_by_age', index, 'age_years'] : ['mortality_per_1000_by_age', index, 'age_years'], 'ages must ascend');
        }
      });
    }
    if (initial_members === 0 && scenario.joins.every((segment) => segment.members_per_period === 0)) {
      issue(['initial_cohorts'], 'the scenario has no members: no initial cohorts and no joins');
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

/**
 * A live plan's membership, one row per cell, for `initial_cohorts`: the SQL that groups a plan's
 * covered members by age, sex, risk class and tenure produces exactly this.
 */
export type InitialCohort = Scenario['initial_cohorts'][number];

/** The waiting period in whole periods, rounded to the nearest (90 days at 24 periods a year: 6). */
export function waitingPeriods(waiting_days: number, periods_per_year: number): number {
  return Math.round((waiting_days * periods_per_year) / 365);
}

function dottedPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(scenario)' : path.map(String).join('.');
}

/** Parses a scenario; a refusal names the first bad field in `details.parameter`. Nothing is simulated first. */
export function parseScenario(input: unknown): Result<Scenario, typeof SIM_BAD_SCENARIO> {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0]!;
  const keys = first.code === 'unrecognized_keys' ? first.keys : [];
  const path = keys.length > 0 ? [...first.path, keys[0]!] : first.path;
  const parameter = dottedPath(path);
  const message = keys.length > 0 ? `unknown field ${parameter}` : `${parameter}: ${first.message}`;
  return reject(SIM_BAD_SCENARIO, message, { parameter, issues: parsed.error.issues.map((item) => ({ path: dottedPath(item.path), message: item.message })) });
}

/** parseScenario, throwing the refusal (for the CLI and the runner). */
export function scenarioOrThrow(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new RejectionError(result.rejection);
  return result.value;
}
