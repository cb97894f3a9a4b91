import { assert } from '../../core/rejection.js';
import { compileModel } from '../../sim/cell-model.js';
import { SIM_BAD_OPTIONS } from '../../sim/run-options.js';
import { scenarioCatalog, scenarioNames } from '../../sim/scenario-catalog.js';
import { parseScenario, scenarioOrThrow, SIM_BAD_SCENARIO, type Scenario } from '../../sim/scenario-schema.js';
import type { ServiceContext } from '../context.js';
import { getPlan, versionAt } from '../plans.js';
import { planInitialCohorts } from './plan-initial-cohorts.js';
import { overrideNames, overrideTargets, parseSimulationRequest, refuseParameter, type SimulationOverrides, type SimulationRequest } from './simulation-request.js';

/** The plan's rules as a run from the plan took them into the scenario (aid bands cut at the scenario's oldest age). */
export interface PlanRulesApplied {
  readonly version: number;
  readonly fee_bps: number;
  readonly cap_per_year_minor: string | null;
  readonly aid_bands: Array<{ max_age_years: number; aid_minor: string }>;
  readonly waiting_days: number;
}

/** What a run's row keeps of its request (request_json): enough to read it back and to explain it. */
export interface SimulationRecord {
  readonly scenario: string;
  readonly plan_id: string | null;
  readonly overrides: SimulationOverrides;
  readonly options: { readonly paths: number; readonly periods: number; readonly seed: number };
  readonly publish: boolean;
  /** When the request was validated: a plan's membership and rules are those of this time. */
  readonly as_of: string;
  readonly start_date: string;
  readonly periods_per_year: number;
  readonly currency: string;
  readonly plan_rules: PlanRulesApplied | null;
  /** Members the run starts with: the plan's (a plan run) or the scenario's own cohorts. */
  readonly initial_members: number;
  /** A plan's members younger than the scenario's first age band or older than its last age: left out. */
  readonly members_outside_ages: number;
  /** The first calendar year the run covers whole: the year a public forecast shows; null when none. */
  readonly forecast_year: number | null;
}

export interface ComposedSimulation {
  readonly request: SimulationRequest;
  /** The scenario as runSimulation takes it (JSON, money as strings), already validated. */
  readonly scenario_input: Record<string, unknown>;
  readonly record: SimulationRecord;
}

type Json = Record<string, unknown>;

/** The scenario fields a plan's rules replace; a refusal there is the plan's (parameter plan_id). */
const planTargets = ['rules.aid_bands', 'rules.waiting_days', 'rules.fee_bps', 'rules.cap_per_year_minor', 'initial_cohorts', 'currency', 'start_date'];

const startsWithPath = (parameter: string, prefix: string) => parameter === prefix || parameter.startsWith(`${prefix}.`);

function applyOverrides(scenario: Json, overrides: SimulationOverrides): void {
  const rules = scenario.rules as Json;
  if (overrides.fee_bps !== undefined) rules.fee_bps = overrides.fee_bps;
  if (overrides.cap_per_year_minor !== undefined) rules.cap_per_year_minor = overrides.cap_per_year_minor;
  if (overrides.aid_bands !== undefined) rules.aid_bands = overrides.aid_bands;
  if (overrides.waiting_days !== undefined) rules.waiting_days = overrides.waiting_days;
  if (overrides.churn_elasticity !== undefined) (scenario.churn as Json).elasticity = overrides.churn_elasticity;
  if (overrides.selection !== undefined) (scenario.incidence as Json).selection = overrides.selection;
  // Joiners from now on: the scenario's mix and every join segment's own.
  const mixes = [scenario.joiner_mix as Json, ...((scenario.joins as Json[] | undefined) ?? []).flatMap((segment) => (segment.mix === undefined ? [] : [segment.mix as Json]))];
  for (const mix of mixes) {
    if (overrides.age_weights !== undefined) mix.age_weights = overrides.age_weights;
    if (overrides.risk_weights !== undefined) mix.risk_weights = overrides.risk_weights;
  }
}

/**
 * A plan's aid bands cut at the scenario's oldest age (plans end their last band at 130; the
 * simulator's members leave after max_age_years, and its ages stop at 120).
 */
function aidBandsUpTo(bands: ReadonlyArray<{ max_age_years: number; aid_minor: string }>, max_age_years: number) {
  const kept: Array<{ max_age_years: number; aid_minor: string }> = [];
  for (const band of bands) {
    kept.push({ max_age_years: Math.min(band.max_age_years, max_age_years), aid_minor: band.aid_minor });
    if (band.max_age_years >= max_age_years) break;
  }
  return kept;
}

/** The first calendar year all of whose periods the run covers (the year summaries group periods by the year they start in). */
function firstFullYear(scenario: Scenario, periods: number): number | null {
  const model = compileModel(scenario, periods);
  for (let first = 0; first < periods; ) {
    let last = first;
    while (last + 1 < periods && model.year_of_period[last + 1] === model.year_of_period[first]) last += 1;
    // The summary's yearly figures sum the periods starting in a year: whole when they are a year's worth.
    if (last - first + 1 === scenario.periods_per_year) return model.year_of_period[first]!;
    first = last + 1;
  }
  return null;
}

