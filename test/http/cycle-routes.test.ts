import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

describeEachBackend('cycle API', (dialect) => {
  let t: TestApp;
  let payer: string;
  let stranger: string;
  let operator: string;
  let own: { membership_id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    payer = await t.userWithRoles('payer', ['member']);
    stranger = await t.userWithRoles('stranger', ['member']);
    own = await enrol(t, payer, enrolBody('1990-03-03', 601));
    await enrol(t, stranger, enrolBody('1985-04-04', 602));
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-07T02:00:00.000Z');
    operator = await t.login('olivia', 'operator-password');
    // Sessions expire over the months the clock moved: log in again.
    payer = await t.login('payer', 'payer-password');
    stranger = await t.login('stranger', 'stranger-password');
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie === undefined ? {} : { headers: { cookie } }) });

  it('lets the operator run a cycle and everyone read, export and verify it', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/cycles/run', headers: { cookie: stranger }, payload: {} })).statusCode).toBe(403);
    const run = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/cycles/run', headers: { cookie: operator }, payload: {} });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ cycle_id: 'critical-illness-20270307', resumed: false, cycle: { status: 'completed', member_count: 2, total_minor: '0' } });
    const again = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/cycles/run', headers: { cookie: operator }, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CYCLE_NOT_DUE');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/plans/no-such-plan/cycles/run', headers: { cookie: operator }, payload: {} });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CYCLE_UNKNOWN_PLAN']);

    const list = await get('/api/public/cycles');
    expect(list.json().cycles).toHaveLength(1);
    expect(list.json().cycles[0]).toMatchObject({ charged_minor: '0', shortfall_minor: '0', backstop_minor: '0', aid_payable_minor: '0', fee_payable_minor: '0' });
    const report = await get('/api/public/cycles/critical-illness-20270307');
    expect(report.statusCode).toBe(200);
    expect(report.json().header_json).toContain('"format":"huzhu-cycle/1"');
    const key = (await get('/api/public/operator-key')).json();
    expect(key.public_key_hex).toMatch(/^[0-9a-f]{64}$/);

    const exported = await get('/api/public/cycles/critical-illness-20270307/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/jsonl');
    const verified = verifyCycleExport(exported.body, { public_key_hex: key.public_key_hex });
    expect(verified.differences).toEqual([]);
    expect(verified.ok).toBe(true);
    expect((await get('/api/public/cycles/critical-illness-20991231/export')).statusCode).toBe(404);

    const proof = await get(`/api/memberships/${own.membership_id}/cycles/critical-illness-20270307/proof`, payer);
    expect(proof.statusCode, proof.body).toBe(200);
    expect(proof.json()).toMatchObject({ format: 'huzhu-proof/1', tree_size: 2, share_minor: '0' });
    const withProof = verifyCycleExport(exported.body, { member: { member_code: proof.json().member_code, proof: proof.json() } });
    expect(withProof.ok).toBe(true);
    // Someone else's membership looks like a missing one.
    expect((await get(`/api/memberships/${own.membership_id}/cycles/critical-illness-20270307/proof`, stranger)).statusCode).toBe(404);

    const stats = (await get('/api/public/statistics')).json();
    expect(stats.per_cycle[0]).toMatchObject({
      plan_id: 'critical-illness',
      members_covered: 2,
      cases: 0,
      paid_share_per_member_minor: '0',
      allocated_share_per_member_minor: '0',
      capped_total_minor: '0',
      backstop_minor: '0',
      shortfall_minor: '0',
    });
    expect(stats.per_cycle[0]).not.toHaveProperty('share_per_member_minor');
    expect(stats.per_year[0]).toMatchObject({ period: '2027', cycles: 1 });
  });
});
