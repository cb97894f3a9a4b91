import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

/** Money requests each user may make in the test's window; the window is an hour so no test waits on, or races, the clock. */
const money_requests_allowed = 5;

describeEachBackend('funding bounds API', (dialect) => {
  let t: TestApp;
  let payer: string;
  let other: string;
  let prepaid: { membership_id: string };
  let otherPrepaid: { membership_id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true, moneyRateLimit: { max: money_requests_allowed, time_window_ms: 3_600_000 } });
    payer = await t.userWithRoles('payer', ['member']);
    other = await t.userWithRoles('other', ['member']);
    prepaid = await enrol(t, payer, enrolBody('1960-03-03', 601, { plan_id: 'senior-cancer' }));
    otherPrepaid = await enrol(t, other, enrolBody('1961-03-03', 602, { plan_id: 'senior-cancer' }));
  });
  afterAll(async () => t?.close());

  let keys = 0;
  // A new Idempotency-Key per request: each is a new request, as a person's clicks would be.
  const post = (url: string, cookie: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'idempotency-key': `bounds-${(keys += 1)}` }, payload });
  const outcome = (response: { statusCode: number; json(): { error?: { code: string } } }) => [response.statusCode, response.json().error?.code ?? 'ok'];

  it('refuses amounts past the bounds with stable codes, then rate-limits the user, not others', async () => {
    const topUps = `/api/memberships/${prepaid.membership_id}/top-ups`;
    // The amount, above the plan's largest top-up; one above the API's bound of 10^15; then 400,000 pending.
    expect(outcome(await post(topUps, payer, { amount_minor: '1000000000000000' }))).toEqual([422, 'FUNDING_TOP_UP_TOO_LARGE']);
    expect(outcome(await post(topUps, payer, { amount_minor: '1000000000000001' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await post(topUps, payer, { amount_minor: '200000' }))).toEqual([202, 'ok']);
    expect(outcome(await post(topUps, payer, { amount_minor: '200000' }))).toEqual([202, 'ok']);
    // The plan's wallet holds at most 500,000, pending top-ups counted.
    const limited = await post(topUps, payer, { amount_minor: '100001' });
    expect(outcome(limited)).toEqual([422, 'FUNDING_WALLET_LIMIT']);
    expect(limited.json().error.details).toMatchObject({ pending_top_ups_minor: '400000', max_wallet_balance_minor: '500000' });
    // The malformed request was refused before it counted; this one is the fifth, refused too (nothing settled yet).
    expect(outcome(await post(`/api/memberships/${prepaid.membership_id}/wallet-refunds`, payer, { amount_minor: '1000' }))).toEqual([422, 'FUNDING_REFUND_ABOVE_BALANCE']);
    // Now the user's allowance is spent, whatever the request.
    expect(outcome(await post(topUps, payer, { amount_minor: '1000' }))).toEqual([429, 'RATE_LIMITED']);
    expect(outcome(await post(`/api/memberships/${prepaid.membership_id}/wallet-refunds`, payer, { amount_minor: '1000' }))).toEqual([429, 'RATE_LIMITED']);

    // Another member is not affected, and the accepted top-ups settle.
    expect(outcome(await post(`/api/memberships/${otherPrepaid.membership_id}/top-ups`, other, { amount_minor: '5000' }))).toEqual([202, 'ok']);
    expect((await runBackgroundJobs(t.context)).webhooks_delivered).toBe(3);
    const money = (await t.app.inject({ method: 'GET', url: `/api/memberships/${otherPrepaid.membership_id}/money`, headers: { cookie: other } })).json();
    expect(money.balance_minor).toBe('5000');
    expect((await verifyJournal(t.store)).ok).toBe(true);
  });

  it('documents the bounds in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const topUp = document.paths['/api/memberships/{id}/top-ups'].post;
    expect(topUp.description).toContain('FUNDING_WALLET_LIMIT');
    expect(topUp.description).toContain('RATE_LIMITED');
    const amount = topUp.requestBody.content['application/json'].schema.properties.amount_minor;
    expect(amount.description).toContain('max_top_up_minor');
    const plans = JSON.stringify(document.paths['/api/plans'] ?? document);
    expect(plans).toContain('max_wallet_balance_minor');
  });
});
