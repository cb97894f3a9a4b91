import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { createReceivables } from '../../src/services/funding/receivables.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { payDueAid, scheduleAidPayoutIn } from '../../src/services/payouts/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { cycleRowValues } from '../support/cycle-row-factory.js';
import { enrol, enrolBody } from './member-fixtures.js';

describeEachBackend('payouts API', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;
  let patient: { membership_id: string };
  let second: { membership_id: string };
  const patientName = '欧阳秀英';

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    member = await t.login('mei', 'member-password');
    patient = await enrol(t, member, enrolBody('1990-03-03', 701, { person: { name: patientName } }));
    second = await enrol(t, member, enrolBody('1988-05-05', 702));
  });
  afterAll(async () => t?.close());

  // Every money endpoint takes an Idempotency-Key; each call here is a new request, so a new key.
  const post = (url: string, cookie: string | undefined, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { 'idempotency-key': randomUUID(), ...(cookie === undefined ? {} : { cookie }) }, payload });
  const get = (url: string, cookie: string | undefined) => t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });

  it('records operator advances once per key, for operators; auditors read them', async () => {
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    const url = '/api/plans/critical-illness/advances';
    const first = await post(url, operator, { amount_minor: '5000', idempotency_key: 'advance-1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ replayed: false, advance: { kind: 'advance', amount_minor: '5000', currency: 'CNY', plan_id: 'critical-illness' } });
    expect(first.json().advance.actor).toMatch(/^staff:\d+$/);
    const again = await post(url, operator, { amount_minor: '5000', idempotency_key: 'advance-1' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });

    const refusals: Array<[string, string | undefined, Record<string, unknown>, number, string]> = [
      [url, operator, { amount_minor: '5001', idempotency_key: 'advance-1' }, 409, 'ADVANCE_IDEMPOTENCY_CONFLICT'],
      [url, operator, { amount_minor: '0', idempotency_key: 'advance-2' }, 400, 'VALIDATION_FAILED'],
      [url, operator, { amount_minor: '10', idempotency_key: 'with space' }, 400, 'ADVANCE_BAD_KEY'],
      ['/api/plans/no-such-plan/advances', operator, { amount_minor: '10', idempotency_key: 'advance-3' }, 404, 'ADVANCE_UNKNOWN_PLAN'],
      [url, auditor, { amount_minor: '10', idempotency_key: 'advance-4' }, 403, 'AUTH_FORBIDDEN'],
      [url, member, { amount_minor: '10', idempotency_key: 'advance-5' }, 403, 'AUTH_FORBIDDEN'],
      [url, undefined, { amount_minor: '10', idempotency_key: 'advance-6' }, 401, 'AUTH_REQUIRED'],
    ];
    for (const [target, cookie, payload, status, code] of refusals) {
      const response = await post(target, cookie, payload);
      expect([response.statusCode, response.json().error?.code], `${target} ${JSON.stringify(payload)}`).toEqual([status, code]);
    }

    const statement = await get(url, auditor);
    expect(statement.statusCode, statement.body).toBe(200);
    expect(statement.json()).toMatchObject({ plan_id: 'critical-illness', currency: 'CNY', outstanding_minor: '5000', available_minor: '5000' });
    expect(statement.json().entries).toHaveLength(1);
    expect((await get(url, member)).statusCode).toBe(403);
    expect((await get('/api/plans/no-such-plan/advances', auditor)).statusCode).toBe(404);
  });

  it('lists payouts without personal data, pays them in the background jobs, and repays the advance', async () => {
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    const membership_id = BigInt(patient.membership_id);
    const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = await submitClaim(t.context, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] }, t.blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, claim.claim_id, 'user:reviewer');
    t.context.clock.set('2027-03-22T10:00:00.000Z');
    await endNotice(t.context, claim.claim_id, 'system');
    // Sessions expire; log in again at the new time.
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');

    // The cycle: a share charged to the one member, and the claim scheduled for 2,000.
    const now = t.context.clock.now().toISOString();
    await createReceivables(t.context, 'critical-illness', 'cycle-1', [{ membership_id, amount_minor: 3000n }], '2027-12-01T00:00:00.000Z');
    const cycle = await t.store.db
      .insertInto('cycles')
      .values(
        cycleRowValues({
          cycle_code: 'critical-illness-1',
          plan_id: 'critical-illness',
          sequence: 1n,
          funding_model: 'post_paid',
          snapshot_at: now,
          aid_total_minor: 2000n,
          total_minor: 3000n,
          member_count: 1n,
          weight_total: 1n,
          share_total_minor: 3000n,
          capped_total_minor: 0n,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const scheduled = await t.store.db
      .transaction()
      .execute((trx) => scheduleAidPayoutIn(trx, { claim_id: claim.claim_id, cycle_id: cycle.id, plan_id: 'critical-illness', amount_minor: 2000n, actor: 'system:cycle', at: now }));

    const due = await get('/api/payouts?plan_id=critical-illness&status=due', auditor);
    expect(due.statusCode, due.body).toBe(200);
    expect(due.json().payouts).toEqual([
      {
        id: scheduled.payout_id.toString(),
        case_number: claim.case_number,
        plan_id: 'critical-illness',
        cycle_id: cycle.id.toString(),
        cycle_code: 'critical-illness-1',
        amount_minor: '2000',
        currency: 'CNY',
        status: 'due',
        attempts: '0',
        attempt_limit: '5',
        next_attempt_at: now,
        last_failure_reason: null,
        created_at: now,
        paid_at: null,
        attempt_history: [],
      },
    ]);
    expect(due.body).not.toContain(patientName);
    expect(due.body).not.toContain('华山医院');
    expect((await get('/api/payouts', member)).statusCode).toBe(403);
    expect((await get('/api/payouts', undefined)).statusCode).toBe(401);
    expect((await get('/api/payouts?status=lost', operator)).statusCode).toBe(400);

    // The share is still being collected; the operator's advance pays the aid meanwhile.
    const first = await runBackgroundJobs(t.context);
    expect(first).toMatchObject({ aid_payouts_sent: 1, aid_payouts_uncovered: 0 });
    const paid = (await get('/api/payouts?status=paid', operator)).json().payouts;
    expect(paid).toEqual([expect.objectContaining({ id: scheduled.payout_id.toString(), status: 'paid', attempts: '1', paid_at: now })]);
    expect(paid[0].attempt_history).toEqual([{ attempt: '1', status: 'succeeded', failure_reason: null, created_at: now, settled_at: now }]);
    expect((await t.store.db.selectFrom('claims').select('state').where('id', '=', claim.claim_id).executeTakeFirstOrThrow()).state).toBe('paid');
    await runBackgroundJobs(t.context);
    const statement = (await get('/api/plans/critical-illness/advances', operator)).json();
    expect(statement.outstanding_minor).toBe('0');
    expect(statement.entries.map((entry: { kind: string }) => entry.kind)).toContain('repayment');
    const repaid = statement.entries.filter((entry: { kind: string }) => entry.kind === 'repayment').reduce((total: bigint, entry: { amount_minor: string }) => total + BigInt(entry.amount_minor), 0n);
    expect(repaid).toBe(5000n);

    const retry = await post(`/api/payouts/${scheduled.payout_id}/retry`, operator, {});
    expect([retry.statusCode, retry.json().error.code]).toEqual([409, 'PAYOUT_NOT_FAILED']);
    const missing = await post('/api/payouts/999999/retry', operator, {});
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'PAYOUT_NOT_FOUND']);
    expect((await post(`/api/payouts/${scheduled.payout_id}/retry`, auditor, {})).statusCode).toBe(403);

    expect((await verifyJournal(t.store)).ok).toBe(true);
    for (const report of await reconcileFundingAccounts(t.store)) expect(report.ok).toBe(true);
  });

  it('requeues a payout whose attempt failed (now) and one whose attempts are used up (one more), once per Idempotency-Key', async () => {
    // A second claim of the member, scheduled in a second cycle and covered by an advance.
    const membership_id = BigInt(second.membership_id);
    const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = await submitClaim(t.context, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-20', hospital: '瑞金医院', files: [evidence] }, t.blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, claim.claim_id, 'user:reviewer');
    t.context.clock.set('2027-03-30T10:00:00.000Z');
    await endNotice(t.context, claim.claim_id, 'system');
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    const now = t.context.clock.now().toISOString();
    await createReceivables(t.context, 'critical-illness', 'cycle-2', [{ membership_id, amount_minor: 3000n }], '2027-12-01T00:00:00.000Z');
    const cycle = await t.store.db
      .insertInto('cycles')
      .values(cycleRowValues({ cycle_code: 'critical-illness-2', plan_id: 'critical-illness', sequence: 2n, funding_model: 'post_paid', snapshot_at: now, aid_total_minor: 2000n, total_minor: 3000n, member_count: 1n, weight_total: 1n, share_total_minor: 3000n, capped_total_minor: 0n }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const { payout_id } = await t.store.db
      .transaction()
      .execute((trx) => scheduleAidPayoutIn(trx, { claim_id: claim.claim_id, cycle_id: cycle.id, plan_id: 'critical-illness', amount_minor: 2000n, actor: 'system:cycle', at: now }));
    expect((await post('/api/plans/critical-illness/advances', operator, { amount_minor: '3000' })).statusCode).toBe(201);
    const url = `/api/payouts/${payout_id}/retry`;
    const listed = async () => (await get('/api/payouts?plan_id=critical-illness', auditor)).json().payouts.find((payout: { id: string }) => payout.id === payout_id.toString());
    /** One attempt through the provider, which refuses it. */
    const failOnce = async () => {
      t.gateway.forceOutcomes('failed');
      expect(await payDueAid(t.context, { plan_id: 'critical-illness' })).toMatchObject({ requested: 1 });
      await t.gateway.deliverPending();
    };

    // Due and never tried: nothing to requeue.
    expect((await post(url, operator, {})).json().error.code).toBe('PAYOUT_NOT_FAILED');
    await failOnce();
    const waiting = await listed();
    expect(waiting).toMatchObject({ status: 'due', attempts: '1', attempt_history: [{ attempt: '1', status: 'failed', created_at: now }] });
    expect(waiting.next_attempt_at > now).toBe(true);
    expect(waiting.attempt_history[0].failure_reason).not.toBeNull();

    // Its next try is tomorrow; requeued, it is due now. The same key answers the same, without a second change.
    const key = randomUUID();
    const requeue = () => t.app.inject({ method: 'POST', url, headers: { cookie: operator, 'idempotency-key': key }, payload: {} });
    const first = await requeue();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ payout: { id: payout_id.toString(), status: 'due', attempts: '1', attempt_limit: '5' } });
    expect((await listed()).next_attempt_at).toBe(now);
    const replay = await requeue();
    expect([replay.statusCode, replay.body]).toEqual([200, first.body]);
    // With another key: it waits for nothing now, so there is nothing to requeue.
    const again = await post(url, operator, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PAYOUT_NOT_FAILED']);
    expect((await post(url, auditor, {})).statusCode).toBe(403);

    // Every attempt fails: then it is failed, and a requeue allows one more attempt, which pays it.
    await failOnce();
    for (let attempt = 3; attempt <= 5; attempt += 1) {
      t.context.clock.set((await listed()).next_attempt_at);
      // Sessions expire over the days the clock moved: log in again.
      auditor = await t.login('audrey', 'auditor-password');
      await failOnce();
    }
    expect(await listed()).toMatchObject({ status: 'failed', attempts: '5', next_attempt_at: null });
    expect((await listed()).attempt_history.map((attempt: { status: string }) => attempt.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    const requeued = await post(url, operator, {});
    expect(requeued.json()).toEqual({ payout: { id: payout_id.toString(), status: 'due', attempts: '5', attempt_limit: '6' } });
    expect(await payDueAid(t.context, { plan_id: 'critical-illness' })).toMatchObject({ requested: 1 });
    await t.gateway.deliverPending();
    expect(await listed()).toMatchObject({ status: 'paid', attempts: '6' });
    expect((await get('/api/payouts?status=failed', operator)).json().payouts).toEqual([]);
    expect((await verifyJournal(t.store)).ok).toBe(true);
  });
});
