import { afterAll, beforeAll, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome, tableCounts } from './member-fixtures.js';

describeEachBackend('HTTP plans', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, payload: unknown, cookie = operator) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });
  const newRules = (changes: Record<string, unknown> = {}) => ({ ...criticalIllnessPlan.rules, ...changes });

  it('lists the plans publicly with the rules in force, covered illnesses and money as strings', async () => {
    const response = await t.app.inject('/api/plans');
    expect(response.statusCode, response.body).toBe(200);
    type PlanJson = {
      id: string;
      status: string;
      current_version: { version: number; rules: { aid_bands: unknown; funding: unknown } };
      illnesses: unknown[];
    };
    const plans: PlanJson[] = response.json().plans;
    expect(plans.map((plan) => [plan.id, plan.status, plan.current_version.version])).toEqual([
      ['critical-illness', 'open', 1],
      ['senior-cancer', 'open', 1],
    ]);
    const critical = plans[0]!;
    expect(critical).toMatchObject({ name_zh: '大病互助计划', currency: 'CNY', next_version: null });
    expect(critical.illnesses).toHaveLength(20);
    expect(critical.illnesses[0]).toEqual({ code: 'CI-01', name_zh: '恶性肿瘤', name_en: 'Malignant tumour (cancer)' });
    expect(critical.current_version.rules.aid_bands).toEqual([
      { max_age_years: 39, aid_minor: '30000000' },
      { max_age_years: 130, aid_minor: '10000000' },
    ]);
    expect(plans[1]!.current_version.rules.funding).toEqual({ model: 'prepaid', min_top_up_minor: '1000', max_top_up_minor: '200000', max_wallet_balance_minor: '500000', low_balance_minor: '500', grace_days: 7 });
  });

  it('shows one plan with its version history, and 404 PLAN_NOT_FOUND for an unknown one', async () => {
    const response = await t.app.inject('/api/plans/senior-cancer');
    expect(response.statusCode).toBe(200);
    expect(response.json().plan.versions).toEqual([expect.objectContaining({ version: 1, effective_at: testNow, note: 'Initial rules' })]);
    expect(outcome(await t.app.inject('/api/plans/no-such-plan'))).toEqual([404, 'PLAN_NOT_FOUND']);
  });

  it('creates a plan (operator) and refuses duplicates, bad ids, bad rules and other roles, writing nothing', async () => {
    const created = await post('/api/plans', { id: 'union-aid', name_zh: '工会互助', name_en: 'Union mutual aid', rules: newRules() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().plan).toMatchObject({ id: 'union-aid', status: 'open', current_version: { version: 1 } });
    const account = await t.app.inject({ method: 'GET', url: '/api/ledger/accounts/aid_payable:union-aid', headers: { cookie: auditor } });
    expect([account.statusCode, account.json().account.balance_minor]).toEqual([200, '0']);

    const before = await tableCounts(t.store);
    const cases: Array<[unknown, string | undefined, number, string]> = [
      [{ id: 'union-aid', name_zh: '工会互助', name_en: 'Again', rules: newRules() }, operator, 409, 'PLAN_EXISTS'],
      [{ id: 'Bad Id', name_zh: '坏', name_en: 'Bad', rules: newRules() }, operator, 400, 'PLAN_BAD_ID'],
      [{ id: 'no-name', name_zh: ' ', name_en: 'No name', rules: newRules() }, operator, 400, 'PLAN_BAD_NAME'],
      [{ id: 'bad-rules', name_zh: '坏规则', name_en: 'Bad rules', rules: newRules({ fee_bps: -1 }) }, operator, 400, 'PLAN_BAD_RULES'],
      [{ id: 'float-money', name_zh: '浮点', name_en: 'Floats', rules: newRules({ aid_bands: [{ max_age_years: 130, aid_minor: 3000.5 }] }) }, operator, 400, 'PLAN_BAD_RULES'],
      [{ id: 'no-rules', name_zh: '无规则', name_en: 'No rules' }, operator, 400, 'PLAN_BAD_RULES'],
      [{ id: 'by-member', name_zh: '会员', name_en: 'By a member', rules: newRules() }, member, 403, 'AUTH_FORBIDDEN'],
      [{ id: 'by-auditor', name_zh: '审计', name_en: 'By an auditor', rules: newRules() }, auditor, 403, 'AUTH_FORBIDDEN'],
      [{ id: 'anonymous', name_zh: '匿名', name_en: 'Anonymous', rules: newRules() }, undefined, 401, 'AUTH_REQUIRED'],
      [{ id: 42, name_zh: '数字', name_en: 'Number id', rules: newRules() }, operator, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, cookie, status, code] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/plans', headers: cookie === undefined ? {} : { cookie }, payload: payload as Record<string, unknown> });
      expect(outcome(response), JSON.stringify(payload)).toEqual([status, code]);
    }
    const bad = await post('/api/plans', { id: 'bad-rules', name_zh: '坏规则', name_en: 'Bad rules', rules: newRules({ fee_bps: -1 }) });
    expect(bad.json().error.details.issues[0].path).toBe('fee_bps');
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('adds a future rule version, notifies members, shows it as next and applies it at its time', async () => {
    const enrolled = await enrol(t, member, enrolBody('1990-05-17', 11));
    const response = await post('/api/plans/critical-illness/versions', {
      effective_at: '2027-01-01T00:00:00+08:00',
      note: 'Management fee 6%',
      rules: newRules({ fee_bps: 600 }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json().plan;
    expect(plan.versions.map((version: { version: number; effective_at: string }) => [version.version, version.effective_at])).toEqual([
      [1, testNow],
      [2, '2026-12-31T16:00:00.000Z'],
    ]);
    expect(plan.current_version.version).toBe(1);
    expect(plan.next_version).toEqual({ version: 2, effective_at: '2026-12-31T16:00:00.000Z', note: 'Management fee 6%' });

    const notices = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: member } });
    expect(notices.json().notifications).toEqual([expect.objectContaining({ kind: 'plan_rules_changed', membership_id: enrolled.membership_id })]);

    t.context.clock.set('2027-01-02T00:00:00.000Z');
    try {
      const later = (await t.app.inject('/api/plans/critical-illness')).json().plan;
      expect([later.current_version.version, later.current_version.rules.fee_bps, later.next_version]).toEqual([2, 600, null]);
    } finally {
      t.context.clock.set(testNow);
    }
  });

  it('refuses versions dated in the past, malformed dates and notes, and unknown plans, writing nothing', async () => {
    const before = await tableCounts(t.store);
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['critical-illness', { effective_at: '2026-11-01T00:00:00Z', note: 'Too late', rules: newRules() }, 422, 'PLAN_VERSION_IN_PAST'],
      ['critical-illness', { effective_at: testNow, note: 'Now is not the future', rules: newRules() }, 422, 'PLAN_VERSION_IN_PAST'],
      // Version 2 (above) takes effect on 2026-12-31T16:00Z; a new one must come after it.
      ['critical-illness', { effective_at: '2026-12-15T00:00:00Z', note: 'Before version 2', rules: newRules() }, 422, 'PLAN_VERSION_IN_PAST'],
      ['critical-illness', { effective_at: 'next tuesday', note: 'Vague', rules: newRules() }, 400, 'PLAN_BAD_EFFECTIVE_DATE'],
      ['critical-illness', { effective_at: '2027-13-01T00:00:00Z', note: 'No such month', rules: newRules() }, 400, 'PLAN_BAD_EFFECTIVE_DATE'],
      ['critical-illness', { effective_at: '2027-06-01', note: 'No time or zone', rules: newRules() }, 400, 'PLAN_BAD_EFFECTIVE_DATE'],
      ['critical-illness', { effective_at: '2027-06-01T00:00:00Z', note: '  ', rules: newRules() }, 400, 'PLAN_BAD_NOTE'],
      ['critical-illness', { effective_at: '2027-06-01T00:00:00Z', note: 'Currency', rules: newRules({ currency: 'USD' }) }, 400, 'PLAN_BAD_RULES'],
      ['critical-illness', { effective_at: '2027-06-01T00:00:00Z', note: 'Bad caps', rules: newRules({ caps: { policy: 'hope' } }) }, 400, 'PLAN_BAD_RULES'],
      ['no-such-plan', { effective_at: '2027-06-01T00:00:00Z', note: 'Nobody', rules: newRules() }, 404, 'PLAN_NOT_FOUND'],
    ];
    for (const [plan_id, payload, status, code] of cases) {
      expect(outcome(await post(`/api/plans/${plan_id}/versions`, payload)), JSON.stringify(payload)).toEqual([status, code]);
    }
    expect(outcome(await post('/api/plans/critical-illness/versions', { effective_at: '2027-06-01T00:00:00Z', note: 'x', rules: newRules() }, member))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('closes a plan to new members and opens it again (operator)', async () => {
    const closed = await post('/api/plans/senior-cancer/status', { status: 'closed' });
    expect([closed.statusCode, closed.json().plan.status]).toEqual([200, 'closed']);
    const before = await tableCounts(t.store);
    const refused = await t.app.inject({ method: 'POST', url: '/api/members/enrol', headers: { cookie: member }, payload: enrolBody('1960-03-03', 12, { plan_id: 'senior-cancer' }) });
    expect(outcome(refused)).toEqual([422, 'PLAN_CLOSED']);
    expect(await tableCounts(t.store)).toEqual(before);
    expect(outcome(await post('/api/plans/senior-cancer/status', { status: 'paused' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await post('/api/plans/no-such-plan/status', { status: 'open' }))).toEqual([404, 'PLAN_NOT_FOUND']);
    expect(outcome(await post('/api/plans/senior-cancer/status', { status: 'open' }, auditor))).toEqual([403, 'AUTH_FORBIDDEN']);
    const opened = await post('/api/plans/senior-cancer/status', { status: 'open' });
    expect(opened.json().plan.status).toBe('open');
    await enrol(t, member, enrolBody('1960-03-03', 12, { plan_id: 'senior-cancer' }));
  });
});
