import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { drawPanel } from '../../src/core/claims/jury.js';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, objectToClaim, publishNotice, resolveObjection, startReview, submitClaim } from '../../src/services/claims/index.js';
import {
  castVote,
  closeJury,
  decideAfterJury,
  juryPublicRecord,
  jurorQuiz,
  openJury,
  publicQuiz,
  takeJurorQuiz,
  type JuryPublicRecord,
} from '../../src/services/jury/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { createPlan } from '../../src/services/plans.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend } from '../support/test-stores.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';

const rightAnswers = jurorQuiz.map((question) => question.correct_index);
/** Four right, the last one wrong: still a pass. */
const fourRight = rightAnswers.map((answer, index) => (index === 4 ? (answer + 1) % 4 : answer));
const threeRight = rightAnswers.map((answer, index) => (index >= 3 ? (answer + 1) % 4 : answer));

type MissedQuorumRule = 'approve' | 'reject' | 'operator_decides';

interface World {
  readonly context: TestContext;
  readonly claim_id: bigint;
  readonly case_number: string;
  /** member code → the user id of its payer, for the six members who should be eligible. */
  readonly eligible: ReadonlyMap<string, bigint>;
  /** A user who pays for an active adult member who never took the quiz. */
  readonly outsider: bigint;
}

