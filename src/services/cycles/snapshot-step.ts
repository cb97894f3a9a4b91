import { sql, type Kysely, type RawBuilder } from 'kysely';
import { calendarDateOf } from '../../core/members/age.js';
import { weightBandsByBirthDate } from '../../core/cycles/share-weight-bands.js';
import type { PlanRulesJson } from '../../core/plans/plan-rules.js';
import type { Trx } from '../../ledger/ledger.js';
import type { Database, DialectName } from '../../store/schema.js';
import type { CycleRow } from './cycle-rows.js';

/**
 * Each membership's status as it was at `snapshot_at`, for those that changed since (alias h):
 * the `from_status` of its first event after that time. A membership with no later event has its
 * current status, which the caller takes where h finds nothing. Almost every membership is of
 * that kind, so this reads only the events since the snapshot (index membership_events_at,
 * migration 0014), and a cycle run a week late sees the same members as one run at once.
 */
export function statusAtJoin(snapshot_at: string): RawBuilder<unknown> {
  return sql`left join ${statusesSince(snapshot_at)} h on h.membership_id = m.id`;
}

/** (membership_id, from_status) of each membership's first event after `snapshot_at`. */
function statusesSince(snapshot_at: string): RawBuilder<unknown> {
  // Materialized first, so the range on `at` is the only way in: grouped directly, SQLite scans
  // every event in membership order to skip sorting the groups (measured: a full index scan).
  return sql`(
    with later as materialized (select membership_id, id, from_status from membership_events where at > ${snapshot_at})
    select l.membership_id, l.from_status
    from later l
    join (select membership_id, min(id) as first_id from later group by membership_id) f on f.first_id = l.id
  )`;
}

/** Joined by the snapshot and past the waiting period by then (both fixed at the join). */
export function inCoverAt(snapshot_at: string): RawBuilder<unknown> {
  return sql`m.waiting_until <= ${snapshot_at} and m.joined_at <= ${snapshot_at}`;
}

/**
 * Memberships covered at a snapshot time: joined by then, past the waiting period by then, and
 * live (waiting or active) by their history at that time, not now: a withdrawal, lapse or
 * termination after the snapshot does not change who shares the cycle. A rejoin is a new
 * membership joined after the snapshot, so it is not covered either. Needs statusAtJoin's h.
 * (joined_at and waiting_until never change after the join.)
 */
export function coveredAt(snapshot_at: string): RawBuilder<unknown> {
  return sql`coalesce(h.from_status, m.status) in ('waiting', 'active') and ${inCoverAt(snapshot_at)}`;
}

export function weightExpression(rules: PlanRulesJson, snapshot_at: string): RawBuilder<unknown> {
  const bands = weightBandsByBirthDate(rules.share_weights, calendarDateOf(snapshot_at));
  if (bands.length === 1) return sql`cast(${bands[0]!.weight} as bigint)`;
  const whens = bands.filter((band) => band.born_after !== null).map((band) => sql`when p.birth_date > ${band.born_after} then cast(${band.weight} as bigint)`);
  return sql`case ${sql.join(whens, sql` `)} else cast(${bands.at(-1)!.weight} as bigint) end`;
}

/**
 * The most each member can pay this cycle: the per-case cap times the cases shared, and what is
 * left of the annual cap after this calendar year's earlier cycles of the plan. Null when the
 * plan has no caps.
 */
export function capRoomExpression(dialect: DialectName, rules: PlanRulesJson, case_count: number, has_year_paid: boolean): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (rules.caps.per_case_minor !== null) parts.push(sql`cast(${BigInt(rules.caps.per_case_minor) * BigInt(case_count)} as bigint)`);
  if (rules.caps.per_year_minor !== null) {
    const per_year = BigInt(rules.caps.per_year_minor);
    parts.push(has_year_paid ? sql`cast(${per_year} as bigint) - coalesce(y.paid_minor, 0)` : sql`cast(${per_year} as bigint)`);
  }
  if (parts.length === 0) return sql`cast(null as bigint)`;
  const smallest = parts.length === 1 ? parts[0]! : dialect === 'sqlite' ? sql`min(${sql.join(parts)})` : sql`least(${sql.join(parts)})`;
  return dialect === 'sqlite' ? sql`max(0, ${smallest})` : sql`greatest(0, ${smallest})`;
}