/**
 * Validates a simulation request whole, before anything is written: the request's shape and bounds,
 * the scenario by name, the plan (a run from a plan takes its membership now and its rules in force
 * now), the overrides applied, and the composed scenario by the simulator's own schema. A refusal
 * names the parameter: `scenario`, `overrides.<field>`, `options.<field>`, `plan_id` or `publish`.
 */
export async function composeSimulation(context: ServiceContext, input: unknown): Promise<ComposedSimulation> {
  const request = parseSimulationRequest(input);
  if (!Object.hasOwn(scenarioCatalog, request.scenario)) {
    refuseParameter(SIM_BAD_SCENARIO, 'scenario', `no scenario ${JSON.stringify(request.scenario)}; the scenarios are ${scenarioNames.join(', ')}`);
  }
  const shipped = scenarioCatalog[request.scenario];
  // The shipped scenarios are valid (src/sim tests them); the base gives the shape the plan's cohorts take.
  const base = scenarioOrThrow(shipped);
  const scenario = structuredClone(shipped) as Json;
  const as_of = context.clock.now().toISOString();
  let plan_rules: PlanRulesApplied | null = null;
  let members_outside_ages = 0;
  if (request.plan_id !== undefined) {
    const plan = await getPlan(context, request.plan_id);
    const version = versionAt(plan, as_of);
    const rules = version.rules;
    plan_rules = {
      version: version.version,
      fee_bps: rules.fee_bps,
      cap_per_year_minor: rules.caps.per_year_minor,
      aid_bands: aidBandsUpTo(rules.aid_bands, base.max_age_years),
      waiting_days: rules.waiting_days,
    };
    scenario.currency = rules.currency;
    scenario.start_date = as_of.slice(0, 10);
    scenario.rules = {
      ...(scenario.rules as Json),
      aid_bands: plan_rules.aid_bands,
      waiting_days: plan_rules.waiting_days,
      fee_bps: plan_rules.fee_bps,
      cap_per_year_minor: plan_rules.cap_per_year_minor,
    };
    const risk_weights = request.overrides.risk_weights ?? base.joiner_mix.risk_weights;
    if (risk_weights.length !== base.risk_classes.length || risk_weights.every((weight) => weight === 0)) {
      refuseParameter(SIM_BAD_SCENARIO, 'overrides.risk_weights', `needs one weight per risk class (${base.risk_classes.length}), one of them above 0`);
    }
    const slot_periods = base.tenure_slots_periods.reduce((sum, width) => sum + width, 0);
    const cohorts = await planInitialCohorts(context.store.db, plan.id, as_of, {
      risk_mix: base.risk_classes.map((risk, index) => ({ risk_class: risk.name, weight: risk_weights[index]! })),
      max_tenure_days: Math.ceil((slot_periods * 365) / base.periods_per_year),
    });
    const youngest = base.age_bands_years[0]!;
    const inside = cohorts.filter((cohort) => cohort.age_years >= youngest && cohort.age_years <= base.max_age_years);
    members_outside_ages = cohorts.reduce((sum, cohort) => sum + cohort.members, 0) - inside.reduce((sum, cohort) => sum + cohort.members, 0);
    scenario.initial_cohorts = inside;
  }
  applyOverrides(scenario, request.overrides);

  const parsed = parseScenario(scenario);
  if (!parsed.ok) {
    const parameter = String(parsed.rejection.details?.parameter ?? '(scenario)');
    const override = overrideNames.find((name) => request.overrides[name] !== undefined && overrideTargets[name].some((target) => startsWithPath(parameter, target)));
    const lands = override === undefined ? undefined : overrideTargets[override][0]!;
    // Below where the override lands, the rest of the path names the element (overrides.aid_bands.0.max_age_years).
    const field = override === undefined ? undefined : `overrides.${override}${startsWithPath(parameter, lands!) ? parameter.slice(lands!.length) : ''}`;
    const from_plan = request.plan_id !== undefined && planTargets.some((target) => startsWithPath(parameter, target));
    const named = field ?? (from_plan ? 'plan_id' : `scenario.${parameter}`);
    const reason = from_plan && field === undefined ? `the plan's rules or membership do not fit scenario ${request.scenario}: ` : '';
    refuseParameter(SIM_BAD_SCENARIO, named, `${reason}${parsed.rejection.message}`, { scenario_parameter: parameter });
  }
  const forecast_year = firstFullYear(parsed.value, request.options.periods);
  if (request.publish && request.plan_id === undefined) refuseParameter(SIM_BAD_OPTIONS, 'publish', 'only a run from a plan (plan_id) can be its public forecast');
  if (request.publish && forecast_year === null) {
    refuseParameter(SIM_BAD_OPTIONS, 'options.periods', `a public forecast needs a whole calendar year: ${request.options.periods} periods from ${parsed.value.start_date} cover none`);
  }
  const initial_members = parsed.value.initial_cohorts.reduce((sum, cohort) => sum + cohort.members, 0);
  assert(Number.isSafeInteger(initial_members), 'the scenario schema bounds the members');
  return {
    request,
    scenario_input: scenario,
    record: {
      scenario: request.scenario,
      plan_id: request.plan_id ?? null,
      overrides: request.overrides,
      options: request.options,
      publish: request.publish,
      as_of,
      start_date: parsed.value.start_date,
      periods_per_year: parsed.value.periods_per_year,
      currency: parsed.value.currency,
      plan_rules,
      initial_members,
      members_outside_ages,
      forecast_year,
    },
  };
}
