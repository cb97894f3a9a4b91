import { createHash } from 'node:crypto';
import { decideVerdict, drawPanel, jurorRank, quorumFor, type JuryRules } from '../../core/claims/jury.js';
import { compareUtf8 } from '../../core/money/byte-order.js';
import type { Trx } from '../../ledger/ledger.js';
import { journalHeadIn } from '../../ledger/ledger-reads.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { claimJson, lockClaimIn, transitionClaimIn, type ClaimRow } from '../claims/claim-transitions.js';
import { checkText } from '../claims/claim-rejections.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { versionAt } from '../plans.js';
import { eligibleJurorsIn } from './eligible-jurors.js';
import { juryRejection } from './jury-rejections.js';

/** The plan rules have no window length yet: three days unless the opener says otherwise. */
export const defaultJuryWindowHours = 72;
export const maxJuryWindowHours = 30 * 24;
/** Rows per INSERT of panel seats: 5 parameters each, well under both backends' limits. */
const panelInsertBatch = 1000;

export type JuryVote = 'approve' | 'reject';

/**
 * Everything anyone needs to check a jury, with no personal data: the seed and what it was made
 * from, the eligible juror codes (sorted, byte order), the panel size and the panel in draw order,
 * the window, and — only once the jury is closed — the counts and the verdict.
 */
export interface JuryPublicRecord {
  readonly case_number: string;
  readonly status: 'voting' | 'closed';
  /** SHA-256(case_number + "|" + seed_ledger_hash_hex), lower-case hex. */
  readonly seed_hex: string;
  readonly seed_inputs: { readonly case_number: string; readonly ledger_seq: string; readonly ledger_hash_hex: string };
  readonly eligible_codes: readonly string[];
  readonly eligible_count: number;
  readonly quorum: number;
  readonly panel_size: number;
  /** The first panel_size eligible codes ranked by SHA-256(seed_hex + "|" + code). */
  readonly panel: readonly string[];
  readonly window: { readonly opens_at: string; readonly closes_at: string };
  readonly counts: { readonly approve: number; readonly reject: number; readonly cast: number } | null;
  readonly verdict: { readonly outcome: 'approve' | 'reject' | 'operator_decides'; readonly reason: string; readonly operator_decision: 'approve' | 'reject' | null } | null;
  /** The plan's jury rules as they stood when the jury opened: how the counts become the verdict. */
  readonly rules: { readonly majority_bps: number; readonly on_tie: 'approve' | 'reject'; readonly on_missed_quorum: 'approve' | 'reject' | 'operator_decides' };
  /**
   * Once closed, the commitment of every ballot counted (ballotCommitment of its receipt), sorted:
   * a juror finds their own receipt's commitment here; nobody learns a choice from it.
   */
  readonly ballot_commitments: readonly string[] | null;
}

export function jurySeed(case_number: string, ledger_hash_hex: string): string {
  return createHash('sha256').update(`${case_number}|${ledger_hash_hex}`, 'utf8').digest('hex');
}

/**
 * A vote's receipt is 16 random bytes (hex) returned once to the voter; the ballot is stored under
 * its commitment SHA-256(case_number + "|" + receipt_hex), never under the receipt itself, and the
 * closed jury publishes every commitment. The voter recomputes theirs and finds it among them
 * (their ballot was counted); the commitment names no choice and no juror, so showing a receipt
 * proves to nobody how its holder voted, and the server cannot tie a commitment to a juror.
 */
export function ballotCommitment(case_number: string, receipt_hex: string): string {
  return createHash('sha256').update(`${case_number}|${receipt_hex}`, 'utf8').digest('hex');
}

function juryRulesOf(rules: { jury: JuryRules }): JuryRules {
  return rules.jury;
}

async function auditIn(trx: Trx, claim: ClaimRow, event: string, actor: string, reason: string, at: string): Promise<void> {
  // A jury step that does not change the claim's state still belongs in its audit trail.
  await trx
    .insertInto('claim_events')
    .values({ claim_id: claim.id, event, from_state: claim.state, to_state: claim.state, actor, reason, before_json: claimJson(claim), after_json: claimJson(claim), at })
    .execute();
}

