import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SimulationJobs } from '../../src/services/sustainability/simulation-jobs.js';
import { rowCounts } from '../support/table-counts.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

// The runs use a worker thread, which loads the build in dist/ (npx tsc -p tsconfig.build.json first).

describeEachBackend('HTTP simulation runs, scenarios and the public forecast', (dialect) => {
  let t: TestApp;
  let jobs: SimulationJobs;
  const cookies: Record<'operator' | 'auditor' | 'member' | 'admin', string> = { operator: '', auditor: '', member: '', admin: '' };
  let keys = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true, simulationJobs: (context) => (jobs = new SimulationJobs(context, { threads: 1, progress_every_paths: 4 })) });
    cookies.operator = await t.login('olivia', 'operator-password');
    cookies.auditor = await t.login('audrey', 'auditor-password');
    cookies.member = await t.login('mei', 'member-password');
    cookies.admin = await t.userWithRoles('adele', ['admin']);
    for (const [birth, sequence] of [['1990-05-17', 1], ['1985-01-09', 2], ['1972-08-30', 3]] as const) await enrol(t, cookies.member, enrolBody(birth, sequence));
  });
  afterAll(async () => t?.close());

  const get = (url: string, who?: keyof typeof cookies) => t.app.inject({ method: 'GET', url, ...(who === undefined ? {} : { headers: { cookie: cookies[who] } }) });
  const post = (url: string, payload: unknown, who?: keyof typeof cookies, key: string | null = `simulation-${(keys += 1)}`) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...(who === undefined ? {} : { cookie: cookies[who] }), ...(key === null ? {} : { 'idempotency-key': key }), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const runs = () => rowCounts(t.store, ['simulation_runs']);
  const small = { scenario: 'small-community', options: { paths: 12, periods: 18, seed: 5 } };

  it('lists the simulation routes in the OpenAPI document, the POST with its Idempotency-Key', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/sustainability/scenarios',
        'POST /api/sustainability/simulations',
        'GET /api/sustainability/simulations',
        'GET /api/sustainability/simulations/{id}',
        'POST /api/sustainability/simulations/{id}/publish',
        'GET /api/public/plans/{plan_id}/forecast',
      ]),
    );
    const create = document.paths['/api/sustainability/simulations'].post;
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: true })]));
    expect(Object.keys(create.requestBody.content['application/json'].schema.properties.overrides.properties).sort()).toEqual(
      ['age_weights', 'aid_bands', 'cap_per_year_minor', 'churn_elasticity', 'fee_bps', 'risk_weights', 'selection', 'waiting_days'],
    );
    expect(document.paths['/api/public/plans/{plan_id}/forecast'].get.security).toEqual([]);
  });

  it('describes the scenarios with their what-if fields, defaults and bounds', async () => {
    const response = await get('/api/sustainability/scenarios', 'auditor');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scenarios.map((scenario: { name: string }) => scenario.name)).toEqual(['xiang-hu-bao', 'small-community']);
    // Each shipped scenario is described in both languages of the page.
    for (const scenario of body.scenarios as Array<{ description: string; description_zh: string | null; risk_classes: string[]; risk_classes_zh: Array<string | null> }>) {
      expect(scenario.description.length).toBeGreaterThan(0);
      expect(scenario.description_zh).toMatch(/[\u4e00-\u9fff]/);
      // And so is each risk class, whose weight the page asks for.
      expect(scenario.risk_classes_zh).toHaveLength(scenario.risk_classes.length);
      for (const name of scenario.risk_classes_zh) expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    const community = body.scenarios[1];
    expect(community.what_if.fee_bps).toEqual({ default: 800, min: 0, max: 5000 });
    expect(community.what_if.cap_per_year_minor.default).toBe('18800');
    expect(community.what_if.age_weights).toMatchObject({ default: [4, 3, 2, 1], length: 4 });
    expect(body.options.paths).toMatchObject({ min: 1, max: 2000 });
    expect(body.options.periods).toMatchObject({ min: 1, max: 240 });
  });

  it('runs a simulation asked by an operator: 202 at once, then the summary with money as strings', async () => {
    const asked = await post('/api/sustainability/simulations', { ...small, overrides: { fee_bps: 500 } }, 'operator');
    expect(asked.statusCode, asked.body).toBe(202);
    const { id, status, url } = asked.json();
    expect([status, url, asked.headers.location]).toEqual(['queued', `/api/sustainability/simulations/${id}`, url]);
    await jobs.finished(id);

    const read = await get(url, 'auditor');
    expect(read.statusCode, read.body).toBe(200);
    const run = read.json();
    expect(run).toMatchObject({ id, status: 'done', paths_done: 12, paths_total: 12, error: null, public: false, request: { scenario: 'small-community', overrides: { fee_bps: 500 }, options: { paths: 12, periods: 18, seed: 5 } } });
    expect(run.summary.periods).toHaveLength(18);
    expect(run.summary.periods[0].share_per_member_minor.p50).toMatch(/^-?\d+$/);
    expect(typeof run.summary.periods[0].members.p50).toBe('number');
    expect(run.summary.years[0].cost_per_member_minor.p95).toMatch(/^-?\d+$/);
    expect(run.summary.probability_cap_crossed_ever).toBeGreaterThanOrEqual(0);

    const listed = await get('/api/sustainability/simulations?limit=5', 'admin');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().runs[0]).toMatchObject({ id, status: 'done' });
    expect(listed.json().runs[0].summary).toBeUndefined();
    expect((await get('/api/sustainability/simulations/999999', 'operator')).json().error.code).toBe('SIM_RUN_NOT_FOUND');
  });

  it('refuses bad overrides and options with 400 naming the parameter, writing nothing', async () => {
    const before = await runs();
    const cases: Array<[unknown, string, string]> = [
      [{ ...small, overrides: { bogus: 1 } }, 'SIM_BAD_SCENARIO', 'overrides.bogus'],
      [{ ...small, overrides: { fee_bps: 20_000 } }, 'SIM_BAD_SCENARIO', 'overrides.fee_bps'],
      [{ ...small, overrides: { risk_weights: [1] } }, 'SIM_BAD_SCENARIO', 'overrides.risk_weights'],
      [{ ...small, scenario: 'nope' }, 'SIM_BAD_SCENARIO', 'scenario'],
      [{ ...small, options: { paths: 5_000, periods: 12 } }, 'SIM_BAD_OPTIONS', 'options.paths'],
      [{ ...small, options: { paths: 10, periods: 1_000 } }, 'SIM_BAD_OPTIONS', 'options.periods'],
      [{ scenario: 'small-community' }, 'SIM_BAD_OPTIONS', 'options'],
    ];
    for (const [payload, code, parameter] of cases) {
      const response = await post('/api/sustainability/simulations', payload, 'operator');
      expect([response.statusCode, response.json().error.code, response.json().error.details.parameter], JSON.stringify(payload)).toEqual([400, code, parameter]);
    }
    // Any JSON at all: never a 500, and a refusal writes no run.
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (payload) => {
        const response = await post('/api/sustainability/simulations', payload, 'operator');
        expect(response.statusCode, response.body).toBeLessThan(500);
        expect(response.statusCode, response.body).not.toBe(202);
      }),
      { numRuns: 60 },
    );
    expect(await runs()).toEqual(before);
  });

  it('lets operators ask, auditors only read, and refuses members (403) and anonymous callers (401)', async () => {
    const first = (await get('/api/sustainability/simulations?limit=1', 'operator')).json().runs[0].id as string;
    for (const url of ['/api/sustainability/scenarios', '/api/sustainability/simulations', `/api/sustainability/simulations/${first}`]) {
      expect((await get(url, 'member')).statusCode, url).toBe(403);
      expect((await get(url)).statusCode, url).toBe(401);
    }
    const before = await runs();
    expect((await post('/api/sustainability/simulations', small, 'auditor')).statusCode).toBe(403);
    expect((await post('/api/sustainability/simulations', small, 'member')).statusCode).toBe(403);
    expect((await post('/api/sustainability/simulations', small)).statusCode).toBe(401);
    expect((await post(`/api/sustainability/simulations/${first}/publish`, { public: true }, 'auditor', null)).statusCode).toBe(403);
    expect((await post(`/api/sustainability/simulations/${first}/publish`, { public: true }, 'member', null)).statusCode).toBe(403);
    expect(await runs()).toEqual(before);
  });

  it('publishes a run from a plan as its forecast: next year’s band of the share per member, and no personal data', async () => {
    const forecastUrl = '/api/public/plans/critical-illness/forecast';
    expect((await get(forecastUrl)).json()).toEqual({ plan_id: 'critical-illness', currency: 'CNY', forecast: null });
    expect((await get('/api/public/plans/no-such-plan/forecast')).statusCode).toBe(404);

    const asked = await post('/api/sustainability/simulations', { scenario: 'small-community', plan_id: 'critical-illness', options: { paths: 6, periods: 30, seed: 9 }, publish: true }, 'operator');
    expect(asked.statusCode, asked.body).toBe(202);
    const done = await jobs.finished(asked.json().id);
    expect(done.request).toMatchObject({ initial_members: 3, forecast_year: 2027, as_of: testNow });

    const response = await get(forecastUrl);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const year = done.summary!.years.find((entry) => entry.year === 2027)!;
    expect(body).toEqual({
      plan_id: 'critical-illness',
      currency: 'CNY',
      forecast: {
        year: 2027,
        share_per_member_minor: {
          p5: String(Math.round(year.cost_per_member_minor.p5)),
          p50: String(Math.round(year.cost_per_member_minor.p50)),
          p95: String(Math.round(year.cost_per_member_minor.p95)),
        },
        paths: 6,
        as_of: testNow,
        finished_at: testNow,
      },
    });
    // Aggregates only: no requester, no names, ids, birth dates or member codes.
    for (const personal of ['user:', '吴', '1990-05-17', '110105', 'requested_by', 'member_code', 'initial_cohorts']) expect(response.body).not.toContain(personal);

    const hidden = await post(`/api/sustainability/simulations/${done.id}/publish`, { public: false }, 'operator', null);
    expect([hidden.statusCode, hidden.json().public]).toEqual([200, false]);
    expect((await get(forecastUrl)).json().forecast).toBeNull();
    const free = (await get('/api/sustainability/simulations?limit=20', 'operator')).json().runs.find((run: { plan_id: string | null }) => run.plan_id === null).id;
    expect((await post(`/api/sustainability/simulations/${free}/publish`, { public: true }, 'operator', null)).json().error.code).toBe('SIM_NOT_A_PLAN_RUN');
  });
});
