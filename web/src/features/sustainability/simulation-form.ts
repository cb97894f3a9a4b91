import { minorToDecimal, parseMoneyInput } from '../../shared/format/money';
import type { Plan } from './api';
import type { Scenario, SimulationOverrides, SimulationRequestBody } from './simulation-api';

/**
 * The simulator's form as typed text, one string per control, so a half-typed number is kept as
 * typed. The defaults come from the scenario (GET /api/sustainability/scenarios) or, for a run
 * from a plan, from the plan's rules, which the server takes into the scenario the same way.
 */
export interface RunDraft {
  readonly fee_percent: string;
  readonly no_cap: boolean;
  readonly cap_yuan: string;
  readonly aid_yuan: readonly string[];
  readonly age_weights: readonly string[];
  readonly risk_weights: readonly string[];
  readonly churn_elasticity: string;
  readonly selection_factor: string;
  readonly wear_off_days: string;
  readonly waiting_days: string;
  readonly paths: string;
  readonly periods: string;
  readonly seed: string;
}

export interface OptionBounds {
  readonly paths: { readonly default: number; readonly min: number; readonly max: number };
  readonly periods: { readonly default: number; readonly min: number; readonly max: number };
  readonly seed: { readonly default: number; readonly min: number; readonly max: number };
}

/** The rules a run starts from: the plan's (fee, yearly cap, aid by age, waiting days) or the scenario's. */
export interface StartingRules {
  readonly fee_bps: number;
  readonly cap_per_year_minor: string | null;
  readonly aid_bands: ReadonlyArray<{ readonly max_age_years: number; readonly aid_minor: string }>;
  readonly waiting_days: number;
}

export function startingRules(scenario: Scenario, plan: Plan | undefined): StartingRules {
  const what_if = scenario.what_if;
  if (plan === undefined) {
    return { fee_bps: what_if.fee_bps.default, cap_per_year_minor: what_if.cap_per_year_minor.default, aid_bands: what_if.aid_bands.default, waiting_days: what_if.waiting_days.default };
  }
  const rules = plan.current_version.rules;
  // The server cuts the plan's bands at the scenario's oldest age; the page shows them the same way.
  const bands = rules.aid_bands
    .filter((band, index, all) => index === 0 || (all[index - 1]?.max_age_years ?? 0) < scenario.max_age_years)
    .map((band) => ({ max_age_years: Math.min(band.max_age_years, scenario.max_age_years), aid_minor: band.aid_minor }));
  return { fee_bps: rules.fee_bps, cap_per_year_minor: rules.caps.per_year_minor ?? null, aid_bands: bands, waiting_days: rules.waiting_days };
}

const plain = (value: number) => String(value);

export function defaultDraft(scenario: Scenario, rules: StartingRules, options: OptionBounds): RunDraft {
  const what_if = scenario.what_if;
  return {
    fee_percent: plain(rules.fee_bps / 100),
    no_cap: rules.cap_per_year_minor === null,
    cap_yuan: rules.cap_per_year_minor === null ? '' : minorToDecimal(rules.cap_per_year_minor, scenario.currency),
    aid_yuan: rules.aid_bands.map((band) => minorToDecimal(band.aid_minor, scenario.currency)),
    age_weights: what_if.age_weights.default.map(plain),
    risk_weights: what_if.risk_weights.default.map(plain),
    churn_elasticity: plain(what_if.churn_elasticity.default),
    selection_factor: plain(what_if.selection.default.initial_factor),
    wear_off_days: plain(what_if.selection.default.wear_off_days),
    waiting_days: plain(rules.waiting_days),
    paths: plain(options.paths.default),
    periods: plain(options.periods.default),
    seed: plain(options.seed.default),
  };
}

/** A field the page refuses before asking the server, with the bounds to say in the message. */
export interface DraftProblem {
  readonly field: string;
  readonly min?: number | string;
  readonly max?: number | string;
}

