import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { createUser } from '../../src/services/users.js';
import { communityPlanId, sustainabilityCommunity, type Community } from '../support/sustainability-community.js';
import { describeEachBackend } from '../support/test-stores.js';

/** The routes over the hand-computed community of test/services/sustainability-metrics.test.ts. */
describeEachBackend('HTTP sustainability metrics, alerts and public plan health', (dialect) => {
  let community: Community;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    community = await sustainabilityCommunity(dialect);
    const now = community.context.clock.now().toISOString();
    await createUser(community.context.store, { username: 'mila', display_name: 'mila', password: 'mila-password-long', roles: ['member'] }, now);
    await createUser(community.context.store, { username: 'adam', display_name: 'adam', password: 'adam-password-long', roles: ['admin'] }, now);
    app = await buildApp({ context: community.context, loginAttemptsPerMinute: 1000, moneyRateLimit: { max: 1000, time_window_ms: 60_000 }, blobStore: new MemoryBlobStore() });
    for (const username of ['olga', 'aude', 'mila', 'adam']) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `${username}-password-long` } });
      expect(response.statusCode, response.body).toBe(200);
      cookies[username] = `huzhu_session=${response.cookies.find((cookie) => cookie.name === 'huzhu_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await community?.context.store.close();
  });

  const get = (url: string, who?: string) => app.inject({ method: 'GET', url, ...(who === undefined ? {} : { headers: { cookie: cookies[who]! } }) });
  const post = (url: string, who?: string) => app.inject({ method: 'POST', url, ...(who === undefined ? {} : { headers: { cookie: cookies[who]! } }) });
  const metricsUrl = `/api/sustainability/plans/${communityPlanId}/metrics`;
  const alertsUrl = `/api/sustainability/plans/${communityPlanId}/alerts`;

  it('sends the stored metrics to operators, auditors and admins, amounts and counts as strings of digits', async () => {
    for (const who of ['olga', 'aude', 'adam']) {
      const response = await get(`${metricsUrl}?cycles=2`, who);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.cycles.map((entry: { cycle: { cycle_id: string } }) => entry.cycle.cycle_id)).toEqual(['mutual-test-20270407', 'mutual-test-20280321']);
      expect(body.cycles[1].cycle.share).toEqual({ aid_total_minor: '70000000', total_minor: '75600000', share_total_minor: '150', share_per_member_minor: '30' });
      expect(body.cycles[0].cycle.operator.margin_minor).toBe('-1435616');
      expect(body.latest_rolling).toMatchObject({ yearly_share_per_member_minor: '40', yearly_share_12m_before_minor: '20', yearly_share_change_bps: 10000, members_covered: '5' });
    }
  });

  it('lists the alerts for staff with their figures and texts', async () => {
    const response = await get(alertsUrl, 'aude');
    expect(response.statusCode, response.body).toBe(200);
    const alerts = response.json().alerts as Array<{ kind: string; cycle_id: string; value: string; public: boolean; title_zh: string }>;
    expect(alerts).toHaveLength(6);
    // Newest cycle first.
    expect(alerts[0]!.cycle_id).toBe('mutual-test-20280321');
    expect(alerts.find((alert) => alert.kind === 'yearly_share_rise')).toMatchObject({ value: '10000', public: true, title_zh: '测试互助计划：每人年分摊额上涨' });
  });

  it('refuses members (403) and anonymous callers (401) on the staff routes; only operators recompute', async () => {
    for (const url of [metricsUrl, alertsUrl]) {
      expect((await get(url, 'mila')).json().error.code).toBe('AUTH_FORBIDDEN');
      expect((await get(url, 'mila')).statusCode).toBe(403);
      expect((await get(url)).statusCode).toBe(401);
    }
    const recompute = `/api/sustainability/plans/${communityPlanId}/recompute`;
    expect((await post(recompute, 'mila')).statusCode).toBe(403);
    expect((await post(recompute, 'aude')).statusCode).toBe(403);
    expect((await post(recompute)).statusCode).toBe(401);
    const done = await post(recompute, 'olga');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ plan_id: communityPlanId, cycles: 3 });
    // Idempotent: the same six alerts after a second run.
    expect((await post(recompute, 'olga')).json()).toEqual({ plan_id: communityPlanId, cycles: 3 });
    expect((await get(alertsUrl, 'olga')).json().alerts).toHaveLength(6);
  });

  it('answers an unknown plan with 404 and a bad cycle count with 400, naming the parameter', async () => {
    expect((await get('/api/sustainability/plans/no-such-plan/metrics', 'olga')).json().error.code).toBe('PLAN_NOT_FOUND');
    expect((await get('/api/public/plans/no-such-plan/health')).statusCode).toBe(404);
    const bad = await get(`${metricsUrl}?cycles=0`, 'olga');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('cycles');
    expect((await get(`${metricsUrl}?cycles=121`, 'olga')).statusCode).toBe(400);
  });

  it('shows the public health to anyone, with aggregates only and no personal data', async () => {
    const response = await get(`/api/public/plans/${communityPlanId}/health`);
    expect(response.statusCode, response.body).toBe(200);
    const health = response.json().health;
    expect(health.share_trend.map((entry: { yearly_share_minor: string }) => entry.yearly_share_minor)).toEqual(['20', '30', '40']);
    expect(health.membership_trend.map((entry: { members_covered: string }) => entry.members_covered)).toEqual(['5', '3', '5']);
    expect(health.age_mix.map((entry: { members: string }) => entry.members)).toEqual(['2', '0', '2', '1', '0']);
    expect(health.alerts.map((alert: { kind: string }) => alert.kind).sort()).toEqual(['fee_below_cost', 'fee_below_cost', 'incidence_over_expected', 'members_at_cap', 'members_at_cap', 'yearly_share_rise']);
    // Nothing that names a member or a case: no member codes, case numbers, names, ID or phone numbers, birth dates.
    const codes = await community.context.store.db.selectFrom('memberships').select('member_code').execute();
    const cases = await community.context.store.db.selectFrom('claims').select('case_number').execute();
    for (const text of [...codes.map((row) => row.member_code), ...cases.map((row) => row.case_number), '吴', '1995-06-01', '138000']) expect(response.body).not.toContain(text);
    expect(Object.keys(health.alerts[0]).sort()).toEqual(['body_en', 'body_zh', 'cycle_id', 'kind', 'snapshot_at', 'title_en', 'title_zh']);
  });

  it('documents the four routes in the OpenAPI document, the public one without a session', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/sustainability/plans/{plan_id}/metrics',
        '/api/sustainability/plans/{plan_id}/alerts',
        '/api/sustainability/plans/{plan_id}/recompute',
        '/api/public/plans/{plan_id}/health',
      ]),
    );
    expect(document.paths['/api/public/plans/{plan_id}/health'].get.security).toEqual([]);
  });
});
