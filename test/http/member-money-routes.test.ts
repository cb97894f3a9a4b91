import { afterAll, beforeAll, expect, it } from 'vitest';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { runCycle } from '../../src/services/cycles/index.js';
import { collectDueCharges } from '../../src/services/funding/index.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

/**
 * The member's money pages: share history per cycle and year (GET /api/members/me/shares), the
 * post-paid bills (GET /api/memberships/{id}/bills) and the retry of a failed collection
 * (POST …/charges/{charge_id}/collect), on a real cycle with one case whose first collection fails.
 */
describeEachBackend('HTTP member share history, bills and collection retry', (dialect) => {
  let t: TestApp;
  const cookies: Record<'mei' | 'ming' | 'patient' | 'newcomer', string> = { mei: '', ming: '', patient: '', newcomer: '' };
  let meiMembership: string;
  let mingMembership: string;
  let cycleId: string;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const collect = (cookie: string, membership_id: string, charge_id: string, key?: string) =>
    t.app.inject({ method: 'POST', url: `/api/memberships/${membership_id}/charges/${charge_id}/collect`, headers: { cookie, ...(key === undefined ? {} : { 'idempotency-key': key }) } });
  const billsOf = async (cookie: string, membership_id: string) => {
    const response = await get(cookie, `/api/memberships/${membership_id}/bills`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().bills as Array<Record<string, unknown> & { charge_id: string; status: string; retryable: boolean }>;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    cookies.mei = await t.login('mei', 'member-password');
    cookies.ming = await t.userWithRoles('ming', ['member']);
    cookies.patient = await t.userWithRoles('patient', ['member']);
    cookies.newcomer = await t.userWithRoles('newcomer', ['member']);
    meiMembership = (await enrol(t, cookies.mei, enrolBody('1990-05-17', 1))).membership_id;
    mingMembership = (await enrol(t, cookies.ming, enrolBody('1988-02-02', 2))).membership_id;
    const patient = await enrol(t, cookies.patient, enrolBody('1985-09-09', 3));
    // Covered after the waiting period; a claim goes through notice and is approved before 7 April.
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = await submitClaim(
      t.context,
      { membership_id: BigInt(patient.membership_id), submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] },
      t.blobs,
    );
    for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, claim.claim_id, 'user:reviewer');
    t.context.clock.set('2027-03-22T10:00:00.000Z');
    await endNotice(t.context, claim.claim_id, 'system');
    t.context.clock.set('2027-04-07T01:00:00.000Z');
    const cycle = await runCycle(t.context, 'critical-illness');
    cycleId = cycle.cycle_id;
    // The collection day: every first attempt fails.
    t.context.clock.set('2027-04-14T10:00:00.000Z');
    t.gateway.forceOutcomes('failed', 'failed', 'failed');
    await collectDueCharges(t.context);
    await t.gateway.deliverPending();
    // Sessions expire; log in again at the new time.
    cookies.mei = await t.login('mei', 'member-password');
    for (const name of ['ming', 'patient', 'newcomer'] as const) cookies[name] = await t.login(name, `${name}-password`);
  });
  afterAll(async () => t?.close());

  it('shows each membership’s share line per cycle and the yearly total with the cases helped, to its payer only', async () => {
    const mine = await get(cookies.mei, '/api/members/me/shares');
    expect(mine.statusCode, mine.body).toBe(200);
    const { lines, years } = mine.json();
    expect(lines).toEqual([
      expect.objectContaining({ membership_id: meiMembership, cycle_id: cycleId, case_count: 1, charge_status: 'due', currency: 'CNY' }),
    ]);
    expect(BigInt(lines[0].share_minor)).toBeGreaterThan(0n);
    expect(years).toEqual([{ year: '2027', currency: 'CNY', shared_minor: lines[0].share_minor, cases_helped: 1, cycle_count: 1 }]);
    expect(mine.headers['cache-control']).toBe('no-store');

    // Another payer sees their own line, never Mei's; a payer with no membership sees nothing.
    const theirs = (await get(cookies.ming, '/api/members/me/shares')).json();
    expect(theirs.lines.map((line: { membership_id: string }) => line.membership_id)).toEqual([mingMembership]);
    expect(JSON.stringify(theirs)).not.toContain(lines[0].member_code);
    expect((await get(cookies.newcomer, '/api/members/me/shares')).json()).toEqual({ lines: [], years: [] });
    expect(outcome(await t.app.inject({ method: 'GET', url: '/api/members/me/shares' }))).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('lists the bills with their cycle and dates, and lets the payer (and no one else) ask for a failed collection again, once', async () => {
    const [bill] = await billsOf(cookies.mei, meiMembership);
    expect(bill).toMatchObject({ cycle_id: cycleId, status: 'due', attempts: 1, in_flight: false, retryable: true, paid_at: null });
    expect(bill!.collection_at).toMatch(/^2027-04-14/);
    expect(bill!.last_failure_reason).toEqual(expect.any(String));
    const charge_id = bill!.charge_id;

    // Someone else's membership is not found, whether read or retried, and nothing is asked for.
    expect(outcome(await get(cookies.ming, `/api/memberships/${meiMembership}/bills`))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await collect(cookies.ming, meiMembership, charge_id, 'stranger-key'))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    // Mei's charge through Ming's own membership is not his charge either.
    expect(outcome(await collect(cookies.ming, mingMembership, charge_id, 'wrong-membership'))).toEqual([404, 'FUNDING_CHARGE_NOT_FOUND']);
    expect(outcome(await collect(cookies.mei, meiMembership, charge_id))).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
    const payments = () => t.store.db.selectFrom('payments').select(['reference', 'status']).where('share_charge_id', '=', BigInt(charge_id)).orderBy('id').execute();
    expect(await payments()).toHaveLength(1);

    const first = await collect(cookies.mei, meiMembership, charge_id, 'retry-1');
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json().payment).toMatchObject({ reference: `collection:${charge_id}:2`, amount_minor: bill!.amount_minor, status: 'pending' });
    const replay = await collect(cookies.mei, meiMembership, charge_id, 'retry-1');
    expect([replay.statusCode, replay.body, replay.headers['idempotent-replayed']]).toEqual([202, first.body, 'true']);
    // A second action (a new key) while the attempt is with the provider is refused: one attempt at a time.
    const second = await collect(cookies.mei, meiMembership, charge_id, 'retry-2');
    expect(outcome(second)).toEqual([409, 'FUNDING_CHARGE_NOT_RETRYABLE']);
    expect(second.json().error.details).toMatchObject({ reason: 'in_flight' });
    expect(await payments()).toHaveLength(2);
    expect((await billsOf(cookies.mei, meiMembership))[0]).toMatchObject({ in_flight: true, retryable: false });

    // The provider confirms: the share is paid and cannot be collected again.
    await runBackgroundJobs(t.context);
    await t.gateway.deliverPending();
    expect((await billsOf(cookies.mei, meiMembership))[0]).toMatchObject({ status: 'paid', retryable: false });
    const paid = await collect(cookies.mei, meiMembership, charge_id, 'retry-3');
    expect(outcome(paid)).toEqual([409, 'FUNDING_CHARGE_NOT_RETRYABLE']);
    expect(paid.json().error.details).toMatchObject({ reason: 'not_due' });
    expect((await t.app.inject({ method: 'GET', url: `/api/members/me/shares`, headers: { cookie: cookies.mei } })).json().lines[0].charge_status).toBe('paid');
  });

  it('refuses the retry on a prepaid membership, which has no collections', async () => {
    const prepaid = await enrol(t, cookies.newcomer, enrolBody('1960-03-03', 4, { plan_id: 'senior-cancer' }));
    expect(outcome(await collect(cookies.newcomer, prepaid.membership_id, '1', 'prepaid-retry'))).toEqual([422, 'FUNDING_NOT_POST_PAID']);
    expect(await billsOf(cookies.newcomer, prepaid.membership_id)).toEqual([]);
  });
});
