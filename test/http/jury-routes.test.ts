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
const names = ['吴晓漫', '张伟强', '李秀英', '王志健', '陈雨欣'];

describeEachBackend('jury routes', (dialect) => {
  let t: TestApp;
  let claim_id: bigint;
  let case_number: string;
  /** member code → that juror's payer's Cookie header. */
  const cookies = new Map<string, string>();
  let operator: string;

  beforeEach(async () => {
    t = await startTestApp(dialect);
    cookies.clear();
    const rules = { ...criticalIllnessPlan.rules, jury: { quorum_votes: 1, quorum_share_bps: 5000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' } };
    await createPlan(t.context, { id: 'jury-plan', name_zh: '评议测试计划', name_en: 'Jury test plan', rules }, null);
    const payerCookies: string[] = [];
    const payerIds: bigint[] = [];
    for (let index = 0; index < 5; index += 1) {
      payerCookies.push(await t.userWithRoles(`payer-${index}`, ['member']));
      payerIds.push((await t.store.db.selectFrom('users').select('id').where('username', '=', `payer-${index}`).executeTakeFirstOrThrow()).id);
    }
    const enrolled = await enrolMembers(
      t.context,
      names.map((name, index) => ({ plan_id: 'jury-plan', payer_user_id: payerIds[index]!, person: personBornOn(`198${index}-03-0${index + 1}`, index + 1, { name }), answers: noToAll })),
    );
    const memberships = enrolled.map((result) => {
      if (!result.ok) throw new Error(result.rejection.code);
      return result.value;
    });
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    // Sessions last hours: log in again now that months have passed.
    for (let index = 0; index < 5; index += 1) payerCookies[index] = await t.login(`payer-${index}`, `payer-${index}-password`);
    for (let index = 1; index < 5; index += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/jury/quiz',
        headers: { cookie: payerCookies[index]! },
        payload: { membership_id: memberships[index]!.membership_id.toString(), answers: rightAnswers },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ correct_answers: 5, passed: true });
      cookies.set(memberships[index]!.member_code, payerCookies[index]!);
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

  it('serves the quiz without answers and refuses malformed or foreign quiz attempts', async () => {
    const quiz = await t.app.inject({ method: 'GET', url: '/api/jury/quiz' });
    expect(quiz.statusCode).toBe(200);
    expect(quiz.json().questions).toHaveLength(5);
    expect(quiz.body).not.toContain('correct');
    const [cookie] = [...cookies.values()];
    const short = await t.app.inject({ method: 'POST', url: '/api/jury/quiz', headers: { cookie: cookie! }, payload: { membership_id: '1', answers: [0] } });
    expect(short.statusCode).toBe(400);
    const foreign = await t.app.inject({ method: 'POST', url: '/api/jury/quiz', headers: { cookie: cookie! }, payload: { membership_id: '1', answers: rightAnswers } });
    expect(foreign.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/jury/quiz', payload: { membership_id: '1', answers: rightAnswers } })).statusCode).toBe(401);
  });

  it('opens, takes one secret vote per juror, publishes counts only after close, and exposes no personal data', async () => {
    const vote = (cookie: string | undefined, choice: string) =>
      t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/votes`, ...(cookie === undefined ? {} : { headers: { cookie } }), payload: { vote: choice } });
    const early = await vote(cookies.values().next().value, 'approve');
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'JURY_NOT_OPEN']);
    expect((await t.app.inject({ method: 'GET', url: `/api/claims/${case_number}/jury` })).statusCode).toBe(404);

    const member = await t.login('mei', 'member-password');
    const forbidden = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/open`, headers: { cookie: member }, payload: {} });
    expect(forbidden.statusCode).toBe(403);
    const opened = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/open`, headers: { cookie: operator }, payload: { window_hours: 6 } });
    expect(opened.statusCode).toBe(201);
    const record = opened.json();
    // Quorum 1 (half of 4 → min with 1), panel 2 × 1 = 2 of the 4 eligible.
    expect(record).toMatchObject({ case_number, status: 'voting', eligible_count: 4, quorum: 1, panel_size: 2, counts: null, verdict: null });
    expect(record.eligible_codes).toEqual([...cookies.keys()].sort());

    // Anyone, logged in or not, by case number: the draw recomputes from this body alone.
    const published = await t.app.inject({ method: 'GET', url: `/api/claims/${case_number}/jury` });
    expect(published.statusCode).toBe(200);
    const body = published.json() as { seed_hex: string; eligible_codes: string[]; panel_size: number; panel: string[] };
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const redrawn = body.eligible_codes
      .map((code) => [sha256(`${body.seed_hex}|${code}`), code] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, body.panel_size)
      .map(([, code]) => code);
    expect(redrawn).toEqual(body.panel);

    const [first, second] = body.panel;
    const offPanel = body.eligible_codes.find((code) => !body.panel.includes(code))!;
    const accepted = await vote(cookies.get(first!), 'approve');
    expect(accepted.statusCode).toBe(201);
    expect(accepted.body).not.toContain('approve');
    const again = await vote(cookies.get(first!), 'reject');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'JURY_ALREADY_VOTED']);
    const notJuror = await vote(cookies.get(offPanel), 'approve');
    expect([notJuror.statusCode, notJuror.json().error.code]).toEqual([403, 'JURY_NOT_A_JUROR']);
    expect((await vote(member, 'approve')).statusCode).toBe(403);
    expect((await vote(undefined, 'approve')).statusCode).toBe(401);
    expect((await vote(cookies.get(second!), 'abstain')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/claims/${claim_id}/jury` })).json().counts).toBeNull();

    const tooEarly = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/close`, headers: { cookie: operator } });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'JURY_WINDOW_NOT_OVER']);
    t.context.clock.set('2027-03-15T16:00:00.000Z');
    const late = await vote(cookies.get(second!), 'approve');
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'JURY_WINDOW_CLOSED']);
    const closed = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/close`, headers: { cookie: operator } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', counts: { approve: 1, reject: 0, cast: 1 }, verdict: { outcome: 'approve', reason: 'majority' } });
    const state = await t.store.db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow();
    expect(state.state).toBe('approved');

    const finalRecord = await t.app.inject({ method: 'GET', url: `/api/claims/${case_number}/jury` });
    for (const name of names) expect(finalRecord.body).not.toContain(name);
    expect(finalRecord.body).not.toContain('病理报告');
    const decision = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/decision`, headers: { cookie: operator }, payload: { decision: 'reject', reason: 'No.' } });
    expect([decision.statusCode, decision.json().error.code]).toEqual([409, 'JURY_NO_OPERATOR_DECISION_NEEDED']);
  });

  it('lists juries for the staff console: to open, voting with the votes cast as a count only, closed with the verdict', async () => {
    const get = (url: string, cookie = operator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const toOpen = await get('/api/juries?phase=to_open');
    expect(toOpen.statusCode, toOpen.body).toBe(200);
    expect(toOpen.json().juries).toEqual([expect.objectContaining({ claim_id: claim_id.toString(), case_number, phase: 'to_open', votes_cast: null, window: null })]);
    expect((await get(`/api/juries/${claim_id}`)).json()).toMatchObject({ phase: 'to_open', claim_state: 'in_jury' });
    const member = await t.login('mei', 'member-password');
    expect((await get('/api/juries', member)).statusCode).toBe(403);
    expect((await get(`/api/juries/${claim_id}`, member)).statusCode).toBe(403);
    expect((await get('/api/juries/999999')).json().error.code).toBe('JURY_NOT_FOUND');

    const opened = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/open`, headers: { cookie: operator }, payload: { window_hours: 6 } });
    expect(opened.statusCode).toBe(201);
    const panel = opened.json().panel as string[];
    expect((await get('/api/juries?phase=to_open')).json().juries).toEqual([]);
    const voting = (await get('/api/juries?phase=voting')).json().juries;
    expect(voting).toEqual([expect.objectContaining({ claim_id: claim_id.toString(), phase: 'voting', panel_size: 2, eligible_count: 4, votes_cast: 0, verdict: null })]);

    const vote = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/votes`, headers: { cookie: cookies.get(panel[0]!)! }, payload: { vote: 'reject' } });
    expect(vote.statusCode).toBe(201);
    const progress = await get(`/api/juries/${claim_id}`);
    expect(progress.json()).toMatchObject({ phase: 'voting', votes_cast: 1, panel_size: 2, verdict: null, awaiting_operator: false });
    // A count and nothing more: no member code, no choice, no receipt.
    expect(Object.keys(progress.json()).sort()).toEqual(
      ['awaiting_operator', 'case_number', 'claim_id', 'claim_state', 'eligible_count', 'operator_decision', 'panel_size', 'phase', 'plan_id', 'verdict', 'votes_cast', 'window'].sort(),
    );
    for (const code of panel) expect(progress.body).not.toContain(code);
    expect(progress.body).not.toContain('reject');

    t.context.clock.set('2027-03-15T16:00:00.000Z');
    expect((await get('/api/juries?phase=counting')).json().juries.map((row: { claim_id: string }) => row.claim_id)).toEqual([claim_id.toString()]);
    const closed = await t.app.inject({ method: 'POST', url: `/api/claims/${claim_id}/jury/close`, headers: { cookie: operator } });
    expect(closed.statusCode).toBe(200);
    const all = await get('/api/juries?limit=1');
    expect(all.json()).toEqual({
      juries: [expect.objectContaining({ claim_id: claim_id.toString(), phase: 'closed', votes_cast: 1, verdict: 'reject', claim_state: 'rejected_final' })],
      next_after: null,
    });
  });
});
