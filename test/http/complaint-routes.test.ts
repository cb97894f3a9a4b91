import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { rowCounts } from '../support/table-counts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

const complaintTables = ['complaints', 'complaint_events', 'notifications'] as const;
const text = '充值到账太慢，请说明原因。The top-up took too long.';

const operatorInfo = {
  operator_name: '互助合作社',
  licence_number: 'HZ-2026-0001',
  supervisor: '上海市地方金融监督管理局',
  custodian_bank: '招商银行上海分行',
  custodian_account: '6225 8801 2345 6789',
  complaint_phone: '+86 21 5555 0100',
  complaint_email: 'complaints@huzhu.example',
  complaint_response_days: 15,
};

describeEachBackend('HTTP complaints and the operator’s licence details', (dialect) => {
  let t: TestApp;
  let mei: string;
  let lin: string;
  let operator: string;
  let auditor: string;
  let admin: string;
  let meiPayment: string;
  let linPayment: string;
  let keys = 0;

  const get = (cookie: string | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
  const post = (cookie: string, url: string, payload: Record<string, unknown>, key?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...(key === undefined ? {} : { 'idempotency-key': key }) }, payload });
  const file = (cookie: string, subject_id: string, body = text) => post(cookie, '/api/complaints', { subject_kind: 'payment', subject_id, text: body }, `file-${++keys}`);

  /** A prepaid membership paid for by this user, topped up once: its top-up is the subject complained about. */
  async function toppedUp(cookie: string, sequence: number): Promise<string> {
    const membership = await enrol(t, cookie, enrolBody('1960-03-03', sequence, { plan_id: 'senior-cancer' }));
    const { payment_id } = await requestTopUp(t.context, BigInt(membership.membership_id), 5000n);
    await t.gateway.deliverPending();
    return payment_id.toString();
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    mei = await t.login('mei', 'member-password');
    lin = await t.userWithRoles('lin', ['member']);
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    admin = await t.userWithRoles('ada', ['admin']);
    meiPayment = await toppedUp(mei, 1);
    linPayment = await toppedUp(lin, 2);
  });
  afterAll(async () => t?.close());

  it('offers a member only their own subjects, and refuses another member’s with nothing written', async () => {
    const subjects = (await get(mei, '/api/complaints/subjects')).json().subjects as Array<{ kind: string; subject_id: string }>;
    expect(subjects.filter((entry) => entry.kind === 'payment').map((entry) => entry.subject_id)).toEqual([meiPayment]);
    expect(subjects.some((entry) => entry.kind === 'decision')).toBe(true);
    const before = await rowCounts(t.store, complaintTables);
    const refused = await file(mei, linPayment);
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'COMPLAINT_NOT_YOURS']);
    const short = await file(mei, meiPayment, 'too short');
    expect([short.statusCode, short.json().error.code]).toEqual([400, 'COMPLAINT_BAD_TEXT']);
    expect(await rowCounts(t.store, complaintTables)).toEqual(before);
    expect((await get(undefined, '/api/complaints/mine')).statusCode).toBe(401);
  });

  it('files once per key, hides it from another member, and lets staff assign, answer and the member reply once', async () => {
    const key = 'file-once';
    const filed = await post(mei, '/api/complaints', { subject_kind: 'payment', subject_id: meiPayment, text }, key);
    expect(filed.statusCode, filed.body).toBe(201);
    const complaint = filed.json().complaint;
    expect(complaint).toMatchObject({ state: 'filed', subject_kind: 'payment', response_days: 15, overdue: false, escalated: false });
    const replay = await post(mei, '/api/complaints', { subject_kind: 'payment', subject_id: meiPayment, text }, key);
    expect([replay.statusCode, replay.headers['idempotent-replayed'], replay.json().complaint.complaint_id]).toEqual([201, 'true', complaint.complaint_id]);
    expect((await get(mei, '/api/complaints/mine')).json().complaints.map((entry: { complaint_id: string }) => entry.complaint_id)).toContain(complaint.complaint_id);

    const url = `/api/complaints/${complaint.complaint_id}`;
    expect([(await get(lin, url)).statusCode, (await get(lin, url)).json().error.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    expect((await get(lin, '/api/complaints/mine')).json().complaints).toEqual([]);
    const early = await post(mei, `${url}/reply`, { reply: 'accept' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'COMPLAINT_NOT_RESPONDED']);

    for (const [cookie, path] of [[mei, '/api/complaints'], [mei, '/api/complaints/owners'], [lin, `${url}/assign`]] as const) {
      const response = path.endsWith('assign') ? await post(cookie, path, { owner_user_id: '1' }) : await get(cookie, path);
      expect(response.statusCode, path).toBe(403);
    }
    const queue = (await get(auditor, '/api/complaints?overdue=false')).json().complaints;
    expect(queue.map((entry: { complaint_id: string }) => entry.complaint_id)).toContain(complaint.complaint_id);
    expect((await post(auditor, `${url}/respond`, { outcome: 'upheld', outcome_text: 'x' })).statusCode).toBe(403);

    const owners = (await get(operator, '/api/complaints/owners')).json().owners as Array<{ user_id: string; display_name: string }>;
    const olivia = owners.find((owner) => owner.display_name === 'Operator Olivia')!;
    expect(owners.some((owner) => owner.display_name === 'Auditor Audrey')).toBe(false);
    const assigned = await post(operator, `${url}/assign`, { owner_user_id: olivia.user_id });
    expect(assigned.json().complaint).toMatchObject({ state: 'assigned', owner_user_id: olivia.user_id, owner_name: 'Operator Olivia' });
    const answered = await post(operator, `${url}/respond`, { outcome: 'partly_upheld', outcome_text: '到账延迟是银行原因，已退还手续费。' });
    expect(answered.json().complaint).toMatchObject({ state: 'responded', outcome: 'partly_upheld' });
    expect((await post(operator, `${url}/respond`, { outcome: 'rejected', outcome_text: 'again' })).statusCode).toBe(409);

    const memberView = (await get(mei, url)).json().complaint;
    expect(memberView).not.toHaveProperty('owner_user_id');
    expect(memberView.events.every((event: Record<string, unknown>) => !('actor' in event))).toBe(true);
    expect((await post(lin, `${url}/reply`, { reply: 'accept' })).statusCode).toBe(404);
    const replied = await post(mei, `${url}/reply`, { reply: 'dispute', reply_text: '手续费之外还有利息损失。' });
    expect(replied.json().complaint).toMatchObject({ state: 'disputed', reply: 'dispute' });
    const again = await post(mei, `${url}/reply`, { reply: 'accept' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'COMPLAINT_ALREADY_REPLIED']);
    expect((await get(operator, url)).json().complaint.events.map((event: { event: string }) => event.event)).toEqual(['filed', 'assigned', 'responded', 'replied']);
  });

  it('keeps the licence details for admins, versioned, and shows the public only the masked account', async () => {
    expect((await get(undefined, '/api/public/operator')).json()).toEqual({ operator: null });
    for (const cookie of [operator, auditor, mei]) expect((await t.app.inject({ method: 'PUT', url: '/api/settings/operator', headers: { cookie }, payload: operatorInfo })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/settings/operator', headers: { cookie: admin }, payload: { ...operatorInfo, complaint_email: 'nobody' } });
    expect([bad.statusCode, bad.json().error.code, bad.json().error.details.field]).toEqual([400, 'OPERATOR_INFO_BAD_FIELD', 'complaint_email']);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/settings/operator', headers: { cookie: admin }, payload: operatorInfo });
    expect(saved.json().current).toMatchObject({ licence_number: 'HZ-2026-0001', custodian_account: '6225 8801 2345 6789' });
    await t.app.inject({ method: 'PUT', url: '/api/settings/operator', headers: { cookie: admin }, payload: { ...operatorInfo, complaint_response_days: 10 } });
    const settings = (await get(admin, '/api/settings/operator')).json();
    expect([settings.current.complaint_response_days, settings.history.length]).toEqual([10, 2]);
    const shown = (await get(undefined, '/api/public/operator')).json().operator;
    expect(shown).toMatchObject({ licence_number: 'HZ-2026-0001', custodian_account_masked: '**** **** 6789', complaint_response_days: 10 });
    expect(JSON.stringify(shown)).not.toContain('2345');
    // A complaint filed now gets the new deadline.
    expect((await file(mei, meiPayment)).json().complaint.response_days).toBe(10);
  });
});
