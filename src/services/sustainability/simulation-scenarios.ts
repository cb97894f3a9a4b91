import { scenarioCatalog, scenarioNames } from '../../sim/scenario-catalog.js';
import { scenarioOrThrow } from '../../sim/scenario-schema.js';
import { maxApiPaths, maxApiPeriods, whatIfBounds } from './simulation-request.js';

/** Paths and periods the page proposes: a few seconds on two cores, ten years of monthly sharing. */
export const suggestedPaths = 500;
export const suggestedPeriods = 120;

/**
 * The shipped scenarios as the simulator page builds its controls from them: each what-if field
 * with the scenario's own value as its default and the API's bounds, and the run options' bounds.
 */
export function simulationScenarios() {
  return scenarioNames.map((name) => {
    const scenario = scenarioOrThrow(scenarioCatalog[name]);
    const rules = scenario.rules;
    return {
      name,
      description: scenario.description,
      description_zh: scenario.description_zh ?? null,
      sources: scenario.sources,
      start_date: scenario.start_date,
      periods_per_year: scenario.periods_per_year,
      currency: scenario.currency,
      age_bands_years: scenario.age_bands_years,
      max_age_years: scenario.max_age_years,
      risk_classes: scenario.risk_classes.map((risk) => risk.name),
      risk_classes_zh: scenario.risk_classes.map((risk) => risk.name_zh ?? null),
      initial_members: scenario.initial_cohorts.reduce((sum, cohort) => sum + cohort.members, 0),
      member_threshold: scenario.member_threshold,
      what_if: {
        fee_bps: { default: rules.fee_bps, ...whatIfBounds.fee_bps },
        cap_per_year_minor: { default: rules.cap_per_year_minor === null ? null : rules.cap_per_year_minor.toString(), ...whatIfBounds.cap_per_year_minor },
        aid_bands: { default: rules.aid_bands.map((band) => ({ max_age_years: band.max_age_years, aid_minor: band.aid_minor.toString() })), ...whatIfBounds.aid_bands },
        age_weights: { default: scenario.joiner_mix.age_weights, length: scenario.age_bands_years.length, ...whatIfBounds.age_weights },
        risk_weights: { default: scenario.joiner_mix.risk_weights, length: scenario.risk_classes.length, ...whatIfBounds.risk_weights },
        churn_elasticity: { default: scenario.churn.elasticity, ...whatIfBounds.churn_elasticity },
        selection: { default: scenario.incidence.selection, ...whatIfBounds.selection },
        waiting_days: { default: rules.waiting_days, ...whatIfBounds.waiting_days },
      },
    };
  });
}

/** Bounds of the run options, the same for every scenario. */
export const simulationOptionBounds = {
  paths: { default: suggestedPaths, min: 1, max: maxApiPaths },
  periods: { default: suggestedPeriods, min: 1, max: maxApiPeriods },
  seed: { default: 1, min: 0, max: 0xffff_ffff },
} as const;
