import { afterEach, beforeEach, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { submitClaim } from '../../src/services/claims/index.js';
import { assignComplaint, fileComplaint, replyToComplaint, respondToComplaint } from '../../src/services/complaints/complaint-actions.js';
import { complaintStatistics, getComplaint, listComplaintQueue, listOwnComplaints } from '../../src/services/complaints/complaint-queries.js';
import { escalateOverdueComplaints } from '../../src/services/complaints/escalate-overdue.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { publicOperatorInfoOf, saveOperatorInfo } from '../../src/services/operator-info.js';
import { insertPendingPayments } from '../../src/services/payments/payment-rows.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { codeOf } from '../support/rejection-code.js';
import { rowCounts } from '../support/table-counts.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const complaintTables = ['complaints', 'complaint_events', 'notifications'] as const;
const text = '这次理赔审核太慢，请说明原因。The review is too slow.';

describeEachBackend('complaints', (dialect) => {
  let context: TestContext;
  let mei: bigint;
  let lin: bigint;
  let operator: bigint;
  let admin: bigint;
  let reviewer: bigint;
  let meiClaim: bigint;
  let linClaim: bigint;

  async function user(username: string, roles: string): Promise<bigint> {
    const row = await context.store.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: 'x', roles, created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeEach(async () => {
    context = await testContext(dialect);
    await ensureSamplePlans(context);
    mei = await user('mei', 'member');
    lin = await user('lin', 'member');
    operator = await user('olivia', 'operator');
    admin = await user('ada', 'admin');
    reviewer = await user('rui', 'reviewer');
    const enrolled = await enrolMembers(context, [
      { plan_id: 'critical-illness', payer_user_id: mei, person: personBornOn('1990-05-17', 1), answers: noToAll },
      { plan_id: 'critical-illness', payer_user_id: lin, person: personBornOn('1985-01-01', 2), answers: noToAll },
    ]);
    const [meiMembership, linMembership] = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint];
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    context.clock.set('2027-03-15T10:00:00.000Z');
    const blobs = new MemoryBlobStore();
    const file = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = (membership_id: bigint) => submitClaim(context, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [file] }, blobs);
    meiClaim = (await claim(meiMembership)).claim_id;
    linClaim = (await claim(linMembership)).claim_id;
  });
  afterEach(async () => context.store.close());

  it('files, assigns, answers and takes the reply, keeping the whole trail', async () => {
    const filed = await fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: meiClaim, text });
    expect(filed).toMatchObject({ state: 'filed', response_days: 15n, deadline_at: '2027-03-30T10:00:00.000Z', owner_user_id: null });
    expect(filed.subject_label).toMatch(/^C[0-9A-Z]{12}$/);
    await assignComplaint(context, filed.id, reviewer, operator);
    expect(await codeOf(replyToComplaint(context, filed.id, { reply: 'accept' }, mei))).toBe('COMPLAINT_NOT_RESPONDED');
    context.clock.set('2027-03-17T10:00:00.000Z');
    const answered = await respondToComplaint(context, filed.id, { outcome: 'partly_upheld', outcome_text: '审核已加快。' }, reviewer);
    expect(answered).toMatchObject({ state: 'responded', outcome: 'partly_upheld', owner_user_id: reviewer, responded_at: '2027-03-17T10:00:00.000Z' });
    expect(await codeOf(respondToComplaint(context, filed.id, { outcome: 'rejected', outcome_text: 'again' }, reviewer))).toBe('COMPLAINT_BAD_TRANSITION');
    expect(await codeOf(replyToComplaint(context, filed.id, { reply: 'accept' }, lin))).toBe('COMPLAINT_NOT_FOUND');
    const replied = await replyToComplaint(context, filed.id, { reply: 'dispute', reply_text: '仍然不满意' }, mei);
    expect(replied).toMatchObject({ state: 'disputed', reply: 'dispute', reply_text: '仍然不满意' });
    expect(await codeOf(replyToComplaint(context, filed.id, { reply: 'accept' }, mei))).toBe('COMPLAINT_ALREADY_REPLIED');
    const view = await getComplaint(context, filed.id, { user_id: mei, staff: false });
    expect(view.events.map((event) => event.event)).toEqual(['filed', 'assigned', 'responded', 'replied']);
    expect(view.events[0]).not.toHaveProperty('actor');
    expect(await listOwnComplaints(context, mei)).toHaveLength(1);
    expect(await listOwnComplaints(context, lin)).toEqual([]);
    expect(await codeOf(getComplaint(context, filed.id, { user_id: lin, staff: false }))).toBe('COMPLAINT_NOT_FOUND');
    const told = await context.store.db.selectFrom('notifications').select(['user_id', 'kind']).where('kind', '=', 'complaint_responded').execute();
    expect(told).toEqual([{ user_id: mei, kind: 'complaint_responded' }]);
  });

  it('refuses a complaint about someone else’s claim, or one that does not exist, alike, and writes nothing', async () => {
    const before = await rowCounts(context.store, complaintTables);
    expect(await codeOf(fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: linClaim, text }))).toBe('COMPLAINT_NOT_YOURS');
    expect(await codeOf(fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: 999_999n, text }))).toBe('COMPLAINT_NOT_YOURS');
    expect(await codeOf(fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'payment', subject_id: 1n, text }))).toBe('COMPLAINT_NOT_YOURS');
    expect(await codeOf(fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: meiClaim, text: 'too short' }))).toBe('COMPLAINT_BAD_TEXT');
    expect(await rowCounts(context.store, complaintTables)).toEqual(before);
  });

  it('names a payment by its amount and day, as the member\'s bills show it, never by the provider\'s reference', async () => {
    const membership = await context.store.db.selectFrom('memberships').select('id').where('payer_user_id', '=', mei).executeTakeFirstOrThrow();
    const [payment_id] = await context.store.db.transaction().execute((trx) =>
      insertPendingPayments(trx, [
        { reference: 'collection:1:0123456789abcdef', kind: 'collection', membership_id: membership.id, share_charge_id: null, amount_minor: 1_234n, currency: 'CNY', created_at: '2027-03-12T08:00:00.000Z' },
      ]),
    );
    const filed = await fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'payment', subject_id: payment_id!, text });
    expect(filed.subject_label).toBe('12.34 CNY · 2027-03-12');
    expect(await codeOf(fileComplaint(context, { filed_by_user_id: lin, subject_kind: 'payment', subject_id: payment_id!, text }))).toBe('COMPLAINT_NOT_YOURS');
  });

  it('assigns only to active operators or reviewers', async () => {
    const filed = await fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: meiClaim, text });
    expect(await codeOf(assignComplaint(context, filed.id, lin, operator))).toBe('COMPLAINT_OWNER_NOT_STAFF');
    expect(await codeOf(assignComplaint(context, 424242n, reviewer, operator))).toBe('COMPLAINT_NOT_FOUND');
  });

  it('escalates at the deadline, not before, exactly once, telling the operators and admins', async () => {
    const filed = await fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: meiClaim, text });
    await assignComplaint(context, filed.id, reviewer, operator);
    context.clock.set('2027-03-30T09:59:59.999Z');
    expect(await escalateOverdueComplaints(context)).toEqual({ escalated: 0 });
    expect((await listComplaintQueue(context, { overdue: true, limit: 10 })).map((row) => row.id)).toEqual([]);
    context.clock.set('2027-03-30T10:00:00.000Z');
    const jobs = await runBackgroundJobs(context);
    expect(jobs.complaints_escalated).toBe(1);
    context.clock.set('2027-04-02T10:00:00.000Z');
    expect(await escalateOverdueComplaints(context)).toEqual({ escalated: 0 });
    expect((await runBackgroundJobs(context)).complaints_escalated).toBe(0);
    const row = await context.store.db.selectFrom('complaints').select(['escalated_at', 'state']).where('id', '=', filed.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ escalated_at: '2027-03-30T10:00:00.000Z', state: 'assigned' });
    const events = await context.store.db.selectFrom('complaint_events').select('event').where('complaint_id', '=', filed.id).where('event', '=', 'escalated').execute();
    expect(events).toHaveLength(1);
    const told = await context.store.db.selectFrom('notifications').select('user_id').where('kind', '=', 'complaint_escalated').orderBy('user_id').execute();
    expect(told.map((entry) => entry.user_id)).toEqual([operator, admin].sort((a, b) => (a < b ? -1 : 1)));
    const overdue = await listComplaintQueue(context, { overdue: true, limit: 10 });
    expect(overdue.map((entry) => [entry.id, entry.overdue])).toEqual([[filed.id, true]]);
  });

  it('keeps the deadline promised at filing when the setting changes, and reports response times', async () => {
    await saveOperatorInfo(
      context,
      {
        operator_name: '互助示范平台',
        licence_number: 'HZ-2027-0001',
        supervisor: '地方金融监督管理局',
        custodian_bank: '示范银行',
        custodian_account: '6222 0000 1111 2345',
        complaint_phone: '400-000-0000',
        complaint_email: 'complaints@example.org',
        complaint_response_days: 5,
      },
      admin,
    );
    expect(await publicOperatorInfoOf(context.store.db)).toMatchObject({ custodian_account_masked: '**** **** 2345', complaint_response_days: 5 });
    const first = await fileComplaint(context, { filed_by_user_id: mei, subject_kind: 'claim', subject_id: meiClaim, text });
    expect(first.deadline_at).toBe('2027-03-20T10:00:00.000Z');
    const second = await fileComplaint(context, { filed_by_user_id: lin, subject_kind: 'claim', subject_id: linClaim, text });
    context.clock.set('2027-03-16T10:00:00.000Z');
    await respondToComplaint(context, first.id, { outcome: 'upheld', outcome_text: 'ok' }, operator);
    context.clock.set('2027-03-25T10:00:00.000Z');
    await respondToComplaint(context, second.id, { outcome: 'rejected', outcome_text: 'no' }, operator);
    const stats = await complaintStatistics(context, { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' });
    expect(stats).toMatchObject({ filed: 2, by_state: { responded: 2, filed: 0 }, responded_within_deadline: 1 });
    expect(stats.response_time).toEqual({ responded: 2, median_ms: 86_400_000, p95_ms: 10 * 86_400_000, max_ms: 10 * 86_400_000 });
    // A plan's figures count its own members' complaints only.
    const period = { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' };
    expect(await complaintStatistics(context, period, 'critical-illness')).toEqual(stats);
    expect(await complaintStatistics(context, period, 'senior-cancer')).toMatchObject({ filed: 0, escalated: 0, responded_within_deadline: 0, response_time: { responded: 0 } });
    expect(await codeOf(complaintStatistics(context, { from: '2027-04-01T00:00:00.000Z', to: '2027-03-01T00:00:00.000Z' }))).toBe('COMPLAINT_BAD_PERIOD');
  });
});
