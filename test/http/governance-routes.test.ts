import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

/** The governance routes: staff write and open, members read, vote once and leave, anyone reads closed counts. */
describeEachBackend('HTTP governance: proposals, votes and leaving', (dialect) => {
  let t: TestApp;
  let operator: string;
  let member: string;
  let other: string;
  let outsider: string;
  let rules: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    other = await t.userWithRoles('lin', ['member']);
    outsider = await t.userWithRoles('zhao', ['member']);
    await enrol(t, member, enrolBody('1990-05-17', 1));
    await enrol(t, other, enrolBody('1985-02-03', 2));
    rules = (await t.app.inject('/api/plans/critical-illness')).json().plan.current_version.rules;
  });
  afterAll(async () => t?.close());

  const post = (url: string, cookie: string, payload?: unknown, key?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...(key === undefined ? {} : { 'idempotency-key': key }) }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });

  it('runs a vote end to end over HTTP, keeping each vote secret', async () => {
    const preview = await post('/api/plans/critical-illness/proposals/preview', operator, { rules: { ...rules, fee_bps: 600 } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ base_version: 1, changes: [{ path: 'fee_bps', from: 800, to: 600 }] });
    expect((await post('/api/plans/critical-illness/proposals/preview', member, { rules })).statusCode).toBe(403);
    expect((await post('/api/plans/critical-illness/proposals', operator, { rules, note: 'x' }, 'same')).json().error.code).toBe('GOV_NO_CHANGE');
    expect((await post('/api/plans/critical-illness/proposals', operator, { rules: { ...rules, fee_bps: 600 }, note: 'Lower fee' })).json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');

    const created = await post('/api/plans/critical-illness/proposals', operator, { rules: { ...rules, fee_bps: 600 }, note: 'Lower fee' }, 'p-1');
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().proposal.id as string;
    expect(created.json().proposal).toMatchObject({ status: 'draft', settings: { vote_days: 14 }, count: null });
    expect((await get('/api/proposals', member)).json().proposals).toEqual([]);

    const opened = await post(`/api/proposals/${id}/open`, operator);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().proposal).toMatchObject({ status: 'voting', eligible_count: 2 });
    expect((await post(`/api/proposals/${id}/open`, operator)).statusCode).toBe(409);
    const staffList = await get('/api/plans/critical-illness/proposals', operator);
    expect(staffList.json().proposals.map((proposal: { id: string }) => proposal.id)).toEqual([id]);
    expect((await get('/api/plans/critical-illness/proposals', member)).statusCode).toBe(403);

    const mine = await get(`/api/proposals/${id}`, member);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().proposal).toMatchObject({ eligible: true, voted: false, can_vote: true, changes: [{ path: 'fee_bps', from: 800, to: 600 }] });
    const voted = await post(`/api/proposals/${id}/vote`, member, { choice: 'yes' });
    expect(voted.statusCode, voted.body).toBe(200);
    expect(voted.json()).toMatchObject({ voted: true });
    expect(voted.body).not.toMatch(/yes/);
    expect((await get(`/api/proposals/${id}`, member)).json().proposal).toMatchObject({ voted: true, can_vote: false, count: null });
    const again = await post(`/api/proposals/${id}/vote`, member, { choice: 'no' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'GOV_ALREADY_VOTED']);
    expect((await post(`/api/proposals/${id}/vote`, other, { choice: 'maybe' })).statusCode).toBe(400);
    expect((await get(`/api/proposals/${id}`, outsider)).statusCode).toBe(404);
    expect((await post(`/api/proposals/${id}/vote`, outsider, { choice: 'no' })).json().error.code).toBe('GOV_NOT_ELIGIBLE');
    expect((await post(`/api/proposals/${id}/vote`, other, { choice: 'no' })).statusCode).toBe(200);
    // Nothing is public while the vote runs.
    expect((await get('/api/public/plans/critical-illness/proposals')).json()).toEqual({ proposals: [] });

    t.context.clock.set(opened.json().proposal.closes_at);
    // Two weeks on, the sessions have expired: log in again.
    member = await t.login('mei', 'member-password');
    expect((await post(`/api/proposals/${id}/vote`, member, { choice: 'no' })).json().error.code).toBe('GOV_VOTE_CLOSED');
    await runBackgroundJobs(t.context);
    // 1 yes, 1 no at a simple majority: a tie fails.
    const counted = (await get(`/api/proposals/${id}`, member)).json().proposal;
    expect(counted).toMatchObject({ status: 'failed', count: { eligible: 2, voted: 2, yes: 1, no: 1, abstain: 0, result: 'failed' }, can_leave: false });
    const leave = await post(`/api/proposals/${id}/leave`, member, {}, 'leave-1');
    expect([leave.statusCode, leave.json().error.code]).toEqual([409, 'GOV_LEAVE_NOT_OPEN']);
    const published = (await get('/api/public/plans/critical-illness/proposals')).json().proposals;
    expect(published).toMatchObject([{ id, status: 'failed', count: { yes: 1, no: 1 }, changes: [{ path: 'fee_bps' }] }]);
    expect(JSON.stringify(published)).not.toMatch(/member_code|membership/);
    expect((await get('/api/public/plans/no-such-plan/proposals')).statusCode).toBe(404);
  });
});
