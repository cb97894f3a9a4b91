import { sql } from 'kysely';
import { calendarDateOf } from '../../core/members/age.js';
import type { ServiceContext } from '../context.js';
import { getPlan } from '../plans.js';
import { ageOnExpression, tenureMonthsExpression } from './metric-queries.js';

/** One cell of a plan's covered membership today: the simulator's starting cohort (`--from-plan`). */
export interface InitialCohort {
  readonly age_years: number;
  /** 'f' or 'm' from the person's record; 'u' when not known. */
  readonly sex: 'f' | 'm' | 'u';
  readonly tenure_months: number;
  readonly members: bigint;
}

type Count = string | number | bigint;

/**
 * The plan's members covered now (live and past the waiting period), counted by age in years,
 * sex and whole months since joining: one GROUP BY, at most a few tens of thousands of cells for
 * any number of members. Oldest tenure first within an age, for a stable order.
 */
export async function initialCohorts(context: ServiceContext, plan_id: string): Promise<InitialCohort[]> {
  await getPlan(context, plan_id);
  const at = context.clock.now().toISOString();
  const on = calendarDateOf(at);
  const rows = await sql<{ age_years: Count; gender: string; tenure_months: Count; members: Count }>`
    select ${ageOnExpression(on)} as age_years, p.gender as gender, ${tenureMonthsExpression(on)} as tenure_months, count(*) as members
    from memberships m join persons p on p.id = m.person_id
    where m.plan_id = ${plan_id} and m.status in ('waiting', 'active') and m.waiting_until <= ${at}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(context.store.db);
  return rows.rows.map((row) => ({
    age_years: Number(row.age_years),
    sex: row.gender === 'female' ? 'f' : row.gender === 'male' ? 'm' : 'u',
    tenure_months: Number(row.tenure_months),
    members: BigInt(row.members),
  }));
}
