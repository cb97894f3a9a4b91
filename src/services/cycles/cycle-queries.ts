import type { Db } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { caseCard, type CaseCard } from '../claims/case-card.js';
import { cycleRejection } from './cycle-rejections.js';
import type { CycleRow } from './cycle-rows.js';

/** A cycle's public figures (the export header's, plus status and times). No personal data. */
export interface CycleSummary {
  readonly cycle_id: string;
  readonly plan_id: string;
  readonly sequence: number;
  readonly status: 'running' | 'completed';
  readonly currency: string;
  readonly snapshot_at: string;
  readonly collection_at: string;
  readonly case_count: number;
  readonly aid_total_minor: bigint;
  readonly fee_bps: number;
  readonly fee_minor: bigint;
  readonly surplus_in_minor: bigint;
  readonly total_minor: bigint;
  readonly surplus_out_minor: bigint;
  readonly weight_scheme: string;
  readonly cap_policy: 'backstop' | 'reduce_aid';
  readonly member_count: number | null;
  readonly weight_total: bigint | null;
  readonly share_total_minor: bigint | null;
  readonly capped_total_minor: bigint | null;
  /** What one member of weight 1 was allocated before caps: total ÷ weight total, rounded down. */
  readonly allocated_share_per_member_minor: bigint | null;
  /** What a covered member was charged after caps, on average: share total ÷ members, rounded down. */
  readonly paid_share_per_member_minor: bigint | null;
  /** The charge step's balance (cycle-balance.ts); null until it ran, and for cycles charged before it was recorded. */
  readonly charged_minor: bigint | null;
  readonly shortfall_minor: bigint | null;
  readonly backstop_minor: bigint | null;
  readonly aid_payable_minor: bigint | null;
  readonly fee_payable_minor: bigint | null;
  readonly merkle_root_hex: string | null;
  readonly previous_root_hex: string;
  readonly seed_hex: string;
  readonly signature_hex: string | null;
  readonly completed_at: string | null;
}

/** The share of a member of weight 1 before the caps: what the cycle asked of each, not what each paid. */
function allocatedSharePerMember(row: CycleRow): bigint | null {
  return row.weight_total === null || row.weight_total === 0n ? null : row.total_minor / row.weight_total;
}

/** What the covered members were charged after the caps, per member (rounded down). */
function paidSharePerMember(row: CycleRow): bigint | null {
  return row.member_count === null || row.member_count === 0n || row.share_total_minor === null ? null : row.share_total_minor / row.member_count;
}

/**
 * What the backstop paid in: recorded by the charge step; for cycles charged before it was
 * recorded, the capped total when the backstop bore the caps (what the charge step then posted).
 */
function backstopOf(row: CycleRow): bigint {
  if (row.backstop_minor !== null) return row.backstop_minor;
  return row.cap_policy === 'backstop' ? (row.capped_total_minor ?? 0n) : 0n;
}

export function summaryOf(row: CycleRow, case_count: number): CycleSummary {
  return {
    cycle_id: row.cycle_code,
    plan_id: row.plan_id,
    sequence: Number(row.sequence),
    status: row.status,
    currency: row.currency,
    snapshot_at: row.snapshot_at,
    collection_at: row.collection_at,
    case_count,
    aid_total_minor: row.aid_total_minor,
    fee_bps: Number(row.fee_bps),
    fee_minor: row.fee_minor,
    surplus_in_minor: row.surplus_in_minor,
    total_minor: row.total_minor,
    surplus_out_minor: row.surplus_out_minor,
    weight_scheme: row.weight_scheme,
    cap_policy: row.cap_policy,
    member_count: row.member_count === null ? null : Number(row.member_count),
    weight_total: row.weight_total,
    share_total_minor: row.share_total_minor,
    capped_total_minor: row.capped_total_minor,
    allocated_share_per_member_minor: allocatedSharePerMember(row),
    paid_share_per_member_minor: paidSharePerMember(row),
    charged_minor: row.charged_minor,
    shortfall_minor: row.shortfall_minor,
    backstop_minor: row.backstop_minor,
    aid_payable_minor: row.aid_payable_minor,
    fee_payable_minor: row.fee_payable_minor,
    merkle_root_hex: row.merkle_root_hex,
    previous_root_hex: row.previous_root_hex,
    seed_hex: row.seed_hex,
    signature_hex: row.signature_hex,
    completed_at: row.completed_at,
  };
}

/** How many cases each of these cycles shares, in one grouped query. */
export async function caseCounts(db: Db, cycle_ids: readonly bigint[]): Promise<Map<bigint, number>> {
  if (cycle_ids.length === 0) return new Map();
  const counts = await db
    .selectFrom('cycle_cases')
    .select(['cycle_id', (eb) => eb.fn.countAll<bigint>().as('count')])
    .where('cycle_id', 'in', cycle_ids)
    .groupBy('cycle_id')
    .execute();
  return new Map(counts.map((row) => [row.cycle_id, Number(row.count)]));
}

export async function listCycles(context: ServiceContext, filter: { plan_id?: string; limit?: number } = {}): Promise<CycleSummary[]> {
  let query = context.store.db.selectFrom('cycles').selectAll().orderBy('snapshot_at', 'desc').orderBy('plan_id').limit(Math.min(filter.limit ?? 200, 1000));
  if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const countOf = await caseCounts(context.store.db, rows.map((row) => row.id));
  return rows.map((row) => summaryOf(row, countOf.get(row.id) ?? 0));
}

export async function getCycleRow(context: ServiceContext, cycle_code: string): Promise<CycleRow> {
  const row = await context.store.db.selectFrom('cycles').selectAll().where('cycle_code', '=', cycle_code).executeTakeFirst();
  return row ?? cycleRejection('CYCLE_NOT_FOUND', `There is no cycle "${cycle_code}".`, { cycle_id: cycle_code });
}

