import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { signWebhook } from '../../src/services/payments/webhook-signature.js';
import { startTestApp, testWebhookSecret, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

describeEachBackend('funding API', (dialect) => {
  let t: TestApp;
  let payer: string;
  let stranger: string;
  let operator: string;
  let prepaid: { membership_id: string };
  let postpaid: { membership_id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    payer = await t.userWithRoles('payer', ['member']);
    stranger = await t.userWithRoles('stranger', ['member']);
    operator = await t.login('olivia', 'operator-password');
    prepaid = await enrol(t, payer, enrolBody('1960-03-03', 501, { plan_id: 'senior-cancer' }));
    postpaid = await enrol(t, payer, enrolBody('1990-03-03', 502));
  });
  afterAll(async () => t?.close());

  // Every money endpoint takes an Idempotency-Key; each call here is a new request, so a new key.
  const post = (url: string, cookie: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'idempotency-key': randomUUID() }, payload });
  const money = async (membership_id: string, cookie = payer) => (await t.app.inject({ method: 'GET', url: `/api/memberships/${membership_id}/money`, headers: { cookie } })).json();

  it('tops up a prepaid wallet once the provider confirms, and refunds it', async () => {
    const response = await post(`/api/memberships/${prepaid.membership_id}/top-ups`, payer, { amount_minor: '5000' });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().payment).toMatchObject({ amount_minor: '5000', currency: 'CNY', status: 'pending', sent: true });
    expect((await money(prepaid.membership_id)).balance_minor).toBe('0');
    const jobs = await runBackgroundJobs(t.context);
    expect(jobs.webhooks_delivered).toBe(1);
    expect((await money(prepaid.membership_id)).balance_minor).toBe('5000');
    const refund = await post(`/api/memberships/${prepaid.membership_id}/wallet-refunds`, payer, { amount_minor: '2000' });
    expect(refund.statusCode, refund.body).toBe(202);
    expect((await money(prepaid.membership_id)).balance_minor).toBe('3000');
    await runBackgroundJobs(t.context);
    const statement = await money(prepaid.membership_id, operator);
    expect(statement.payments.map((payment: { kind: string; status: string }) => `${payment.kind}:${payment.status}`)).toEqual(['wallet_refund:succeeded', 'top_up:succeeded']);
    expect((await verifyJournal(t.store)).ok).toBe(true);
  });

  it('refuses bad funding requests with stable codes', async () => {
    const cases: Array<[string, string, Record<string, unknown>, number, string]> = [
      [`/api/memberships/${prepaid.membership_id}/top-ups`, payer, { amount_minor: '999' }, 422, 'FUNDING_TOP_UP_BELOW_MINIMUM'],
      [`/api/memberships/${prepaid.membership_id}/wallet-refunds`, payer, { amount_minor: '3001' }, 422, 'FUNDING_REFUND_ABOVE_BALANCE'],
      [`/api/memberships/${postpaid.membership_id}/top-ups`, payer, { amount_minor: '5000' }, 422, 'FUNDING_NOT_PREPAID'],
      [`/api/memberships/${prepaid.membership_id}/top-ups`, stranger, { amount_minor: '5000' }, 404, 'MEMBERSHIP_NOT_FOUND'],
      [`/api/memberships/${prepaid.membership_id}/top-ups`, payer, { amount_minor: '50.00' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, cookie, payload, status, code] of cases) {
      const response = await post(url, cookie, payload);
      expect([response.statusCode, response.json().error?.code], `${url} ${JSON.stringify(payload)}`).toEqual([status, code]);
    }
    expect((await money(prepaid.membership_id)).balance_minor).toBe('3000');
    expect((await t.app.inject({ method: 'GET', url: `/api/memberships/${prepaid.membership_id}/money`, headers: { cookie: stranger } })).statusCode).toBe(404);
  });

  it('takes signed provider webhooks over HTTP, refuses forged ones and ignores repeats', async () => {
    const response = await post(`/api/memberships/${prepaid.membership_id}/top-ups`, payer, { amount_minor: '1000' });
    const [event] = t.gateway.pendingEvents();
    expect(event?.event.reference).toBe(response.json().payment.reference);
    const body = event!.raw_body;
    const deliver = (signature: string, raw = body) =>
      t.app.inject({ method: 'POST', url: '/api/payments/webhook', headers: { 'content-type': 'application/json', 'huzhu-signature': signature }, payload: raw });
    const now = Math.floor(t.context.clock.now().getTime() / 1000);
    const forged = await deliver(signWebhook('not-the-secret', body, now));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'PAYMENT_BAD_SIGNATURE']);
    const tampered = await deliver(signWebhook(testWebhookSecret, body, now), body.replace('"1000"', '"100000"'));
    expect(tampered.statusCode).toBe(401);
    expect((await money(prepaid.membership_id)).balance_minor).toBe('3000');
    const first = await deliver(signWebhook(testWebhookSecret, body, now));
    expect(first.json()).toMatchObject({ received: true, duplicate: false, outcome: 'succeeded' });
    const again = await deliver(signWebhook(testWebhookSecret, body, now));
    expect(again.json()).toMatchObject({ received: true, duplicate: true });
    expect((await money(prepaid.membership_id)).balance_minor).toBe('4000');
    expect((await verifyJournal(t.store)).ok).toBe(true);
  });

  it('refunds the shares paid when a diagnosis falls in the waiting period (staff only)', async () => {
    const member = await post(`/api/memberships/${postpaid.membership_id}/waiting-period-diagnosis`, payer, { reason: 'diagnosed' });
    expect(member.statusCode).toBe(403);
    const response = await post(`/api/memberships/${postpaid.membership_id}/waiting-period-diagnosis`, operator, { reason: 'Diagnosed 30 days after joining' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ membership_id: postpaid.membership_id, refunded_minor: '0' });
    const again = await post(`/api/memberships/${postpaid.membership_id}/waiting-period-diagnosis`, operator, { reason: 'twice' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'MEMBERSHIP_BAD_TRANSITION']);
  });
});