/**
 * Opens the jury of a claim in in_jury, in one transaction: the seed is fixed from the case
 * number and the ledger journal's head hash at this moment (both published), the eligible
 * jurors are snapshotted, the panel drawn with the core's drawPanel and stored, and the window
 * set. Panel size: twice the larger of the plan's quorum_votes and the small-plan quorum, capped
 * at the eligible count (all eligible jurors when fewer), so absences still leave a quorum.
 */
export async function openJury(context: ServiceContext, claim_id: bigint, actor: string, options: { window_hours?: number } = {}): Promise<JuryPublicRecord> {
  const window_hours = options.window_hours ?? defaultJuryWindowHours;
  if (!Number.isInteger(window_hours) || window_hours < 1 || window_hours > maxJuryWindowHours) {
    juryRejection('JURY_BAD_WINDOW', `The voting window is 1–${maxJuryWindowHours} whole hours.`, { window_hours });
  }
  const at = context.clock.now().toISOString();
  await context.store.db.transaction().execute(async (trx) => {
    const claim = await lockClaimIn(trx, claim_id);
    if (claim.state !== 'in_jury') juryRejection('JURY_CLAIM_NOT_IN_JURY', `A jury is opened for a claim in in_jury; this one is ${claim.state}.`, { state: claim.state });
    const existing = await trx.selectFrom('juries').select('claim_id').where('claim_id', '=', claim_id).executeTakeFirst();
    if (existing !== undefined) juryRejection('JURY_ALREADY_OPEN', 'This claim has a jury already.');
    const head = await journalHeadIn(trx);
    const seed_hex = jurySeed(claim.case_number, head.hash);
    const eligible = await eligibleJurorsIn(trx, claim, at);
    if (eligible.length === 0) juryRejection('JURY_NO_ELIGIBLE_JURORS', 'No member is eligible to serve on this jury yet.');
    const rules = juryRulesOf(versionAt(await getPlanIn(trx, claim.plan_id), at).rules);
    const quorum = quorumFor(rules, eligible.length);
    const panel_size = Math.min(eligible.length, Math.max(rules.quorum_votes, quorum) * 2);
    const codes = eligible.map((juror) => juror.member_code);
    const panel = drawPanel(seed_hex, codes, panel_size);
    const membershipOf = new Map(eligible.map((juror) => [juror.member_code, juror.membership_id]));
    const closes_at = new Date(Date.parse(at) + window_hours * 3_600_000).toISOString();
    await trx
      .insertInto('juries')
      .values({
        claim_id,
        seed_hex,
        seed_ledger_seq: head.seq,
        seed_ledger_hash: head.hash,
        eligible_codes_json: JSON.stringify(codes),
        eligible_count: BigInt(eligible.length),
        panel_size: BigInt(panel_size),
        quorum: BigInt(quorum),
        opens_at: at,
        closes_at,
        opened_by: actor,
        closed_at: null,
        closed_by: null,
        approve_votes: null,
        reject_votes: null,
        verdict: null,
        verdict_reason: null,
        operator_decision: null,
        operator_decided_by: null,
        operator_decided_at: null,
      })
      .execute();
    for (let start = 0; start < panel.length; start += panelInsertBatch) {
      const seats = panel.slice(start, start + panelInsertBatch).map((member_code, offset) => ({
        claim_id,
        member_code,
        membership_id: membershipOf.get(member_code)!,
        position: BigInt(start + offset + 1),
        rank_hex: jurorRank(seed_hex, member_code),
      }));
      await trx.insertInto('jury_panels').values(seats).execute();
    }
    const after = await trx.updateTable('claims').set({ jury_seed_hex: seed_hex }).where('id', '=', claim_id).returningAll().executeTakeFirstOrThrow();
    await auditIn(trx, after, 'jury_opened', actor, `Jury opened: ${panel_size} of ${eligible.length} eligible jurors drawn with seed ${seed_hex}; voting until ${closes_at}`, at);
  });
  return juryPublicRecord(context, claim_id);
}

