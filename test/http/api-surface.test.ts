import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody } from './member-fixtures.js';

describeEachBackend('HTTP plans and members: OpenAPI and bad input', (dialect) => {
  let t: TestApp;
  let operator: string;
  let member: string;
  let ids: { person_id: string; membership_id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    ids = await enrol(t, member, enrolBody('1990-05-17', 1));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the plan, member, membership, admin and notification routes in the OpenAPI document', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/plans',
        'POST /api/plans',
        'GET /api/plans/{id}',
        'POST /api/plans/{id}/versions',
        'POST /api/plans/{id}/status',
        'POST /api/members/enrol',
        'POST /api/members/persons/{person_id}/join',
        'GET /api/members/me',
        'POST /api/memberships/{id}/withdraw',
        'GET /api/memberships',
        'GET /api/memberships/{id}',
        'POST /api/memberships/{id}/terminate',
        'GET /api/admin/persons/{id}',
        'GET /api/notifications',
        'POST /api/notifications/{id}/read',
        'GET /api/sustainability/scenarios',
        'POST /api/sustainability/simulations',
        'GET /api/sustainability/simulations',
        'GET /api/sustainability/simulations/{id}',
        'POST /api/sustainability/simulations/{id}/publish',
        'GET /api/public/plans/{plan_id}/forecast',
        'GET /api/reconciliation/layouts',
        'POST /api/reconciliation/statements',
        'GET /api/reconciliation/statements',
        'GET /api/reconciliation/statements/{statement_id}/lines',
        'GET /api/reconciliation/breaks',
        'POST /api/reconciliation/breaks/{break_id}/resolve',
        'GET /api/reconciliation/days',
        'POST /api/reconciliation/run',
        'GET /api/reconciliation/settings',
        'PUT /api/reconciliation/settings',
        'POST /api/plans/{id}/proposals',
        'POST /api/plans/{id}/proposals/preview',
        'GET /api/plans/{id}/proposals',
        'POST /api/proposals/{id}/open',
        'GET /api/proposals',
        'GET /api/proposals/{id}',
        'POST /api/proposals/{id}/vote',
        'POST /api/proposals/{id}/leave',
        'GET /api/public/plans/{id}/proposals',
        'GET /api/reports/supervisor',
        'GET /api/reports/supervisor.csv',
        'GET /api/reports/supervisor.html',
        'GET /api/reports/supervisor/stored',
        'POST /api/complaints',
        'GET /api/complaints',
        'GET /api/complaints/mine',
        'GET /api/complaints/owners',
        'GET /api/complaints/{id}',
        'POST /api/complaints/{id}/reply',
        'POST /api/complaints/{id}/assign',
        'POST /api/complaints/{id}/respond',
        'GET /api/settings/operator',
        'PUT /api/settings/operator',
        'GET /api/public/operator',
        'POST /api/plans/{plan_id}/closure',
        'POST /api/plans/{plan_id}/closure/close',
        'POST /api/plans/{plan_id}/closure/refunds',
        'POST /api/plans/{plan_id}/closure/receivables',
        'POST /api/plans/{plan_id}/closure/finalise',
        'GET /api/public/plans/{plan_id}/closure',
        'GET /api/public/plans/{plan_id}/closure/report',
        'GET /api/memberships/{id}/closure',
        'POST /api/plans/{plan_id}/closure/transfer-offer',
        'GET /api/public/plans/{plan_id}/closure/transfer-offer',
        'GET /api/memberships/{id}/closure/transfer-consent',
        'PUT /api/memberships/{id}/closure/transfer-consent',
        'GET /api/admin/plans/{plan_id}/closure/transfer-offer/consents.csv',
      ]),
    );
    // Plans are public; money in the rules is documented as strings of digits.
    const listPlans = document.paths['/api/plans'].get;
    expect(listPlans.security).toEqual([]);
    const rules = listPlans.responses['200'].content['application/json'].schema.properties.plans.items.properties.current_version.properties.rules;
    expect(rules.properties.aid_bands.items.properties.aid_minor).toMatchObject({ type: 'string', pattern: '^\\d{1,16}$' });
    const person = document.paths['/api/members/enrol'].post.requestBody.content['application/json'].schema.properties.person;
    expect(person.required).toEqual(expect.arrayContaining(['name', 'id_number', 'birth_date', 'gender', 'province', 'phone']));
    const listed = document.paths['/api/memberships'].get.responses['200'].content['application/json'].schema.properties.memberships.items.properties.person.properties;
    expect(Object.keys(listed)).toEqual(expect.arrayContaining(['name_masked', 'id_number_masked', 'phone_masked']));
    expect(Object.keys(listed)).not.toEqual(expect.arrayContaining(['id_number']));
  });

  it('never answers user input to the plan and member routes with a 500', async () => {
    const urls = [
      '/api/plans',
      '/api/plans/critical-illness/versions',
      '/api/plans/critical-illness/status',
      '/api/members/enrol',
      `/api/members/persons/${ids.person_id}/join`,
      `/api/memberships/${ids.membership_id}/withdraw`,
      `/api/memberships/${ids.membership_id}/terminate`,
      '/api/notifications/1/read',
      '/api/complaints/1/reply',
      '/api/complaints/1/assign',
      '/api/complaints/1/respond',
    ];
    const check = async (method: 'GET' | 'POST', url: string, payload: unknown, cookie: string) => {
      const response = await t.app.inject({ method, url, headers: { cookie, 'content-type': 'application/json' }, ...(method === 'POST' ? { payload: JSON.stringify(payload) } : {}) });
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500);
      expect(response.json().error?.code ?? 'ok').toMatch(/^[A-Z_]+$|^ok$/);
    };

    // Any JSON at all, to every new POST route, as the operator and as a member.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.jsonValue(), fc.boolean(), async (url, payload, asOperator) => check('POST', url, payload, asOperator ? operator : member)),
      { numRuns: 200 },
    );

    // Well-shaped bodies with hostile values, which get past the schemas into the services.
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', '0', '1990-02-30', '11010519900517001X', '+86 138-0000-0000', '北京', '\u0000', 'x'.repeat(40)));
    const person = fc.record({
      name: text,
      id_number: fc.oneof(text, fc.stringMatching(/^\d{17}[\dXx]$/)),
      birth_date: fc.oneof(text, fc.date({ min: new Date('1800-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))),
      gender: fc.constantFrom('female', 'male'),
      province: text,
      phone: fc.oneof(text, fc.stringMatching(/^1[3-9]\d{9}$/)),
      relationship: fc.constantFrom('self', 'spouse', 'child', 'parent', 'other'),
    });
    const answers = fc.dictionary(fc.oneof(fc.constantFrom('HQ-CANCER', 'HQ-HEART', 'HQ-HOSPITAL', 'HQ-CLAIM'), fc.string({ maxLength: 10 })), fc.boolean());
    const planId = fc.oneof(fc.constantFrom('critical-illness', 'senior-cancer', 'nope', ''), fc.string({ maxLength: 64 }));
    await fc.assert(
      fc.asyncProperty(fc.record({ plan_id: planId, person, answers }), async (body) => check('POST', '/api/members/enrol', body, member)),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 24 }), fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String)), fc.record({ plan_id: planId, answers }), async (id, body) =>
        check('POST', `/api/members/persons/${encodeURIComponent(id)}/join`, body, member),
      ),
      { numRuns: 100 },
    );

    // Rules with one field replaced by anything, and effective dates of every shape.
    const ruleKeys = Object.keys(criticalIllnessPlan.rules);
    const mutatedRules = fc.tuple(fc.constantFrom(...ruleKeys), fc.jsonValue()).map(([key, value]) => ({ ...criticalIllnessPlan.rules, [key]: value }));
    const effectiveAt = fc.oneof(
      text,
      fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom('2027-01-01T00:00:00+08:00', '2027-01-01T00:00:00-23:59', '2027-02-29T00:00:00Z', '+275760-09-13T00:00:00.000Z'),
    );
    await fc.assert(
      fc.asyncProperty(mutatedRules, effectiveAt, fc.string({ maxLength: 50 }), async (rules, effective_at, note) =>
        check('POST', '/api/plans/critical-illness/versions', { rules, effective_at, note }, operator),
      ),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 64 }), mutatedRules, async (id, rules) => check('POST', '/api/plans', { id, name_zh: '测试', name_en: 'Test', rules }, operator)),
      { numRuns: 100 },
    );

    // Path ids and query strings of every shape on the new GET and POST routes.
    const anyId = fc.oneof(fc.string({ maxLength: 24 }), fc.bigInt({ min: -1n, max: 2n ** 70n }).map(String), fc.constantFrom('9223372036854775807', '9223372036854775808', '0', '-1', '1e3'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/memberships/{}',
          '/api/admin/persons/{}',
          '/api/plans/{}',
          '/api/memberships?after={}',
          '/api/memberships?limit={}',
          '/api/memberships?plan_id={}',
          '/api/notifications?before={}',
          '/api/ledger/transactions/{}',
          '/api/sustainability/simulations/{}',
          '/api/sustainability/simulations?before_id={}',
          '/api/sustainability/simulations?limit={}',
          '/api/public/plans/{}/forecast',
          '/api/reports/supervisor?month={}',
          '/api/reports/supervisor.csv?from={}&to=2026-11-30',
          '/api/reports/supervisor?month=2026-11&plan_id={}',
        ),
        anyId,
        async (pattern, id) => check('GET', pattern.replace('{}', encodeURIComponent(id)), undefined, operator),
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/memberships/{}/withdraw', '/api/memberships/{}/terminate', '/api/notifications/{}/read', '/api/plans/{}/status'), anyId, async (pattern, id) =>
        check('POST', pattern.replace('{}', encodeURIComponent(id)), { reason: 'Fuzzed', status: 'open' }, operator),
      ),
      { numRuns: 100 },
    );
  });
});
