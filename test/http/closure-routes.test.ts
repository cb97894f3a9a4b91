import { afterAll, beforeAll, expect, it } from 'vitest';
import { closureProofHolds, parseClosureProof, verifyClosureReport } from '../../src/core/closure/closure-verifier.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

/** YYYY-MM-DD plus whole days, in UTC. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeEachBackend('HTTP plan closure', (dialect) => {
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

  const post = (url: string, payload?: Record<string, unknown>, key?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: operator, ...(key === undefined ? {} : { 'idempotency-key': key }) }, ...(payload === undefined ? {} : { payload }) });

  it('runs a closure through the API: announce, close, refunds, write-offs, finalise; the public report verifies and the member checks their line', async () => {
    const joined = await enrol(t, member, enrolBody('1960-03-03', 1, { plan_id: 'senior-cancer' }));
    await requestTopUp(t.context, BigInt(joined.membership_id), 2_500n);
    await t.gateway.deliverPending();

    expect((await t.app.inject('/api/public/plans/senior-cancer/closure')).json().error.code).toBe('CLOSURE_NOT_FOUND');
    const today = testNow.slice(0, 10);
    const refusedPast = await post('/api/plans/senior-cancer/closure', { closure_date: '2020-01-01', last_cycles_paid_by: 'members' });
    expect([refusedPast.statusCode, refusedPast.json().error.code]).toEqual([422, 'CLOSURE_DATE_PAST']);
    const announced = await post('/api/plans/senior-cancer/closure', { closure_date: today, last_cycles_paid_by: 'members' });
    expect(announced.statusCode, announced.body).toBe(201);
    const again = await post('/api/plans/senior-cancer/closure', { closure_date: today, last_cycles_paid_by: 'members' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PLAN_CLOSING']);
    const join = await t.app.inject({ method: 'POST', url: '/api/members/enrol', headers: { cookie: member }, payload: enrolBody('1961-04-04', 2, { plan_id: 'senior-cancer' }) });
    expect(join.json().error.code).toBe('PLAN_CLOSING');
    // Closing today: the wallet takes no more top-ups, before the close step has run.
    const topUp = await t.app.inject({
      method: 'POST',
      url: `/api/memberships/${joined.membership_id}/top-ups`,
      headers: { cookie: member, 'idempotency-key': 'closure-top-up-1' },
      payload: { amount_minor: '1000' },
    });
    expect([topUp.statusCode, topUp.json().error.code]).toEqual([409, 'FUNDING_PLAN_CLOSED']);
    const member_only = await t.app.inject({ method: 'POST', url: '/api/plans/senior-cancer/closure/close', headers: { cookie: member } });
    expect(member_only.statusCode).toBe(403);

    expect((await post('/api/plans/senior-cancer/closure/close')).json().closure.step).toBe('closed');
    const noKey = await post('/api/plans/senior-cancer/closure/refunds');
    expect(noKey.json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const refunds = await post('/api/plans/senior-cancer/closure/refunds', undefined, 'closure-refunds-1');
    expect(refunds.json()).toMatchObject({ requested: 1, pending: 1 });
    await t.gateway.deliverPending();
    expect((await post('/api/plans/senior-cancer/closure/refunds', undefined, 'closure-refunds-2')).json().closure.step).toBe('refunds_done');
    expect((await post('/api/plans/senior-cancer/closure/receivables', undefined, 'closure-receivables-1')).json().closure.step).toBe('receivables_done');
    // Finalising waits for the claim window (180 days from the day before the closure date).
    const early = await post('/api/plans/senior-cancer/closure/finalise');
    const finalise_from_date = addDays(today, 180);
    expect([early.statusCode, early.json().error.code, early.json().error.details?.finalise_from_date]).toEqual([409, 'CLOSURE_CLAIM_WINDOW_OPEN', finalise_from_date]);
    // No report yet: an error before any byte of a stream.
    const none = await t.app.inject('/api/public/plans/senior-cancer/closure/report');
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'CLOSURE_REPORT_NOT_FOUND']);
    const open = (await t.app.inject('/api/public/plans/senior-cancer/closure')).json().closure;
    expect(open).toMatchObject({ last_claim_date: addDays(today, 179), finalise_from_date });
    t.context.clock.set(`${finalise_from_date}T09:00:00.000Z`);
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    expect((await post('/api/plans/senior-cancer/closure/finalise')).json().closure.step).toBe('finalised');

    const status = (await t.app.inject('/api/public/plans/senior-cancer/closure')).json().closure;
    expect(status.header).toMatchObject({ member_count: 1, wallet_total_minor: '2500', refunded_total_minor: '2500', custody_after_minor: '0' });
    const file = await t.app.inject('/api/public/plans/senior-cancer/closure/report');
    expect(file.headers['content-type']).toMatch(/^application\/jsonl/);
    const key = (await t.app.inject('/api/public/operator-key')).json().public_key_hex as string;
    expect(verifyClosureReport(file.body, { public_key_hex: key }).differences).toEqual([]);

    const line = await t.app.inject({ url: `/api/memberships/${joined.membership_id}/closure`, headers: { cookie: member } });
    expect(line.statusCode, line.body).toBe(200);
    const proof = parseClosureProof(line.json().proof);
    expect(proof.ok && closureProofHolds(proof.value)).toBe(true);
    expect(line.json().proof).toMatchObject({ member_code: joined.member_code, refunded_minor: '2500', unclaimed_minor: '0' });
    const stranger = await t.userWithRoles('stranger', ['member']);
    const other = await t.app.inject({ url: `/api/memberships/${joined.membership_id}/closure`, headers: { cookie: stranger } });
    expect(other.statusCode).toBe(404);
  });
});