/**
 * One secret vote by the payer of a panel membership. Who voted and what was voted are two rows
 * that share nothing but the claim: the marker (claim, member code, time; its primary key makes
 * a second vote a JURY_ALREADY_VOTED) and the ballot (a random id, claim, choice). No API
 * returns either row. A payer who holds several seats on this panel names the member code.
 */
export async function castVote(
  context: ServiceContext,
  claim_id: bigint,
  user_id: bigint,
  vote: JuryVote,
  options: { member_code?: string } = {},
): Promise<{ member_code: string; voted_at: string; receipt_hex: string }> {
  if (vote !== 'approve' && vote !== 'reject') juryRejection('JURY_BAD_VOTE', 'A vote is approve or reject.');
  const at = context.clock.now().toISOString();
  try {
    return await context.store.db.transaction().execute(async (trx) => {
      // A shared lock on PostgreSQL: votes run side by side, but closeJury (which updates this
      // row) waits for votes in flight and they wait for it, so no vote lands after the count.
      // SQLite runs one write transaction at a time anyway.
      const jury = await trx
        .selectFrom('juries')
        .innerJoin('claims', 'claims.id', 'juries.claim_id')
        .select(['juries.opens_at', 'juries.closes_at', 'juries.closed_at', 'claims.case_number'])
        .where('juries.claim_id', '=', claim_id)
        .$if(context.store.dialect === 'postgres', (query) => query.forShare('juries'))
        .executeTakeFirst();
      if (jury === undefined || at < jury.opens_at) juryRejection('JURY_NOT_OPEN', 'Voting on this claim has not opened.');
      if (jury.closed_at !== null || at >= jury.closes_at) juryRejection('JURY_WINDOW_CLOSED', `Voting closed at ${jury.closes_at}.`, { closes_at: jury.closes_at });
      // Two indexed steps (the user's memberships, then their seats on this panel), never a
      // scan of the whole panel: with 10,000 jurors a join driven from the panel costs O(panel) per vote.
      const paid = await trx.selectFrom('memberships').select('id').where('payer_user_id', '=', user_id).execute();
      let rows: Array<{ member_code: string }> = [];
      if (paid.length > 0) {
        let seats = trx
          .selectFrom('jury_panels')
          .select('member_code')
          .where('membership_id', 'in', paid.map((row) => row.id))
          .where('claim_id', '=', claim_id);
        if (options.member_code !== undefined) seats = seats.where('member_code', '=', options.member_code);
        rows = await seats.limit(2).execute();
      }
      const seat = rows[0];
      if (seat === undefined) juryRejection('JURY_NOT_A_JUROR', 'You do not hold a seat on this jury.');
      if (rows.length > 1) juryRejection('JURY_MEMBER_CODE_REQUIRED', 'You pay for more than one juror on this panel: say which member code votes.');
      const voted = await trx.selectFrom('jury_voted').select('member_code').where('claim_id', '=', claim_id).where('member_code', '=', seat.member_code).executeTakeFirst();
      if (voted !== undefined) juryRejection('JURY_ALREADY_VOTED', 'This juror has voted already.');
      await trx.insertInto('jury_voted').values({ claim_id, member_code: seat.member_code, voted_at: at }).execute();
      const receipt_hex = Buffer.from(context.random.bytes(16)).toString('hex');
      await trx.insertInto('jury_ballots').values({ ballot_hex: ballotCommitment(jury.case_number, receipt_hex), claim_id, choice: vote }).execute();
      return { member_code: seat.member_code, voted_at: at, receipt_hex };
    });
  } catch (error) {
    // Two concurrent votes for one seat: the marker's primary key lets one through.
    if (isUniqueViolation(error)) juryRejection('JURY_ALREADY_VOTED', 'This juror has voted already.');
    throw error;
  }
}

