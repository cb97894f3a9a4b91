import { sql } from 'kysely';
import { calendarDateOf } from '../../core/members/age.js';
import { assert } from '../../core/rejection.js';
import type { InitialCohort } from '../../sim/scenario-schema.js';
import type { Db } from '../../store/schema.js';
import { ageOnExpression, tenureMonthsExpression } from './metric-queries.js';

/** A scenario's risk classes with the weights a live plan's members are spread over them by (the joiners' mix). */
export interface RiskMix {
  readonly risk_class: string;
  readonly weight: number;
}

type Count = string | number | bigint;

/** A month of tenure in days, rounded down: the simulator counts tenure in days, the SQL in whole months. */
function tenureDaysOf(tenure_months: number): number {
  return Math.floor((tenure_months * 365) / 12);
}

/**
 * `members` spread over the risk mix by largest remainder (the rounding of DESIGN.md's allocation,
 * ties to the earlier class): the plan does not know its members' risk classes, so the scenario's
 * joiner mix is assumed for them. Classes that get no member are left out (a cohort holds ≥ 1).
 */
export function spreadOverRiskMix(members: number, mix: readonly RiskMix[]): Array<{ risk_class: string; members: number }> {
  const weight_total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  assert(weight_total > 0 && Number.isSafeInteger(members) && members >= 0, 'a risk mix with weight spreads a whole number of members');
  const exact = mix.map((entry) => (members * entry.weight) / weight_total);
  const counts = exact.map(Math.floor);
  let leftover = members - counts.reduce((sum, count) => sum + count, 0);
  // Floors lose less than one member per class, so fewer members are left over than there are classes.
  assert(leftover >= 0 && leftover < Math.max(1, mix.length), 'leftover members are fewer than the classes');
  const order = exact.map((value, index) => ({ index, remainder: value - counts[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (leftover === 0) break;
    counts[index]! += 1;
    leftover -= 1;
  }
  assert(counts.reduce((sum, count) => sum + count, 0) === members, 'every member is in one risk class');
  return mix.map((entry, index) => ({ risk_class: entry.risk_class, members: counts[index]! })).filter((entry) => entry.members > 0);
}

/**
 * A plan's live membership on `as_of` (waiting and active memberships joined by then) as the
 * simulator's initial cohorts: one GROUP BY age in years, sex and whole months of tenure, so a few
 * thousand rows for any number of members; each row is spread over the scenario's risk classes.
 * Tenure past `max_tenure_days` (where the scenario's last tenure slot starts, or later) is all
 * the same to the simulator, so it is cut there and equal cells merged, which bounds the cells by
 * ages × sexes × slots × classes.
 */
export async function planInitialCohorts(
  db: Db,
  plan_id: string,
  as_of: string,
  options: { readonly risk_mix: readonly RiskMix[]; readonly max_tenure_days: number },
): Promise<InitialCohort[]> {
  const on = calendarDateOf(as_of);
  const rows = await sql<{ age_years: Count; gender: 'female' | 'male'; tenure_months: Count; members: Count }>`
    select ${ageOnExpression(on)} as age_years, p.gender as gender, ${tenureMonthsExpression(on)} as tenure_months, count(*) as members
    from memberships m join persons p on p.id = m.person_id
    where m.plan_id = ${plan_id} and m.status in ('waiting', 'active') and m.joined_at <= ${as_of}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  const cells = new Map<string, InitialCohort>();
  for (const row of rows.rows) {
    const tenure_days = Math.min(tenureDaysOf(Math.max(0, Number(row.tenure_months))), options.max_tenure_days);
    for (const spread of spreadOverRiskMix(Number(row.members), options.risk_mix)) {
      const cohort = { age_years: Number(row.age_years), sex: row.gender, risk_class: spread.risk_class, tenure_days, members: spread.members };
      const key = `${cohort.age_years}|${cohort.sex}|${cohort.risk_class}|${cohort.tenure_days}`;
      const existing = cells.get(key);
      cells.set(key, existing === undefined ? cohort : { ...existing, members: existing.members + cohort.members });
    }
  }
  return [...cells.values()];
}
