import type { ServiceContext } from '../context.js';
import { maxPageSize } from '../member-queries.js';
import { adultBornBy, jurorMinTenureDays } from './eligible-jurors.js';

/**
 * What a juror sees of their own jury service: for each membership the user pays for, whether it
 * can serve (the quiz, tenure, age, paying), and every panel seat those memberships hold with the
 * window, whether that seat voted (never how) and, once closed, the published counts and verdict.
 * Both read only the caller's own memberships (payer_user_id), so nobody sees another's seats.
 */

export interface JurorStanding {
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly plan_id: string;
  readonly plan_name_zh: string;
  readonly plan_name_en: string;
  readonly name_masked: string;
  readonly relationship: string;
  readonly membership_status: string;
  /** When the membership first passed the quiz; null while it has not. */
  readonly quiz_passed_at: string | null;
  /** The first instant of 30 days' tenure (joined_at + 30 days). */
  readonly tenure_from: string;
  readonly adult: boolean;
  /** Every condition of eligibleJurorsIn but the claim's own (not the claimant's household). */
  readonly eligible: boolean;
}

export type PanelPhase = 'open' | 'counting' | 'closed';

export interface PanelSeat {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly plan_id: string;
  readonly member_code: string;
  readonly membership_id: bigint;
  /** open: votes are taken; counting: the window is over and the count is not published yet; closed: published. */
  readonly phase: PanelPhase;
  readonly window: { readonly opens_at: string; readonly closes_at: string };
  readonly voted: boolean;
  readonly counts: { readonly approve: number; readonly reject: number; readonly cast: number } | null;
  readonly verdict: { readonly outcome: 'approve' | 'reject' | 'operator_decides'; readonly operator_decision: 'approve' | 'reject' | null } | null;
}

export async function jurorStandingsOf(context: ServiceContext, user_id: bigint): Promise<JurorStanding[]> {
  const at = context.clock.now().toISOString();
  const rows = await context.store.db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('plans', 'plans.id', 'm.plan_id')
    .leftJoin('juror_qualifications as q', 'q.membership_id', 'm.id')
    .select([
      'm.id as membership_id',
      'm.member_code',
      'm.plan_id',
      'plans.name_zh as plan_name_zh',
      'plans.name_en as plan_name_en',
      'p.name_masked',
      'p.relationship',
      'p.birth_date',
      'm.status',
      'm.joined_at',
      'q.passed_at',
    ])
    .select((eb) => eb.exists(eb.selectFrom('fraud_findings as f').select('f.id').whereRef('f.person_id', '=', 'm.person_id')).as('fraud'))
    .where('m.payer_user_id', '=', user_id)
    .orderBy('m.id')
    .limit(maxPageSize)
    .execute();
  const adult_born_by = adultBornBy(at);
  return rows.map((row) => {
    const tenure_from = new Date(Date.parse(row.joined_at) + jurorMinTenureDays * 86_400_000).toISOString();
    const adult = row.birth_date <= adult_born_by;
    const quiz_passed_at = row.passed_at ?? null;
    // SQLite answers exists() with 0 or 1, PostgreSQL with a boolean.
    const fraud = Boolean(Number(row.fraud));
    return {
      membership_id: BigInt(row.membership_id),
      member_code: row.member_code,
      plan_id: row.plan_id,
      plan_name_zh: row.plan_name_zh,
      plan_name_en: row.plan_name_en,
      name_masked: row.name_masked,
      relationship: row.relationship,
      membership_status: row.status,
      quiz_passed_at,
      tenure_from,
      adult,
      eligible: row.status === 'active' && tenure_from <= at && adult && quiz_passed_at !== null && quiz_passed_at <= at && !fraud,
    };
  });
}

/** The caller's seats, open ones first (closing soonest first), then the rest, newest first. */
export async function panelSeatsOf(context: ServiceContext, user_id: bigint): Promise<PanelSeat[]> {
  const at = context.clock.now().toISOString();
  const rows = await context.store.db
    .selectFrom('jury_panels as jp')
    .innerJoin('memberships as m', 'm.id', 'jp.membership_id')
    .innerJoin('juries as j', 'j.claim_id', 'jp.claim_id')
    .innerJoin('claims as c', 'c.id', 'jp.claim_id')
    .leftJoin('jury_voted as v', (join) => join.onRef('v.claim_id', '=', 'jp.claim_id').onRef('v.member_code', '=', 'jp.member_code'))
    .select([
      'jp.claim_id',
      'c.case_number',
      'c.plan_id',
      'jp.member_code',
      'jp.membership_id',
      'j.opens_at',
      'j.closes_at',
      'j.closed_at',
      'j.approve_votes',
      'j.reject_votes',
      'j.verdict',
      'j.operator_decision',
      'v.voted_at',
    ])
    .where('m.payer_user_id', '=', user_id)
    .orderBy('j.opens_at', 'desc')
    .limit(maxPageSize)
    .execute();
  const seats = rows.map((row): PanelSeat => {
    const closed = row.closed_at !== null && row.approve_votes !== null && row.reject_votes !== null && row.verdict !== null;
    const phase: PanelPhase = closed ? 'closed' : at < row.closes_at ? 'open' : 'counting';
    const approve = Number(row.approve_votes ?? 0);
    const reject = Number(row.reject_votes ?? 0);
    return {
      claim_id: BigInt(row.claim_id),
      case_number: row.case_number,
      plan_id: row.plan_id,
      member_code: row.member_code,
      membership_id: BigInt(row.membership_id),
      phase,
      window: { opens_at: row.opens_at, closes_at: row.closes_at },
      voted: row.voted_at !== null,
      counts: closed ? { approve, reject, cast: approve + reject } : null,
      verdict: closed ? { outcome: row.verdict!, operator_decision: row.operator_decision } : null,
    };
  });
  const order: Record<PanelPhase, number> = { open: 0, counting: 1, closed: 2 };
  return seats.sort((a, b) => {
    if (a.phase !== b.phase) return order[a.phase] - order[b.phase];
    if (a.phase === 'open') return a.window.closes_at < b.window.closes_at ? -1 : a.window.closes_at > b.window.closes_at ? 1 : 0;
    return a.window.opens_at > b.window.opens_at ? -1 : a.window.opens_at < b.window.opens_at ? 1 : 0;
  });
}
