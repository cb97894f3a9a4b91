import type { ServiceContext } from '../context.js';
import { juryRejection } from './jury-rejections.js';

/** Where a claim's jury stands: to open (in_jury, no jury yet), voting, counting (window over), closed. */
export type JuryPhase = 'to_open' | 'voting' | 'counting' | 'closed';
export const juryPhases: readonly JuryPhase[] = ['to_open', 'voting', 'counting', 'closed'];
export const maxJuryPageSize = 200;

/**
 * A jury as the operator follows it: never who voted or how. While voting only the number of
 * seats that have voted (votes_cast of panel_size); the split between approve and reject is in
 * the public record once the jury closes.
 */
export interface JuryOverview {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly plan_id: string;
  readonly claim_state: string;
  readonly phase: JuryPhase;
  readonly window: { readonly opens_at: string; readonly closes_at: string } | null;
  readonly eligible_count: number | null;
  readonly panel_size: number | null;
  readonly votes_cast: number | null;
  readonly verdict: 'approve' | 'reject' | 'operator_decides' | null;
  readonly operator_decision: 'approve' | 'reject' | null;
  /** Closed without a quorum where the plan leaves it to the operator, and not decided yet. */
  readonly awaiting_operator: boolean;
}

function phaseOf(row: { closed_at: string | null; closes_at: string }, now: string): JuryPhase {
  if (row.closed_at !== null) return 'closed';
  return now < row.closes_at ? 'voting' : 'counting';
}

function juryQuery(context: ServiceContext) {
  return context.store.db
    .selectFrom('juries as j')
    .innerJoin('claims as c', 'c.id', 'j.claim_id')
    .select([
      'j.claim_id',
      'c.case_number',
      'c.plan_id',
      'c.state as claim_state',
      'j.opens_at',
      'j.closes_at',
      'j.closed_at',
      'j.eligible_count',
      'j.panel_size',
      'j.verdict',
      'j.operator_decision',
      // The markers' primary key is (claim_id, member_code): an index-only count per jury.
      (eb) => eb.selectFrom('jury_voted as v').select((inner) => inner.fn.countAll<bigint | number | string>().as('n')).whereRef('v.claim_id', '=', 'j.claim_id').as('votes_cast'),
    ]);
}

type JuryRow = Awaited<ReturnType<ReturnType<typeof juryQuery>['executeTakeFirstOrThrow']>>;

function overviewOf(row: JuryRow, now: string): JuryOverview {
  return {
    claim_id: row.claim_id,
    case_number: row.case_number,
    plan_id: row.plan_id,
    claim_state: row.claim_state,
    phase: phaseOf(row, now),
    window: { opens_at: row.opens_at, closes_at: row.closes_at },
    eligible_count: Number(row.eligible_count),
    panel_size: Number(row.panel_size),
    votes_cast: Number(row.votes_cast ?? 0),
    verdict: row.verdict,
    operator_decision: row.operator_decision,
    awaiting_operator: row.verdict === 'operator_decides' && row.operator_decision === null && row.claim_state === 'in_jury',
  };
}

function toOpenOf(row: { id: bigint; case_number: string; plan_id: string; state: string }): JuryOverview {
  return {
    claim_id: row.id,
    case_number: row.case_number,
    plan_id: row.plan_id,
    claim_state: row.state,
    phase: 'to_open',
    window: null,
    eligible_count: null,
    panel_size: null,
    votes_cast: null,
    verdict: null,
    operator_decision: null,
    awaiting_operator: false,
  };
}

async function toOpenPage(context: ServiceContext, after: bigint | undefined, limit: number): Promise<JuryOverview[]> {
  let query = context.store.db
    .selectFrom('claims as c')
    .leftJoin('juries as j', 'j.claim_id', 'c.id')
    .select(['c.id', 'c.case_number', 'c.plan_id', 'c.state'])
    .where('c.state', '=', 'in_jury')
    .where('j.claim_id', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(limit);
  if (after !== undefined) query = query.where('c.id', '<', after);
  return (await query.execute()).map(toOpenOf);
}

async function juryPage(context: ServiceContext, phase: Exclude<JuryPhase, 'to_open'> | undefined, now: string, after: bigint | undefined, limit: number): Promise<JuryOverview[]> {
  let query = juryQuery(context).orderBy('j.claim_id', 'desc').limit(limit);
  if (after !== undefined) query = query.where('j.claim_id', '<', after);
  if (phase === 'closed') query = query.where('j.closed_at', 'is not', null);
  if (phase === 'voting') query = query.where('j.closed_at', 'is', null).where('j.closes_at', '>', now);
  if (phase === 'counting') query = query.where('j.closed_at', 'is', null).where('j.closes_at', '<=', now);
  return (await query.execute()).map((row) => overviewOf(row, now));
}

/**
 * The juries page of the staff console, newest claim first (pass next_after as after): claims in
 * in_jury without a jury, and juries in each phase. Without a phase, both sources are read one
 * page each (each an indexed range: claims by state, juries by claim id) and merged by claim id.
 */
export async function listJuries(
  context: ServiceContext,
  filter: { phase?: JuryPhase | undefined; after?: bigint | undefined; limit: number },
): Promise<{ juries: JuryOverview[]; next_after: bigint | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxJuryPageSize);
  const now = context.clock.now().toISOString();
  const wanted = limit + 1;
  const rows =
    filter.phase === 'to_open'
      ? await toOpenPage(context, filter.after, wanted)
      : filter.phase !== undefined
        ? await juryPage(context, filter.phase, now, filter.after, wanted)
        : [...(await toOpenPage(context, filter.after, wanted)), ...(await juryPage(context, undefined, now, filter.after, wanted))].sort((a, b) =>
            a.claim_id === b.claim_id ? 0 : a.claim_id > b.claim_id ? -1 : 1,
          );
  const page = rows.slice(0, limit);
  return { juries: page, next_after: rows.length > limit ? page[page.length - 1]!.claim_id : null };
}

/** One claim's jury overview: to open while in in_jury without a jury; JURY_NOT_FOUND otherwise. */
export async function juryOverview(context: ServiceContext, claim_id: bigint): Promise<JuryOverview> {
  const now = context.clock.now().toISOString();
  const jury = await juryQuery(context).where('j.claim_id', '=', claim_id).executeTakeFirst();
  if (jury !== undefined) return overviewOf(jury, now);
  const claim = await context.store.db.selectFrom('claims').select(['id', 'case_number', 'plan_id', 'state']).where('id', '=', claim_id).executeTakeFirst();
  if (claim === undefined || claim.state !== 'in_jury') juryRejection('JURY_NOT_FOUND', `Claim ${claim_id} has no jury and is not waiting for one.`);
  return toOpenOf(claim);
}
