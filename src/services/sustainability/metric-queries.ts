import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CaseFact, CoveredGroup } from '../../core/sustainability/cycle-metrics.js';
import type { FlowGroups } from '../../core/sustainability/selection-index.js';
import { completedMonths } from '../../core/sustainability/calendar-months.js';
import { tenureBands, type TenureBand } from '../../core/sustainability/metric-bands.js';
import { calendarDateOf, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../../core/members/age.js';
import { assert } from '../../core/rejection.js';
import type { Database } from '../../store/schema.js';

/**
 * The store's side of the sustainability metrics: a bounded number of GROUP BY statements per
 * cycle, each returning a histogram (by age in years, tenure band, claimed or not) of at most a few
 * hundred rows, whatever the number of members. The same SQL on both backends: ages and tenures
 * come from the ISO text of the dates with substr, as ageInYears and completedMonths count them.
 */

type Count = string | number | bigint;
const big = (value: Count | null | undefined) => BigInt(value ?? 0);

/** Statuses a membership leaves the pool for; an exit is an event from a live status into one. */
const exitStatuses = ['lapsed', 'withdrawn', 'terminated', 'ended'] as const;

/** Age in completed years on `on` of the person aliased p (ageInYears, 29 February included). */
export function ageOnExpression(on: CalendarDate): RawBuilder<unknown> {
  const month_day = formatCalendarDate(on).slice(5);
  return sql`(cast(${on.year} as bigint) - cast(substr(p.birth_date, 1, 4) as bigint) - case when substr(p.birth_date, 6, 5) > ${month_day} then 1 else 0 end)`;
}

/** Whole months from the join (the date of m.joined_at, UTC) to `on` (completedMonths). */
export function tenureMonthsExpression(on: CalendarDate): RawBuilder<unknown> {
  return sql`((cast(${on.year} as bigint) - cast(substr(m.joined_at, 1, 4) as bigint)) * 12 + cast(${on.month} as bigint) - cast(substr(m.joined_at, 6, 2) as bigint) - case when cast(substr(m.joined_at, 9, 2) as bigint) > cast(${on.day} as bigint) then 1 else 0 end)`;
}

function tenureBandExpression(on: CalendarDate): RawBuilder<unknown> {
  const months = tenureMonthsExpression(on);
  const whens = tenureBands.slice(1).map((band, index) => sql`when ${months} < ${sql.lit(band.min_months)} then ${sql.lit(tenureBands[index]!.band)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(tenureBands.at(-1)!.band)} end`;
}

/** The cycle's covered members (its snapshot rows) by age at the snapshot and tenure band. */
export async function coveredGroupsIn(db: Kysely<Database>, cycle: { id: bigint; snapshot_at: string }): Promise<CoveredGroup[]> {
  const on = calendarDateOf(cycle.snapshot_at);
  const rows = await sql<{ age_years: Count; tenure_band: TenureBand; members: Count }>`
    select ${ageOnExpression(on)} as age_years, ${tenureBandExpression(on)} as tenure_band, count(*) as members
    from cycle_members cm join memberships m on m.id = cm.membership_id join persons p on p.id = m.person_id
    where cm.cycle_id = ${cycle.id}
    group by 1, 2`.execute(db);
  return rows.rows.map((row) => ({ age_years: Number(row.age_years), tenure_band: row.tenure_band, members: big(row.members) }));
}

/** The cases the cycle shares: age at diagnosis, and whole months from the join to the diagnosis. */
export async function caseFactsIn(db: Kysely<Database>, cycle_id: bigint): Promise<CaseFact[]> {
  const rows = await db
    .selectFrom('cycle_cases as cc')
    .innerJoin('claims as c', 'c.id', 'cc.claim_id')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .select(['c.age_at_diagnosis_years', 'c.diagnosis_date', 'm.joined_at'])
    .where('cc.cycle_id', '=', cycle_id)
    .execute();
  return rows.map((row) => {
    const diagnosed = parseCalendarDate(row.diagnosis_date);
    assert(diagnosed !== undefined, 'a claim’s diagnosis date is a calendar date');
    return { age_years: Number(row.age_at_diagnosis_years), tenure_months: Math.max(0, completedMonths(calendarDateOf(row.joined_at), diagnosed)) };
  });
}

/**
 * Joiners (by age at join), leavers (by age at `until_at`, and whether they ever claimed) and
 * stayers (the cycle's covered members who were members at `since_at` already, by age at
 * `until_at`) over (since_at, until_at]. `since_at` '' is the beginning of the plan.
 */
export async function flowGroupsIn(db: Kysely<Database>, plan_id: string, cycle_id: bigint, since_at: string, until_at: string): Promise<FlowGroups> {
  const on = calendarDateOf(until_at);
  const joiners = await sql<{ age_years: Count; members: Count }>`
    select m.age_at_join_years as age_years, count(*) as members
    from memberships m
    where m.plan_id = ${plan_id} and m.joined_at > ${since_at} and m.joined_at <= ${until_at}
    group by 1`.execute(db);
  const leavers = await sql<{ age_years: Count; ever_claimed: Count; members: Count }>`
    select ${ageOnExpression(on)} as age_years,
      case when exists (select 1 from claims c where c.membership_id = m.id and c.submitted_at <= ${until_at}) then 1 else 0 end as ever_claimed,
      count(*) as members
    from memberships m join persons p on p.id = m.person_id
    where m.plan_id = ${plan_id} and m.id in (
      select e.membership_id from membership_events e
      where e.at > ${since_at} and e.at <= ${until_at} and e.from_status in ('waiting', 'active') and e.to_status in (${sql.join(exitStatuses)})
    )
    group by 1, 2`.execute(db);
  const stayers = await sql<{ age_years: Count; members: Count }>`
    select ${ageOnExpression(on)} as age_years, count(*) as members
    from cycle_members cm join memberships m on m.id = cm.membership_id join persons p on p.id = m.person_id
    where cm.cycle_id = ${cycle_id} and m.joined_at <= ${since_at}
    group by 1`.execute(db);
  return {
    joiners: joiners.rows.map((row) => ({ age_years: Number(row.age_years), members: big(row.members) })),
    leavers: leavers.rows.map((row) => ({ age_years: Number(row.age_years), ever_claimed: big(row.ever_claimed) === 1n, members: big(row.members) })),
    stayers: stayers.rows.map((row) => ({ age_years: Number(row.age_years), members: big(row.members) })),
  };
}

/**
 * Cap pressure: members the caps held back this cycle, and members who have paid the yearly cap
 * in the snapshot's calendar year with this cycle (the year the cap room counts, snapshot-step.ts).
 */
export async function capCountsIn(
  db: Kysely<Database>,
  cycle: { id: bigint; plan_id: string; sequence: bigint; snapshot_at: string },
  per_year_minor: bigint | null,
): Promise<{ members_capped: bigint; members_at_year_cap: bigint | null }> {
  const capped = await db
    .selectFrom('cycle_members')
    .select((eb) => eb.fn.countAll<Count>().as('members'))
    .where('cycle_id', '=', cycle.id)
    .where('capped_minor', '>', 0n)
    .executeTakeFirstOrThrow();
  if (per_year_minor === null) return { members_capped: big(capped.members), members_at_year_cap: null };
  const year_start = `${cycle.snapshot_at.slice(0, 4)}-01-01`;
  const at_cap = await sql<{ members: Count }>`
    select count(*) as members
    from (
      select cm.member_code from cycle_members cm
      where cm.cycle_id in (select c.id from cycles c where c.plan_id = ${cycle.plan_id} and c.sequence <= ${cycle.sequence} and c.snapshot_at >= ${year_start})
      group by cm.member_code
      having sum(cm.share_minor) >= ${per_year_minor}
    ) y
    join cycle_members cur on cur.cycle_id = ${cycle.id} and cur.member_code = y.member_code`.execute(db);
  return { members_capped: big(capped.members), members_at_year_cap: big(at_cap.rows[0]?.members) };
}
