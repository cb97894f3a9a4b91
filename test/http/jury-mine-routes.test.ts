import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, objectToClaim, publishNotice, resolveObjection, startReview, submitClaim } from '../../src/services/claims/index.js';
import { jurorQuiz } from '../../src/services/jury/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { createPlan } from '../../src/services/plans.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const rightAnswers = jurorQuiz.map((question) => question.correct_index);
const names = ['吴晓漫', '张伟强', '李秀英', '王志健'];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A juror's own views (GET /api/jury/jurors/mine, /api/jury/panels/mine) and the vote's receipt:
 * each payer sees only the seats of memberships they pay for, whether each voted but never how,
 * counts and verdict only once closed, and the closed record lists the receipt's commitment.
 */
describeEachBackend('jury: my standing, my panels and the vote receipt', (dialect) => {
  let t: TestApp;
  let claim_id: bigint;
  let case_number: string;
  /** payer index → Cookie header; payer 0 is the claimant, 1–3 jurors, 3 pays for two jurors. */
  let payers: string[];
  let codes: string[];
  let operator: string;

  beforeEach(async () => {
    t = await startTestApp(dialect);
    const rules = { ...criticalIllnessPlan.rules, jury: { quorum_votes: 2, quorum_share_bps: 5000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' } };
    await createPlan(t.context, { id: 'jury-plan', name_zh: '评议测试计划', name_en: 'Jury test plan', rules }, null);
    const payerIds: bigint[] = [];
    for (let index = 0; index < 4; index += 1) {
      await t.userWithRoles(`payer-${index}`, ['member']);
      payerIds.push((await t.store.db.selectFrom('users').select('id').where('username', '=', `payer-${index}`).executeTakeFirstOrThrow()).id);
    }
    // Payer 3 pays for two people: herself and her spouse.
    const payerOf = [0, 1, 2, 3, 3];
    const enrolled = await enrolMembers(
      t.context,
      payerOf.map((payer, index) => ({
        plan_id: 'jury-plan',
        payer_user_id: payerIds[payer]!,
        person: personBornOn(`198${index}-03-0${index + 1}`, index + 1, { name: names[payer] ?? '赵丽华', relationship: index === 4 ? 'spouse' : 'self' }),
        answers: noToAll,
      })),
    );
    const memberships = enrolled.map((result) => {
      if (!result.ok) throw new Error(result.rejection.code);
      return result.value;
    });
    codes = memberships.map((membership) => membership.member_code);
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    payers = [];
    for (let index = 0; index < 4; index += 1) payers.push(await t.login(`payer-${index}`, `payer-${index}-password`));
    for (let index = 1; index < 5; index += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/jury/quiz',
        headers: { cookie: payers[payerOf[index]!]! },
        payload: { membership_id: memberships[index]!.membership_id.toString(), answers: rightAnswers },
      });
      expect(response.json()).toMatchObject({ passed: true });
    }
    const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: '吴晓漫_病理报告.pdf' };
    ({ claim_id, case_number } = await submitClaim(
      t.context,
      { membership_id: memberships[0]!.membership_id, submitted_by_user_id: payerIds[0]!, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '北京协和医院', files: [pdf] },
      new MemoryBlobStore(),
    ));
    await startReview(t.context, claim_id, 'user:reviewer');
    await approveForNotice(t.context, claim_id, 'user:reviewer');
    await publishNotice(t.context, claim_id, 'user:reviewer');
    const objection = await objectToClaim(t.context, claim_id, memberships[1]!.membership_id, 'Looks wrong.');
    await resolveObjection(t.context, objection.id, 'refer_to_jury', 'The members decide.', 'user:reviewer');
    operator = await t.login('olivia', 'operator-password');
  });
  afterEach(async () => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie === undefined ? {} : { headers: { cookie } }) });
  const vote = (cookie: string, payload: Record<string, string>) => t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/votes`, headers: { cookie }, payload });

  it('shows each payer only the standing of the memberships they pay for', async () => {
    expect((await get('/api/jury/jurors/mine')).statusCode).toBe(401);
    const claimant = (await get('/api/jury/jurors/mine', payers[0])).json();
    expect(claimant.jurors).toEqual([expect.objectContaining({ member_code: codes[0], quiz_passed_at: null, eligible: false, adult: true, membership_status: 'active' })]);
    const household = (await get('/api/jury/jurors/mine', payers[3])).json();
    expect(household.jurors.map((juror: { member_code: string }) => juror.member_code)).toEqual([codes[3], codes[4]]);
    expect(household.jurors.every((juror: { eligible: boolean; quiz_passed_at: string | null }) => juror.eligible && juror.quiz_passed_at !== null)).toBe(true);
    // Only masked names leave the server, and nobody else's.
    const body = (await get('/api/jury/jurors/mine', payers[3])).body;
    for (const name of names) expect(body).not.toContain(name);
    expect(body).not.toContain(names[1]!.replace(/^(.).(.*)$/, '$1*$2'));
  });

  it('lists my seats only, voted or not but never how, with a receipt whose commitment the closed record publishes', async () => {
    expect((await get('/api/jury/panels/mine', payers[1])).json()).toEqual({ panels: [] });
    const opened = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/open`, headers: { cookie: operator }, payload: { window_hours: 6 } });
    expect(opened.statusCode).toBe(201);
    // Four eligible (the claimant's household excluded), quorum 2, panel min(4, 2 × 2): all four.
    expect(opened.json()).toMatchObject({ eligible_count: 4, panel_size: 4, ballot_commitments: null, rules: { majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' } });

    const mine = (await get('/api/jury/panels/mine', payers[1])).json();
    expect(mine.panels).toEqual([
      {
        claim_id: claim_id.toString(),
        case_number,
        plan_id: 'jury-plan',
        member_code: codes[1],
        membership_id: expect.any(String),
        phase: 'open',
        window: { opens_at: '2027-03-15T10:00:00.000Z', closes_at: '2027-03-15T16:00:00.000Z' },
        voted: false,
        counts: null,
        verdict: null,
      },
    ]);
    expect((await get('/api/jury/panels/mine', payers[0])).json()).toEqual({ panels: [] });
    expect((await get('/api/jury/panels/mine', await t.login('mei', 'member-password'))).json()).toEqual({ panels: [] });
    expect((await get('/api/jury/panels/mine')).statusCode).toBe(401);

    const cast = await vote(payers[1]!, { vote: 'approve' });
    expect(cast.statusCode).toBe(201);
    const { receipt_hex } = cast.json() as { receipt_hex: string };
    expect(receipt_hex).toMatch(/^[0-9a-f]{32}$/);
    expect(cast.body).not.toContain('approve');
    // My seat says it voted; another juror's list shows only their own seat, not voted, and no choice anywhere.
    expect((await get('/api/jury/panels/mine', payers[1])).json().panels[0]).toMatchObject({ voted: true, counts: null });
    const other = await get('/api/jury/panels/mine', payers[2]);
    expect(other.json().panels).toEqual([expect.objectContaining({ member_code: codes[2], voted: false })]);
    expect(other.body).not.toContain(codes[1]!);
    expect(other.body).not.toContain('approve');

    // Two seats for one payer: the vote names its member code, each seat votes once.
    const household = (await get('/api/jury/panels/mine', payers[3])).json();
    expect(household.panels.map((seat: { member_code: string }) => seat.member_code).sort()).toEqual([codes[3], codes[4]].sort());
    expect((await vote(payers[3]!, { vote: 'reject' })).json().error.code).toBe('JURY_MEMBER_CODE_REQUIRED');
    const second = await vote(payers[3]!, { vote: 'reject', member_code: codes[4]! });
    expect(second.statusCode).toBe(201);
    expect((await vote(payers[3]!, { vote: 'approve', member_code: codes[4]! })).json().error.code).toBe('JURY_ALREADY_VOTED');
    expect((await vote(payers[2]!, { vote: 'approve', member_code: codes[4]! })).json().error.code).toBe('JURY_NOT_A_JUROR');

    t.context.clock.set('2027-03-15T16:00:00.000Z');
    expect((await get('/api/jury/panels/mine', payers[1])).json().panels[0]).toMatchObject({ phase: 'counting', counts: null, verdict: null });
    expect((await get(`/api/claims/${case_number}/jury`)).json().ballot_commitments).toBeNull();
    const closed = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/close`, headers: { cookie: operator } });
    expect(closed.statusCode).toBe(200);
    // 1 approve, 1 reject of 2 cast: no side above 50%, the tie rule rejects.
    expect(closed.json()).toMatchObject({ status: 'closed', counts: { approve: 1, reject: 1, cast: 2 }, verdict: { outcome: 'reject' } });

    const record = (await get(`/api/claims/${case_number}/jury`)).json() as { ballot_commitments: string[] };
    expect(record.ballot_commitments).toHaveLength(2);
    expect(record.ballot_commitments).toContain(sha256(`${case_number}|${receipt_hex}`));
    expect(record.ballot_commitments).toContain(sha256(`${case_number}|${(second.json() as { receipt_hex: string }).receipt_hex}`));
    expect([...record.ballot_commitments].sort()).toEqual(record.ballot_commitments);
    // The receipt itself is stored nowhere.
    const ballots = await t.store.db.selectFrom('jury_ballots').select('ballot_hex').execute();
    expect(ballots.map((row) => row.ballot_hex)).not.toContain(receipt_hex);

    expect((await get('/api/jury/panels/mine', payers[1])).json().panels[0]).toMatchObject({
      phase: 'closed',
      voted: true,
      counts: { approve: 1, reject: 1, cast: 2 },
      verdict: { outcome: 'reject', operator_decision: null },
    });
    for (const cookie of payers) {
      const body = (await get('/api/jury/panels/mine', cookie)).body;
      for (const name of names) expect(body).not.toContain(name);
    }
  });
});