describeEachBackend('jury', (dialect) => {
  let context: TestContext | undefined;
  afterEach(async () => context?.store.close());

  async function user(username: string): Promise<bigint> {
    const row = await context!.store.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: 'x', roles: 'member', created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * A plan whose jury has quorum 2 (at most half the eligible), so 6 eligible jurors give a panel of
   * 4; a patient with a claim taken through notice and an objection to in_jury; six eligible
   * jurors and one of each kind who must not be: a child, a member without the quiz, one with a
   * fraud record, a recent joiner, a lapsed member, and the patient's own household.
   */
  async function world(on_missed_quorum: MissedQuorumRule = 'operator_decides'): Promise<World> {
    context = await testContext(dialect);
    const rules = { ...criticalIllnessPlan.rules, jury: { quorum_votes: 2, quorum_share_bps: 5000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum } };
    await createPlan(context, { id: 'jury-plan', name_zh: '评议测试计划', name_en: 'Jury test plan', rules }, null);
    const payers: bigint[] = [];
    for (let index = 0; index < 13; index += 1) payers.push(await user(`payer-${index}`));
    const people = [
      { payer: 0, person: personBornOn('1990-05-17', 1) }, // 0 patient
      ...[2, 3, 4, 5, 6, 7].map((sequence, offset) => ({ payer: offset + 1, person: personBornOn(`198${offset}-02-0${offset + 1}`, sequence) })), // 1–6 eligible
      { payer: 7, person: personBornOn('2012-06-01', 8, { relationship: 'self' }) }, // 7 child
      { payer: 8, person: personBornOn('1975-03-03', 9) }, // 8 no quiz
      { payer: 9, person: personBornOn('1970-04-04', 10) }, // 9 fraud record
      { payer: 10, person: personBornOn('1972-05-05', 11) }, // 10 recent joiner
      { payer: 11, person: personBornOn('1974-06-06', 12) }, // 11 lapsed
      { payer: 0, person: personBornOn('1989-07-07', 13, { relationship: 'spouse' }) }, // 12 the patient's household
    ];
    const enrolled = await enrolMembers(
      context,
      people.map(({ payer, person }) => ({ plan_id: 'jury-plan', payer_user_id: payers[payer]!, person, answers: noToAll })),
    );
    const memberships = enrolled.map((result) => {
      if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
      return result.value;
    });
    context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(context)).toBe(13);
    context.clock.set('2027-03-15T10:00:00.000Z');
    for (const index of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]) {
      const passed = await takeJurorQuiz(context, payers[people[index]!.payer]!, memberships[index]!.membership_id, index % 2 === 0 ? rightAnswers : fourRight);
      expect(passed.passed).toBe(true);
    }
    const m = (index: number) => memberships[index]!;
    await context.store.db
      .insertInto('fraud_findings')
      .values({ membership_id: m(9).membership_id, person_id: m(9).person_id, claim_id: null, finding: 'Concealed a condition on another plan.', recorded_by: 'operator', at: '2027-03-02T00:00:00.000Z' })
      .execute();
    await context.store.db.updateTable('memberships').set({ joined_at: '2027-03-01T00:00:00.000Z' }).where('id', '=', m(10).membership_id).execute();
    await context.store.db.updateTable('memberships').set({ status: 'lapsed' }).where('id', '=', m(11).membership_id).execute();

    const blobs = new MemoryBlobStore();
    const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const { claim_id, case_number } = await submitClaim(
      context,
      { membership_id: m(0).membership_id, submitted_by_user_id: payers[0]!, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '北京协和医院', files: [pdf] },
      blobs,
    );
    await startReview(context, claim_id, 'user:reviewer');
    await approveForNotice(context, claim_id, 'user:reviewer');
    await publishNotice(context, claim_id, 'user:reviewer');
    const objection = await objectToClaim(context, claim_id, m(1).membership_id, 'The diagnosis date looks wrong.');
    expect((await resolveObjection(context, objection.id, 'refer_to_jury', 'The members decide.', 'user:reviewer')).claim.state).toBe('in_jury');
    const eligible = new Map([1, 2, 3, 4, 5, 6].map((index) => [m(index).member_code, payers[people[index]!.payer]!] as const));
    return { context, claim_id, case_number, eligible, outsider: payers[8]! };
  }

  async function claimState(claim_id: bigint): Promise<string> {
    return (await context!.store.db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow()).state;
  }

  async function voteCounts(): Promise<[number, number]> {
    const voted = await context!.store.db.selectFrom('jury_voted').select((eb) => eb.fn.countAll<bigint | number>().as('n')).executeTakeFirstOrThrow();
    const ballots = await context!.store.db.selectFrom('jury_ballots').select((eb) => eb.fn.countAll<bigint | number>().as('n')).executeTakeFirstOrThrow();
    return [Number(voted.n), Number(ballots.n)];
  }

  function panelPayers(w: World, record: JuryPublicRecord): bigint[] {
    return record.panel.map((code) => w.eligible.get(code)!);
  }

  it('publishes the quiz without its answers, passes 4 of 5, records only passes, and checks who pays', async () => {
    const w = await world();
    expect(publicQuiz()).toHaveLength(5);
    expect(JSON.stringify(publicQuiz())).not.toContain('correct_index');
    // The member who never took the quiz.
    const membership = await w.context.store.db.selectFrom('memberships').select(['id']).where('payer_user_id', '=', w.outsider).executeTakeFirstOrThrow();
    const payer = w.outsider;
    const someoneElse = [...w.eligible.values()][0]!;
    const failed = await takeJurorQuiz(w.context, payer, membership.id, threeRight);
    expect(failed).toEqual({ correct_answers: 3, questions: 5, passed: false, passed_at: null });
    expect(await w.context.store.db.selectFrom('juror_qualifications').select('membership_id').where('membership_id', '=', membership.id).executeTakeFirst()).toBeUndefined();
    expect(await codeOf(takeJurorQuiz(w.context, payer, membership.id, [0, 1]))).toBe('JURY_QUIZ_BAD_ANSWERS');
    expect(await codeOf(takeJurorQuiz(w.context, someoneElse, membership.id, rightAnswers))).toBe('MEMBERSHIP_NOT_FOUND');
    expect(await takeJurorQuiz(w.context, payer, membership.id, fourRight)).toMatchObject({ correct_answers: 4, passed: true, passed_at: '2027-03-15T10:00:00.000Z' });
  });

  it('draws the panel from exactly the eligible jurors, the same way twice, and anyone can recompute it from the public record alone', async () => {
    const w = await world();
    const record = await openJury(w.context, w.claim_id, 'user:reviewer');
    expect(record.eligible_codes).toEqual([...w.eligible.keys()].sort());
    expect(record).toMatchObject({ status: 'voting', eligible_count: 6, quorum: 2, panel_size: 4, counts: null, verdict: null });
    expect(record.window).toEqual({ opens_at: '2027-03-15T10:00:00.000Z', closes_at: '2027-03-18T10:00:00.000Z' });

    // Recomputed here from the public record only, with nothing from src/: the seed from its
    // published inputs, then every code ranked by SHA-256(seed + "|" + code).
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const published = JSON.parse(JSON.stringify(await juryPublicRecord(w.context, w.claim_id))) as JuryPublicRecord;
    expect(published.seed_hex).toBe(sha256(`${published.seed_inputs.case_number}|${published.seed_inputs.ledger_hash_hex}`));
    expect(published.seed_inputs.case_number).toBe(w.case_number);
    const recomputed = published.eligible_codes
      .map((code) => ({ code, rank: sha256(`${published.seed_hex}|${code}`) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, published.panel_size)
      .map((entry) => entry.code);
    expect(recomputed).toEqual(published.panel);

    // The same seed draws the same jury twice, whatever order the eligible codes come in.
    const reversed = [...published.eligible_codes].reverse();
    expect(drawPanel(published.seed_hex, published.eligible_codes, 4)).toEqual(drawPanel(published.seed_hex, reversed, 4));
    expect(drawPanel(published.seed_hex, reversed, 4)).toEqual(published.panel);
    const claim = await w.context.store.db.selectFrom('claims').select(['jury_seed_hex']).where('id', '=', w.claim_id).executeTakeFirstOrThrow();
    expect(claim.jury_seed_hex).toBe(published.seed_hex);
    const seats = await w.context.store.db.selectFrom('jury_panels').select(['member_code', 'rank_hex', 'position']).where('claim_id', '=', w.claim_id).orderBy('position').execute();
    expect(seats.map((seat) => [seat.member_code, seat.rank_hex])).toEqual(published.panel.map((code) => [code, sha256(`${published.seed_hex}|${code}`)]));
    expect(await codeOf(openJury(w.context, w.claim_id, 'user:reviewer'))).toBe('JURY_ALREADY_OPEN');
  });

  it('refuses every vote it must refuse, writing nothing, and keeps the vote secret', async () => {
    const w = await world();
    const [firstPayer] = [...w.eligible.values()];
    expect(await codeOf(castVote(w.context, w.claim_id, firstPayer!, 'approve'))).toBe('JURY_NOT_OPEN');
    expect(await codeOf(closeJury(w.context, w.claim_id, 'user:reviewer'))).toBe('JURY_NOT_OPEN');
    const record = await openJury(w.context, w.claim_id, 'user:reviewer');
    const onPanel = panelPayers(w, record);
    const offPanel = [...w.eligible].filter(([code]) => !record.panel.includes(code)).map(([, payer]) => payer);
    expect(offPanel).toHaveLength(2);

    expect(await codeOf(castVote(w.context, w.claim_id, offPanel[0]!, 'approve'))).toBe('JURY_NOT_A_JUROR');
    expect(await codeOf(castVote(w.context, w.claim_id, w.outsider, 'reject'))).toBe('JURY_NOT_A_JUROR');
    expect(await codeOf(castVote(w.context, w.claim_id, onPanel[0]!, 'maybe' as 'approve'))).toBe('JURY_BAD_VOTE');
    expect(await voteCounts()).toEqual([0, 0]);

    // The answer carries the juror's receipt (README, "Jury vote receipts"): 16 random bytes, shown once.
    expect(await castVote(w.context, w.claim_id, onPanel[0]!, 'approve')).toEqual({ member_code: record.panel[0], voted_at: '2027-03-15T10:00:00.000Z', receipt_hex: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await codeOf(castVote(w.context, w.claim_id, onPanel[0]!, 'reject'))).toBe('JURY_ALREADY_VOTED');
    expect(await voteCounts()).toEqual([1, 1]);
    // Two at once for one seat: the marker's key lets one through.
    const race = await Promise.allSettled([castVote(w.context, w.claim_id, onPanel[1]!, 'approve'), castVote(w.context, w.claim_id, onPanel[1]!, 'approve')]);
    expect(race.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await voteCounts()).toEqual([2, 2]);

    // Secret: the ballot row has no member code, user or time; the record shows no counts while voting.
    const ballot = await w.context.store.db.selectFrom('jury_ballots').selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(ballot).sort()).toEqual(['ballot_hex', 'choice', 'claim_id']);
    expect((await juryPublicRecord(w.context, w.claim_id)).counts).toBeNull();

    expect(await codeOf(closeJury(w.context, w.claim_id, 'user:reviewer'))).toBe('JURY_WINDOW_NOT_OVER');
    w.context.clock.set('2027-03-18T10:00:00.000Z');
    expect(await codeOf(castVote(w.context, w.claim_id, onPanel[2]!, 'approve'))).toBe('JURY_WINDOW_CLOSED');
    expect(await voteCounts()).toEqual([2, 2]);
    await closeJury(w.context, w.claim_id, 'user:reviewer');
    expect(await codeOf(closeJury(w.context, w.claim_id, 'user:reviewer'))).toBe('JURY_ALREADY_CLOSED');
    expect(await codeOf(castVote(w.context, w.claim_id, onPanel[3]!, 'approve'))).toBe('JURY_WINDOW_CLOSED');
  });

  it('opens only for a claim in in_jury', async () => {
    const w = await world();
    await closeAndApprove(w);
    expect(await codeOf(openJury(w.context, w.claim_id, 'user:reviewer', { window_hours: 0 }))).toBe('JURY_BAD_WINDOW');
  });

  async function closeAndApprove(w: World): Promise<void> {
    const record = await openJury(w.context, w.claim_id, 'user:reviewer', { window_hours: 24 });
    expect(record.window.closes_at).toBe('2027-03-16T10:00:00.000Z');
    const [a, b, c] = panelPayers(w, record);
    await castVote(w.context, w.claim_id, a!, 'approve');
    await castVote(w.context, w.claim_id, b!, 'approve');
    await castVote(w.context, w.claim_id, c!, 'reject');
    w.context.clock.set('2027-03-16T10:00:00.000Z');
    const closed = await closeJury(w.context, w.claim_id, 'user:reviewer');
    expect(closed).toMatchObject({ status: 'closed', counts: { approve: 2, reject: 1, cast: 3 }, verdict: { outcome: 'approve', reason: 'majority', operator_decision: null } });
    expect(await claimState(w.claim_id)).toBe('approved');
    expect(await codeOf(openJury(w.context, w.claim_id, 'user:reviewer'))).toBe('JURY_CLAIM_NOT_IN_JURY');
  }

  it('approves by a majority and audits opening and verdict', async () => {
    const w = await world();
    await closeAndApprove(w);
    const events = await w.context.store.db.selectFrom('claim_events').select(['event', 'to_state']).where('claim_id', '=', w.claim_id).orderBy('id').execute();
    expect(events.slice(-2)).toEqual([
      { event: 'jury_opened', to_state: 'in_jury' },
      { event: 'jury_approves', to_state: 'approved' },
    ]);
  });

  it('rejects by a majority, and a tie follows the plan (reject)', async () => {
    const w = await world();
    const record = await openJury(w.context, w.claim_id, 'user:reviewer');
    const [a, b] = panelPayers(w, record);
    await castVote(w.context, w.claim_id, a!, 'reject');
    await castVote(w.context, w.claim_id, b!, 'approve');
    w.context.clock.set('2027-03-18T10:00:00.000Z');
    const closed = await closeJury(w.context, w.claim_id, 'user:reviewer');
    expect(closed).toMatchObject({ counts: { approve: 1, reject: 1, cast: 2 }, verdict: { outcome: 'reject', reason: 'no_majority_rule' } });
    expect(await claimState(w.claim_id)).toBe('rejected_final');
  });

  it('a missed quorum leaves the decision to the operator when the plan says so', async () => {
    const w = await world('operator_decides');
    const record = await openJury(w.context, w.claim_id, 'user:reviewer');
    await castVote(w.context, w.claim_id, panelPayers(w, record)[0]!, 'reject');
    expect(await codeOf(decideAfterJury(w.context, w.claim_id, 'approve', 'Too early.', 'user:operator'))).toBe('JURY_NO_OPERATOR_DECISION_NEEDED');
    w.context.clock.set('2027-03-18T10:00:00.000Z');
    const closed = await closeJury(w.context, w.claim_id, 'user:reviewer');
    expect(closed).toMatchObject({ counts: { approve: 0, reject: 1, cast: 1 }, verdict: { outcome: 'operator_decides', reason: 'missed_quorum_rule', operator_decision: null } });
    expect(await claimState(w.claim_id)).toBe('in_jury');
    const decided = await decideAfterJury(w.context, w.claim_id, 'approve', 'Evidence verified with the hospital.', 'user:operator');
    expect(decided.verdict).toMatchObject({ outcome: 'operator_decides', operator_decision: 'approve' });
    expect(await claimState(w.claim_id)).toBe('approved');
    expect(await codeOf(decideAfterJury(w.context, w.claim_id, 'reject', 'Again.', 'user:operator'))).toBe('JURY_NO_OPERATOR_DECISION_NEEDED');
  });

  it('a missed quorum rejects when the plan says reject', async () => {
    const w = await world('reject');
    await openJury(w.context, w.claim_id, 'user:reviewer');
    w.context.clock.set('2027-03-18T10:00:00.000Z');
    const closed = await closeJury(w.context, w.claim_id, 'user:reviewer');
    expect(closed).toMatchObject({ counts: { approve: 0, reject: 0, cast: 0 }, verdict: { outcome: 'reject', reason: 'missed_quorum_rule' } });
    expect(await claimState(w.claim_id)).toBe('rejected_final');
  });
});
