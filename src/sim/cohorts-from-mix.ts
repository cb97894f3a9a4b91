import { splitByWeights } from './cell-model.js';
import type { InitialCohort, ScenarioInput } from './scenario-schema.js';

/**
 * A membership of `members` shaped like the scenario's joiner mix, all at one tenure: for a bench,
 * or a what-if run of a plan of a given size. Each cohort sits at its age band's lower bound.
 */
export function cohortsFromMix(scenario: ScenarioInput, members: number, tenure_days: number): InitialCohort[] {
  const mix = scenario.joiner_mix;
  const cells = scenario.age_bands_years.flatMap((age_years, a) =>
    (['female', 'male'] as const).flatMap((sex) =>
      scenario.risk_classes.map((risk, r) => ({ age_years, sex, risk_class: risk.name, weight: mix.age_weights[a]! * (sex === 'female' ? mix.female_share : 1 - mix.female_share) * mix.risk_weights[r]! })),
    ),
  );
  const split = splitByWeights(members, cells.map((cell) => cell.weight));
  return cells.flatMap((cell, index) => (split[index]! === 0 ? [] : [{ age_years: cell.age_years, sex: cell.sex, risk_class: cell.risk_class, tenure_days, members: split[index]! }]));
}
