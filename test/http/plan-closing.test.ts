import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

/** The plan's answer carries its announced closure date, so no page offers a join a closing plan refuses. */
describeEachBackend('HTTP plans while closing', (dialect) => {
  let t: TestApp;
  let operator: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
  });
  afterAll(async () => {
    await t?.close();
  });

  const closureDates = async () => {
    const plans = (await t.app.inject('/api/plans')).json().plans as Array<{ id: string; status: string; closure_date: string | null }>;
    return Object.fromEntries(plans.map((plan) => [plan.id, [plan.status, plan.closure_date]]));
  };

  it('shows the closure date on the plan, keeps a closing plan from reopening and refuses a wallet refund beside the closure refund', async () => {
    const joined = await enrol(t, member, enrolBody('1960-03-03', 1, { plan_id: 'senior-cancer' }));
    await requestTopUp(t.context, BigInt(joined.membership_id), 2_500n);
    await t.gateway.deliverPending();
    expect(await closureDates()).toEqual({ 'critical-illness': ['open', null], 'senior-cancer': ['open', null] });

    const today = testNow.slice(0, 10);
    const announced = await t.app.inject({ method: 'POST', url: '/api/plans/senior-cancer/closure', headers: { cookie: operator }, payload: { closure_date: today, last_cycles_paid_by: 'members' } });
    expect(announced.statusCode, announced.body).toBe(201);
    expect(await closureDates()).toEqual({ 'critical-illness': ['open', null], 'senior-cancer': ['open', today] });
    expect((await t.app.inject('/api/plans/senior-cancer')).json().plan.closure_date).toBe(today);

    // Closing (and later closed): the operator cannot open it to members again.
    const reopen = await t.app.inject({ method: 'POST', url: '/api/plans/senior-cancer/status', headers: { cookie: operator }, payload: { status: 'open' } });
    expect([reopen.statusCode, reopen.json().error.code]).toEqual([409, 'PLAN_CLOSING']);
    const close = await t.app.inject({ method: 'POST', url: '/api/plans/senior-cancer/closure/close', headers: { cookie: operator } });
    expect(close.json().closure.step).toBe('closed');
    expect(await closureDates()).toEqual({ 'critical-illness': ['open', null], 'senior-cancer': ['closed', today] });
    const reopenClosed = await t.app.inject({ method: 'POST', url: '/api/plans/senior-cancer/status', headers: { cookie: operator }, payload: { status: 'open' } });
    expect(reopenClosed.json().error.code).toBe('PLAN_CLOSING');
    // A plan without a closure still opens and closes as before.
    const pause = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/status', headers: { cookie: operator }, payload: { status: 'closed' } });
    expect(pause.json().plan).toMatchObject({ status: 'closed', closure_date: null });
    const resume = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/status', headers: { cookie: operator }, payload: { status: 'open' } });
    expect(resume.json().plan).toMatchObject({ status: 'open', closure_date: null });

    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/memberships/${joined.membership_id}/wallet-refunds`,
      headers: { cookie: member, 'idempotency-key': 'member-refund-beside-closure' },
      payload: { amount_minor: '2500' },
    });
    expect([refund.statusCode, refund.json().error.code]).toEqual([409, 'FUNDING_CLOSURE_REFUND_DUE']);
  });
});