/**
 * What each member paid in the plan's earlier cycles of the snapshot's calendar year (alias y), for
 * the annual cap: a join on member_code, or nothing when the plan has no annual cap or no such cycle.
 */
export async function yearPaidJoinIn(
  db: Kysely<Database>,
  plan_id: string,
  sequence: bigint,
  snapshot_at: string,
  rules: PlanRulesJson,
): Promise<{ has_year_paid: boolean; yearPaid: RawBuilder<unknown> }> {
  const year = snapshot_at.slice(0, 4);
  const earlier = rules.caps.per_year_minor === null
    ? []
    : await db
        .selectFrom('cycles')
        .select('id')
        .where('plan_id', '=', plan_id)
        .where('sequence', '<', sequence)
        .where('snapshot_at', '>=', `${year}-01-01`)
        .where('snapshot_at', '<', snapshot_at)
        .execute();
  if (earlier.length === 0) return { has_year_paid: false, yearPaid: sql`` };
  return {
    has_year_paid: true,
    yearPaid: sql`left join (select member_code, sum(share_minor) as paid_minor from cycle_members where cycle_id in (${sql.join(earlier.map((row) => row.id))}) group by member_code) y on y.member_code = m.member_code`,
  };
}

/**
 * Writes the cycle's covered members — code, weight, cap room — with one INSERT … SELECT (in key
 * order, so the table's B-tree is appended to rather than split at random), after
 * clearing what an interrupted earlier attempt may have left (it runs in one transaction, so
 * there is never half a snapshot). A waiting-period member is not covered and pays nothing.
 */
export async function snapshotMembersIn(trx: Trx, dialect: DialectName, cycle: CycleRow, rules: PlanRulesJson, case_count: number): Promise<bigint> {
  await trx.deleteFrom('cycle_members').where('cycle_id', '=', cycle.id).execute();
  const { has_year_paid, yearPaid } = await yearPaidJoinIn(trx, cycle.plan_id, cycle.sequence, cycle.snapshot_at, rules);
  const weighted = rules.share_weights !== null && rules.share_weights.length > 1;
  const persons = weighted ? sql`join persons p on p.id = m.person_id` : sql``;
  const columns = sql`cast(${cycle.id} as bigint), m.member_code, m.id, ${weightExpression(rules, cycle.snapshot_at)}, ${capRoomExpression(dialect, rules, case_count, has_year_paid)}`;
  // Coverage as of the snapshot (coveredAt), in two statements so the bulk of the members costs
  // no join: a membership whose status last changed by the snapshot has its status of then now;
  // the few changed since take theirs from their history. A status change committed between the
  // two (PostgreSQL reads each statement afresh) can put one membership in both: the second
  // keeps the first's row. Measured on SQLite, a million members, four alternating runs of the
  // bare INSERT … SELECT: these two 736–935 ms, current status alone 719–937 ms, one statement
  // joining the history to every member 781–1,097 ms.
  const unchanged = await sql`
    insert into cycle_members (cycle_id, member_code, membership_id, weight, cap_room_minor)
    select ${columns}
    from memberships m ${persons} ${yearPaid}
    where m.plan_id = ${cycle.plan_id} and m.status in ('waiting', 'active') and m.status_changed_at <= ${cycle.snapshot_at} and ${inCoverAt(cycle.snapshot_at)}
    order by m.member_code`.execute(trx);
  const changed = await sql`
    insert into cycle_members (cycle_id, member_code, membership_id, weight, cap_room_minor)
    select ${columns}
    from ${statusesSince(cycle.snapshot_at)} h join memberships m on m.id = h.membership_id ${persons} ${yearPaid}
    where m.plan_id = ${cycle.plan_id} and m.status_changed_at > ${cycle.snapshot_at} and h.from_status in ('waiting', 'active') and ${inCoverAt(cycle.snapshot_at)}
    order by m.member_code
    on conflict (cycle_id, member_code) do nothing`.execute(trx);
  // Without fresh statistics PostgreSQL plans each page of the publication's keyset scan as a
  // bitmap scan and sort of the whole rest of the cycle (measured: 24 s instead of 3 s for a
  // million members). ANALYZE samples a fixed number of rows, so it stays cheap at any size.
  if (dialect === 'postgres') await sql`analyze cycle_members`.execute(trx);
  return (unchanged.numAffectedRows ?? 0n) + (changed.numAffectedRows ?? 0n);
}