export interface CycleReport {
  readonly cycle: CycleSummary;
  /** The published case cards of the cases this cycle shares, with the aid owed after caps. */
  readonly cases: ReadonlyArray<{ readonly card: CaseCard; readonly payable_minor: bigint; readonly payout_status: string | null }>;
  /** The signed header line of the export: what the operator's key vouches for. */
  readonly header_json: string | null;
}

/** The public cycle report: figures and the anonymized case cards. */
export async function cycleReport(context: ServiceContext, cycle_code: string): Promise<CycleReport> {
  const row = await getCycleRow(context, cycle_code);
  const cases = await context.store.db
    .selectFrom('cycle_cases as cc')
    .leftJoin('aid_payouts as ap', 'ap.claim_id', 'cc.claim_id')
    .select(['cc.claim_id', 'cc.payable_minor', 'ap.status as payout_status'])
    .where('cc.cycle_id', '=', row.id)
    .orderBy('cc.case_number')
    .execute();
  const cards = [];
  for (const item of cases) cards.push({ card: await caseCard(context, item.claim_id), payable_minor: item.payable_minor, payout_status: item.payout_status ?? null });
  return { cycle: summaryOf(row, cases.length), cases: cards, header_json: row.header_json };
}

export interface CycleStatistics {
  readonly period: string;
  readonly plan_id: string;
  readonly cycles: number;
  /** Per cycle: members covered; per year: the largest cycle's. */
  readonly members_covered: number;
  readonly cases: number;
  readonly aid_minor: bigint;
  readonly fee_minor: bigint;
  /**
   * What a covered member paid after the caps: share total ÷ members, rounded down; per year the
   * sum over the year's cycles (what a member covered in every one of them paid).
   */
  readonly paid_share_per_member_minor: bigint;
  /** What a member of weight 1 was allocated before the caps (total ÷ weight total); per year summed. */
  readonly allocated_share_per_member_minor: bigint;
  /** Shares charged after the caps, in all. */
  readonly share_total_minor: bigint;
  /** What the caps held back from the allocated shares. */
  readonly capped_total_minor: bigint;
  /** What the operator's backstop paid in for the caps (the rest of the capped total came off the aid). */
  readonly backstop_minor: bigint;
  /** Prepaid shares the wallets could not pay when charged, still owed by those members then. */
  readonly shortfall_minor: bigint;
  /** Distinct patients helped by the plan's cycles up to the end of the period. */
  readonly people_helped_to_date: number;
}

/** Public statistics per completed cycle and per calendar year of snapshots. */
export async function cycleStatistics(context: ServiceContext, filter: { plan_id?: string } = {}): Promise<{ per_cycle: CycleStatistics[]; per_year: CycleStatistics[] }> {
  let query = context.store.db.selectFrom('cycles').selectAll().where('status', '=', 'completed').orderBy('plan_id').orderBy('sequence');
  if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
  const rows = await query.execute();
  const countOf = await caseCounts(context.store.db, rows.map((row) => row.id));
  const per_cycle: CycleStatistics[] = [];
  const helped = new Map<string, number>();
  for (const row of rows) {
    const cases = countOf.get(row.id) ?? 0;
    const to_date = (helped.get(row.plan_id) ?? 0) + cases;
    helped.set(row.plan_id, to_date);
    const capped = row.capped_total_minor ?? 0n;
    per_cycle.push({
      period: row.cycle_code,
      plan_id: row.plan_id,
      cycles: 1,
      members_covered: Number(row.member_count ?? 0n),
      cases,
      aid_minor: row.aid_total_minor,
      fee_minor: row.fee_minor,
      paid_share_per_member_minor: paidSharePerMember(row) ?? 0n,
      allocated_share_per_member_minor: allocatedSharePerMember(row) ?? 0n,
      share_total_minor: row.share_total_minor ?? 0n,
      capped_total_minor: capped,
      backstop_minor: backstopOf(row),
      shortfall_minor: row.shortfall_minor ?? 0n,
      people_helped_to_date: to_date,
    });
  }
  const years = new Map<string, CycleStatistics>();
  for (const [index, stat] of per_cycle.entries()) {
    const key = `${stat.plan_id}|${rows[index]!.snapshot_at.slice(0, 4)}`;
    const previous = years.get(key);
    years.set(key, {
      period: rows[index]!.snapshot_at.slice(0, 4),
      plan_id: stat.plan_id,
      cycles: (previous?.cycles ?? 0) + 1,
      members_covered: Math.max(previous?.members_covered ?? 0, stat.members_covered),
      cases: (previous?.cases ?? 0) + stat.cases,
      aid_minor: (previous?.aid_minor ?? 0n) + stat.aid_minor,
      fee_minor: (previous?.fee_minor ?? 0n) + stat.fee_minor,
      paid_share_per_member_minor: (previous?.paid_share_per_member_minor ?? 0n) + stat.paid_share_per_member_minor,
      allocated_share_per_member_minor: (previous?.allocated_share_per_member_minor ?? 0n) + stat.allocated_share_per_member_minor,
      share_total_minor: (previous?.share_total_minor ?? 0n) + stat.share_total_minor,
      capped_total_minor: (previous?.capped_total_minor ?? 0n) + stat.capped_total_minor,
      backstop_minor: (previous?.backstop_minor ?? 0n) + stat.backstop_minor,
      shortfall_minor: (previous?.shortfall_minor ?? 0n) + stat.shortfall_minor,
      people_helped_to_date: stat.people_helped_to_date,
    });
  }
  return { per_cycle, per_year: [...years.values()] };
}