function numberIn(text: string, min: number, max: number, integer: boolean): number | undefined {
  if (!/^\s*-?\d+(?:[.,]\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(value) || value < min || value > max) return undefined;
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/**
 * The request the draft asks for, or the fields that are not numbers within their bounds. Only
 * what differs from the defaults is sent as an override, so a run from a plan keeps the plan's
 * rules wherever the person changed nothing.
 */
export function requestOf(input: {
  scenario: Scenario;
  plan_id: string | undefined;
  rules: StartingRules;
  draft: RunDraft;
  defaults: RunDraft;
  options: OptionBounds;
  publish: boolean;
}): { request: SimulationRequestBody } | { problems: DraftProblem[] } {
  const { scenario, draft, defaults, options, rules } = input;
  const what_if = scenario.what_if;
  const problems: DraftProblem[] = [];
  const overrides: SimulationOverrides = {};
  const read = (field: string, text: string, min: number, max: number, integer: boolean): number | undefined => {
    const value = numberIn(text, min, max, integer);
    if (value === undefined) problems.push({ field, min, max });
    return value;
  };

  const fee_percent = read('fee_percent', draft.fee_percent, what_if.fee_bps.min / 100, what_if.fee_bps.max / 100, false);
  if (fee_percent !== undefined && draft.fee_percent !== defaults.fee_percent) overrides.fee_bps = Math.round(fee_percent * 100);

  if (draft.no_cap !== defaults.no_cap || draft.cap_yuan !== defaults.cap_yuan) {
    if (draft.no_cap) overrides.cap_per_year_minor = null;
    else {
      const cap = parseMoneyInput(draft.cap_yuan, scenario.currency);
      if (cap === undefined || cap.toString().length > what_if.cap_per_year_minor.max_digits) problems.push({ field: 'cap_yuan' });
      else overrides.cap_per_year_minor = cap.toString();
    }
  }

  if (draft.aid_yuan.some((text, index) => text !== defaults.aid_yuan[index])) {
    const bands = rules.aid_bands.map((band, index) => {
      const aid = parseMoneyInput(draft.aid_yuan[index] ?? '', scenario.currency);
      if (aid === undefined) problems.push({ field: `aid_yuan.${index}` });
      return { max_age_years: band.max_age_years, aid_minor: (aid ?? 0n).toString() };
    });
    overrides.aid_bands = bands;
  }

  const weights = (field: 'age_weights' | 'risk_weights') => {
    const bounds = what_if[field];
    const values = draft[field].map((text, index) => read(`${field}.${index}`, text, bounds.min, bounds.max, false));
    if (draft[field].some((text, index) => text !== defaults[field][index]) && values.every((value) => value !== undefined)) overrides[field] = values as number[];
  };
  weights('age_weights');
  weights('risk_weights');

  const elasticity = read('churn_elasticity', draft.churn_elasticity, what_if.churn_elasticity.min, what_if.churn_elasticity.max, false);
  if (elasticity !== undefined && draft.churn_elasticity !== defaults.churn_elasticity) overrides.churn_elasticity = elasticity;

  const factor = read('selection_factor', draft.selection_factor, what_if.selection.initial_factor.min, what_if.selection.initial_factor.max, false);
  const wear_off = read('wear_off_days', draft.wear_off_days, what_if.selection.wear_off_days.min, what_if.selection.wear_off_days.max, false);
  if (factor !== undefined && wear_off !== undefined && (draft.selection_factor !== defaults.selection_factor || draft.wear_off_days !== defaults.wear_off_days)) {
    overrides.selection = { initial_factor: factor, wear_off_days: wear_off };
  }

  const waiting = read('waiting_days', draft.waiting_days, what_if.waiting_days.min, what_if.waiting_days.max, true);
  if (waiting !== undefined && draft.waiting_days !== defaults.waiting_days) overrides.waiting_days = waiting;

  const paths = read('paths', draft.paths, options.paths.min, options.paths.max, true);
  const periods = read('periods', draft.periods, options.periods.min, options.periods.max, true);
  const seed = read('seed', draft.seed, options.seed.min, options.seed.max, true);
  if (problems.length > 0 || paths === undefined || periods === undefined || seed === undefined) return { problems };
  return {
    request: {
      scenario: scenario.name,
      ...(input.plan_id === undefined ? {} : { plan_id: input.plan_id }),
      overrides,
      options: { paths, periods, seed },
      publish: input.publish,
    },
  };
}