/**
 * Closes the vote once the window is over: counts the ballots (they must match the markers),
 * decides with the plan's jury rules as they stood when the jury opened, publishes counts and
 * verdict, and moves the claim (jury_approves → approved, jury_rejects → rejected_final).
 * 'operator_decides' (a missed quorum, when the plan says so) leaves the claim in in_jury for
 * decideAfterJury. A claim that left in_jury meanwhile (fraud found) keeps its state.
 */
export async function closeJury(context: ServiceContext, claim_id: bigint, actor: string): Promise<JuryPublicRecord> {
  const at = context.clock.now().toISOString();
  await context.store.db.transaction().execute(async (trx) => {
    const claim = await lockClaimIn(trx, claim_id);
    const jury = await trx
      .selectFrom('juries')
      .selectAll()
      .where('claim_id', '=', claim_id)
      .$if(context.store.dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
    if (jury === undefined) juryRejection('JURY_NOT_OPEN', 'This claim has no jury.');
    if (jury.closed_at !== null) juryRejection('JURY_ALREADY_CLOSED', `The jury closed at ${jury.closed_at}.`);
    if (at < jury.closes_at) juryRejection('JURY_WINDOW_NOT_OVER', `Voting runs until ${jury.closes_at}.`, { closes_at: jury.closes_at });
    const tally = await trx
      .selectFrom('jury_ballots')
      .select(['choice', (eb) => eb.fn.countAll<bigint | number | string>().as('n')])
      .where('claim_id', '=', claim_id)
      .groupBy('choice')
      .execute();
    const approve = Number(tally.find((row) => row.choice === 'approve')?.n ?? 0);
    const rejectVotes = Number(tally.find((row) => row.choice === 'reject')?.n ?? 0);
    const markers = await trx.selectFrom('jury_voted').select((eb) => eb.fn.countAll<bigint | number | string>().as('n')).where('claim_id', '=', claim_id).executeTakeFirstOrThrow();
    // Invariant: one ballot per marker, written in the same transaction.
    if (Number(markers.n) !== approve + rejectVotes) throw new Error(`jury ${claim_id}: ${markers.n} voters but ${approve + rejectVotes} ballots`);
    const rules = juryRulesOf(versionAt(await getPlanIn(trx, claim.plan_id), jury.opens_at).rules);
    const verdict = decideVerdict(rules, Number(jury.eligible_count), { approve, reject: rejectVotes });
    await trx
      .updateTable('juries')
      .set({ closed_at: at, closed_by: actor, approve_votes: BigInt(approve), reject_votes: BigInt(rejectVotes), verdict: verdict.outcome, verdict_reason: verdict.reason })
      .where('claim_id', '=', claim_id)
      .execute();
    const summary = `Jury closed: ${approve} approve, ${rejectVotes} reject (quorum ${verdict.quorum}); ${verdict.outcome} by ${verdict.reason}`;
    if (claim.state === 'in_jury' && verdict.outcome !== 'operator_decides') {
      await transitionClaimIn(trx, claim, { event: verdict.outcome === 'approve' ? 'jury_approves' : 'jury_rejects', actor, reason: summary, at });
    } else {
      await auditIn(trx, claim, 'jury_closed', actor, summary, at);
    }
  });
  return juryPublicRecord(context, claim_id);
}

/** The operator's decision when the jury missed its quorum and the plan leaves it to the operator. */
export async function decideAfterJury(context: ServiceContext, claim_id: bigint, decision: JuryVote, reason: string, actor: string): Promise<JuryPublicRecord> {
  if (decision !== 'approve' && decision !== 'reject') juryRejection('JURY_BAD_DECISION', 'The decision is approve or reject.');
  const text = checkText(reason, 'decision reason');
  const at = context.clock.now().toISOString();
  await context.store.db.transaction().execute(async (trx) => {
    const claim = await lockClaimIn(trx, claim_id);
    const jury = await trx.selectFrom('juries').select(['verdict', 'operator_decision']).where('claim_id', '=', claim_id).executeTakeFirst();
    if (jury === undefined) juryRejection('JURY_NOT_OPEN', 'This claim has no jury.');
    if (jury.verdict !== 'operator_decides' || jury.operator_decision !== null || claim.state !== 'in_jury') {
      juryRejection('JURY_NO_OPERATOR_DECISION_NEEDED', 'Only a closed jury that missed its quorum, where the plan leaves it to the operator, takes an operator decision.');
    }
    await trx.updateTable('juries').set({ operator_decision: decision, operator_decided_by: actor, operator_decided_at: at }).where('claim_id', '=', claim_id).execute();
    await transitionClaimIn(trx, claim, { event: decision === 'approve' ? 'jury_approves' : 'jury_rejects', actor, reason: `Operator decision after a missed jury quorum: ${text}`, at });
  });
  return juryPublicRecord(context, claim_id);
}

/** The claim id for a public case number, or for a numeric id given as digits. */
export async function juryClaimId(context: ServiceContext, reference: string): Promise<bigint> {
  const row = /^\d{1,19}$/.test(reference)
    ? await context.store.db.selectFrom('claims').select('id').where('id', '=', BigInt(reference)).executeTakeFirst()
    : await context.store.db.selectFrom('claims').select('id').where('case_number', '=', reference).executeTakeFirst();
  if (row === undefined) juryRejection('JURY_NOT_FOUND', `No jury for claim ${reference}.`);
  return row.id;
}

export async function juryPublicRecord(context: ServiceContext, claim_id: bigint): Promise<JuryPublicRecord> {
  const jury = await context.store.db
    .selectFrom('juries')
    .innerJoin('claims', 'claims.id', 'juries.claim_id')
    .selectAll('juries')
    .select('claims.case_number')
    .where('juries.claim_id', '=', claim_id)
    .executeTakeFirst();
  if (jury === undefined) juryRejection('JURY_NOT_FOUND', `No jury for claim ${claim_id}.`);
  const panel = await context.store.db.selectFrom('jury_panels').select('member_code').where('claim_id', '=', claim_id).orderBy('position').execute();
  const closed = jury.closed_at !== null && jury.approve_votes !== null && jury.reject_votes !== null && jury.verdict !== null;
  const claim = await context.store.db.selectFrom('claims').select('plan_id').where('id', '=', claim_id).executeTakeFirstOrThrow();
  const rules = juryRulesOf(versionAt(await getPlanIn(context.store.db, claim.plan_id), jury.opens_at).rules);
  const commitments = closed
    ? (await context.store.db.selectFrom('jury_ballots').select('ballot_hex').where('claim_id', '=', claim_id).execute()).map((row) => row.ballot_hex).sort(compareUtf8)
    : null;
  return {
    case_number: jury.case_number,
    status: closed ? 'closed' : 'voting',
    seed_hex: jury.seed_hex,
    seed_inputs: { case_number: jury.case_number, ledger_seq: jury.seed_ledger_seq.toString(), ledger_hash_hex: jury.seed_ledger_hash },
    eligible_codes: JSON.parse(jury.eligible_codes_json) as string[],
    eligible_count: Number(jury.eligible_count),
    quorum: Number(jury.quorum),
    panel_size: Number(jury.panel_size),
    panel: panel.map((row) => row.member_code),
    window: { opens_at: jury.opens_at, closes_at: jury.closes_at },
    counts: closed ? { approve: Number(jury.approve_votes), reject: Number(jury.reject_votes), cast: Number(jury.approve_votes) + Number(jury.reject_votes) } : null,
    verdict: closed ? { outcome: jury.verdict!, reason: jury.verdict_reason ?? '', operator_decision: jury.operator_decision } : null,
    rules: { majority_bps: rules.majority_bps, on_tie: rules.on_tie, on_missed_quorum: rules.on_missed_quorum },
    ballot_commitments: commitments,
  };
}
