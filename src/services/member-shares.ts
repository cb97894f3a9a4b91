import { sql } from 'kysely';
import { exactSumOf, exactSumParts, type SumParts } from '../store/exact-sum.js';
import type { ServiceContext } from './context.js';

/**
 * A payer's share history: one line per membership they pay for and published cycle it was in,
 * and per year what those shares added up to and how many cases they helped pay. Set-based: the
 * payer's memberships are joined to the published cycles of their plans and then to cycle_members
 * by its key (cycle, member code), so the cost grows with the payer's lines, not the plan's members.
 */

export interface ShareLine {
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly plan_id: string;
  readonly person_id: bigint;
  /** The public cycle id (export, proof). */
  readonly cycle_id: string;
  readonly snapshot_at: string;
  readonly collection_at: string;
  readonly currency: string;
  readonly share_minor: bigint;
  readonly capped_minor: bigint;
  /** The cases the cycle shared. */
  readonly case_count: number;
  /** The share's charge (post-paid receivable or prepaid deduction): due, paid, written_off, refunded; null when nothing was charged. */
  readonly charge_status: string | null;
}

export interface ShareYear {
  readonly year: string;
  readonly currency: string;
  readonly shared_minor: bigint;
  /** Distinct cases of the year's cycles in which at least one of the payer's memberships paid a share. */
  readonly cases_helped: number;
  readonly cycle_count: number;
}

/** The newest lines a history returns: two cycles a month for a household of a few people is far below it. */
export const maxShareLines = 1000;

export async function shareHistoryOf(context: ServiceContext, payer_user_id: bigint): Promise<{ lines: ShareLine[]; years: ShareYear[] }> {
  const db = context.store.db;
  // The payer's memberships in the published cycles of their plans; cycle_members by its primary key.
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('cycles as c', (join) => join.onRef('c.plan_id', '=', 'm.plan_id').on('c.merkle_root_hex', 'is not', null))
    .innerJoin('cycle_members as cm', (join) => join.onRef('cm.cycle_id', '=', 'c.id').onRef('cm.member_code', '=', 'm.member_code'))
    .leftJoin('share_charges as sc', (join) => join.onRef('sc.membership_id', '=', 'm.id').on('sc.reference', '=', sql<string>`'cycle:' || c.cycle_code`))
    .where('m.payer_user_id', '=', payer_user_id)
    .select([
      'm.id as membership_id',
      'm.member_code',
      'm.plan_id',
      'm.person_id',
      'c.cycle_code',
      'c.snapshot_at',
      'c.collection_at',
      'c.currency',
      'cm.share_minor',
      'cm.capped_minor',
      'sc.status as charge_status',
      (eb) => eb.selectFrom('cycle_cases as cc').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('cc.cycle_id', '=', 'c.id').as('case_count'),
    ])
    .orderBy('c.snapshot_at', 'desc')
    .orderBy('m.id')
    .limit(maxShareLines)
    .execute();

  const sums = await sql<{ year: string; currency: string; cycle_count: number | string } & SumParts>`
    select substr(c.collection_at, 1, 4) as year, c.currency, count(distinct c.id) as cycle_count, ${exactSumParts('cm.share_minor')}
    from memberships m
    join cycles c on c.plan_id = m.plan_id and c.merkle_root_hex is not null
    join cycle_members cm on cm.cycle_id = c.id and cm.member_code = m.member_code
    where m.payer_user_id = ${payer_user_id}
    group by substr(c.collection_at, 1, 4), c.currency`.execute(db);
  // A case counts once a year however many of the payer's memberships shared in it.
  const cases = await sql<{ year: string; currency: string; cases_helped: number | string }>`
    select substr(c.collection_at, 1, 4) as year, c.currency, count(distinct cc.claim_id) as cases_helped
    from memberships m
    join cycles c on c.plan_id = m.plan_id and c.merkle_root_hex is not null
    join cycle_members cm on cm.cycle_id = c.id and cm.member_code = m.member_code
    join cycle_cases cc on cc.cycle_id = c.id
    where m.payer_user_id = ${payer_user_id} and cm.share_minor > 0
    group by substr(c.collection_at, 1, 4), c.currency`.execute(db);
  const casesBy = new Map(cases.rows.map((row) => [`${row.year}|${row.currency}`, Number(row.cases_helped)]));

  return {
    lines: rows.map((row) => ({
      membership_id: BigInt(row.membership_id),
      member_code: row.member_code,
      plan_id: row.plan_id,
      person_id: BigInt(row.person_id),
      cycle_id: row.cycle_code,
      snapshot_at: row.snapshot_at,
      collection_at: row.collection_at,
      currency: row.currency,
      share_minor: BigInt(row.share_minor),
      capped_minor: BigInt(row.capped_minor),
      case_count: Number(row.case_count ?? 0),
      charge_status: row.charge_status ?? null,
    })),
    years: sums.rows
      .map((row) => ({
        year: row.year,
        currency: row.currency,
        shared_minor: exactSumOf(row),
        cases_helped: casesBy.get(`${row.year}|${row.currency}`) ?? 0,
        cycle_count: Number(row.cycle_count),
      }))
      .sort((a, b) => (a.year === b.year ? a.currency.localeCompare(b.currency) : b.year.localeCompare(a.year))),
  };
}
