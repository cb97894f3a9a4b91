import { afterAll, beforeAll, expect, it } from 'vitest';
import { approveForNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

describeEachBackend('HTTP own objections', (dialect) => {
  let t: TestApp;
  let mei: string;
  let ming: string;
  let nora: string;
  let reviewer: string;
  let mingMembership: string;
  let noraMembership: string;
  const cases: Array<{ claim_id: bigint; case_number: string }> = [];

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    mei = await t.login('mei', 'member-password');
    ming = await t.userWithRoles('ming', ['member']);
    nora = await t.userWithRoles('nora', ['member']);
    await t.userWithRoles('ruth', ['reviewer']);
    const patient = await enrol(t, mei, enrolBody('1990-05-17', 1));
    mingMembership = (await enrol(t, ming, enrolBody('1985-01-01', 2))).membership_id;
    noraMembership = (await enrol(t, nora, enrolBody('1986-01-01', 3))).membership_id;
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(t.context)).toBe(3);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    // Sessions made before the clock moved have expired: log in again.
    mei = await t.login('mei', 'member-password');
    ming = await t.login('ming', 'ming-password');
    nora = await t.login('nora', 'nora-password');
    reviewer = await t.login('ruth', 'ruth-password');
    // Two cases of Mei's in notice (through the services: the claim routes have their own test).
    for (const [illness_code, diagnosis_date] of [['CI-01', '2027-03-10'], ['CI-02', '2027-03-11']] as const) {
      const submitted = await submitClaim(
        t.context,
        { membership_id: BigInt(patient.membership_id), submitted_by_user_id: null, illness_code, diagnosis_date, hospital: '北京协和医院', files: [{ bytes: Buffer.from('%PDF-1.7\nx\n%%EOF'), content_type: 'application/pdf', file_name: '吴晓漫.pdf' }] },
        t.blobs,
      );
      for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, submitted.claim_id, 'user:1');
      cases.push(submitted);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (cookie: string | undefined) => t.app.inject({ method: 'GET', url: '/api/objections/mine', headers: cookie === undefined ? {} : { cookie } });
  const post = (cookie: string, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it('lists the caller’s own objections, newest first, with how each was resolved, and nobody else’s', async () => {
    expect(outcome(await get(undefined))).toEqual([401, 'AUTH_REQUIRED']);
    expect((await get(ming)).json()).toEqual({ objections: [] });

    const first = await post(ming, `/api/claims/${cases[0]!.case_number}/objections`, { membership_id: mingMembership, reason: 'I saw the patient running a marathon.' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(ming, `/api/claims/${cases[1]!.case_number}/objections`, { membership_id: mingMembership, reason: 'The hospital is not on the list.' });
    expect(second.statusCode, second.body).toBe(201);
    const noras = await post(nora, `/api/claims/${cases[0]!.case_number}/objections`, { membership_id: noraMembership, reason: 'Nora’s own doubt.' });
    expect(noras.statusCode, noras.body).toBe(201);
    const resolved = await post(reviewer, `/api/claims/${cases[0]!.claim_id}/objections/${first.json().objection_id}/resolve`, { decision: 'dismiss', resolution: 'The photo was from 2019.' });
    expect(resolved.statusCode, resolved.body).toBe(200);

    const mine = await get(ming);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.json().objections).toEqual([
      {
        objection_id: second.json().objection_id,
        case_number: cases[1]!.case_number,
        plan_id: 'critical-illness',
        membership_id: mingMembership,
        member_code: expect.any(String),
        status: 'open',
        reason: 'The hospital is not on the list.',
        resolution: null,
        created_at: '2027-03-15T10:00:00.000Z',
        resolved_at: null,
        case_published: true,
      },
      expect.objectContaining({ objection_id: first.json().objection_id, status: 'dismissed', resolution: 'The photo was from 2019.', resolved_at: '2027-03-15T10:00:00.000Z' }),
    ]);
    // Neither the reviewer, nor the patient's person data or evidence, nor another objector's text.
    expect(mine.body).not.toMatch(/user:|ruth|吴晓漫|协和|Nora/);

    const others = (await get(nora)).json().objections;
    expect(others.map((entry: { objection_id: string }) => entry.objection_id)).toEqual([noras.json().objection_id]);
    expect(JSON.stringify(others)).not.toContain('marathon');
    // The patient sees no objections as theirs: the list is the objector's, not the claimant's.
    expect((await get(mei)).json()).toEqual({ objections: [] });
  });
});
