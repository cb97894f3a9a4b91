import { afterAll, beforeAll, expect, it } from 'vitest';
import { submitClaim } from '../../src/services/claims/index.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { rowCounts } from '../support/table-counts.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

const complaintTables = ['complaints', 'complaint_events', 'notifications', 'idempotency_requests'] as const;
const text = '这次理赔审核太慢，请说明原因。The review is too slow.';

const operatorInfo = {
  operator_name: '互助合作社',
  licence_number: 'HZ-2026-0001',
  supervisor: '上海市地方金融监督管理局',
  custodian_bank: '中国工商银行上海分行',
  custodian_account: '6222 0210 0100 1234 5678',
  complaint_phone: '+86 21 5555 0100',
  complaint_email: 'complaints@huzhu.example',
  complaint_response_days: 10,
};

describeEachBackend('HTTP complaints and operator details', (dialect) => {
  let t: TestApp;
  const cookie = new Map<string, string>();
  let meiClaim: string;
  let mingClaim: string;
  let complaintId: string;
  let keySequence = 0;

  function send(method: 'GET' | 'POST' | 'PUT', url: string, who: string | undefined, payload?: Record<string, unknown>, key?: string) {
    const headers: Record<string, string> = {};
    if (who !== undefined) headers.cookie = cookie.get(who)!;
    if (method === 'POST' && url === '/api/complaints') headers['idempotency-key'] = key ?? `complaint-${(keySequence += 1)}`;
    return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  }

  const counts = () => rowCounts(t.store, complaintTables);

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    await t.userWithRoles('ming', ['member']);
    await t.userWithRoles('ruth', ['reviewer']);
    await t.userWithRoles('ivan', ['investigator']);
    const mei = await enrol(t, await t.login('mei', 'member-password'), enrolBody('1990-05-17', 1));
    const ming = await enrol(t, await t.login('ming', 'ming-password'), enrolBody('1985-01-01', 2));
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    const file = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = async (membership_id: string) =>
      (await submitClaim(t.context, { membership_id: BigInt(membership_id), submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [file] }, t.blobs)).claim_id.toString();
    meiClaim = await claim(mei.membership_id);
    mingClaim = await claim(ming.membership_id);
    // Sessions are counted from the clock: log in at the new time.
    for (const [who, username, password] of [
      ['member', 'mei', 'member-password'],
      ['second member', 'ming', 'ming-password'],
      ['reviewer', 'ruth', 'ruth-password'],
      ['investigator', 'ivan', 'ivan-password'],
      ['operator', 'olivia', 'operator-password'],
      ['auditor', 'audrey', 'auditor-password'],
      ['admin', 'admin', adminPassword],
    ] as const) {
      cookie.set(who, await t.login(username, password));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every complaint and operator route in the OpenAPI document', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
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
      ]),
    );
  });

  it('a complaint about another member’s claim, or a missing one, is 404 COMPLAINT_NOT_YOURS and writes nothing', async () => {
    const before = await counts();
    for (const subject_id of [mingClaim, '999999']) {
      const response = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id, text });
      expect([response.statusCode, response.json().error.code]).toEqual([404, 'COMPLAINT_NOT_YOURS']);
    }
    const short = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id: meiClaim, text: 'too short' });
    expect([short.statusCode, short.json().error.code, short.json().error.details.field]).toEqual([400, 'COMPLAINT_BAD_TEXT', 'text']);
    expect(await counts()).toEqual(before);
    expect((await send('POST', '/api/complaints', undefined, { subject_kind: 'claim', subject_id: meiClaim, text })).statusCode).toBe(401);
  });

  it('a member files a complaint about their own claim; a replay with the same key files it once', async () => {
    const before = await counts();
    const first = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id: meiClaim, text }, 'file-once');
    expect(first.statusCode, first.body).toBe(201);
    const complaint = first.json().complaint;
    complaintId = complaint.complaint_id;
    expect(complaint).toMatchObject({ subject_kind: 'claim', subject_id: meiClaim, state: 'filed', overdue: false, assigned: false, response_days: 15, deadline_at: '2027-03-30T10:00:00.000Z' });
    expect(complaint).not.toHaveProperty('owner_user_id');
    const replay = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id: meiClaim, text }, 'file-once');
    expect([replay.statusCode, replay.body, replay.headers['idempotent-replayed']]).toEqual([201, first.body, 'true']);
    const other = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id: meiClaim, text: `${text} Again.` }, 'file-once');
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const after = await counts();
    expect(after.complaints).toBe(before.complaints! + 1);
    expect(after.complaint_events).toBe(before.complaint_events! + 1);
    const mine = (await send('GET', '/api/complaints/mine', 'member')).json().complaints;
    expect(mine.map((row: { complaint_id: string }) => row.complaint_id)).toEqual([complaintId]);
  });

  it('another member, an investigator and an auditor cannot see or touch it; staff can', async () => {
    for (const who of ['second member', 'investigator', 'auditor']) {
      const response = await send('GET', `/api/complaints/${complaintId}`, who);
      expect([who, response.statusCode, response.json().error.code]).toEqual([who, 404, 'COMPLAINT_NOT_FOUND']);
    }
    expect((await send('GET', '/api/complaints/mine', 'second member')).json().complaints).toEqual([]);
    for (const who of ['member', 'second member', 'investigator', 'auditor']) {
      expect([who, (await send('GET', '/api/complaints', who)).statusCode]).toEqual([who, 403]);
      expect([who, (await send('POST', `/api/complaints/${complaintId}/assign`, who, { owner_user_id: '1' })).statusCode]).toEqual([who, 403]);
      expect([who, (await send('POST', `/api/complaints/${complaintId}/respond`, who, { outcome: 'upheld', outcome_text: 'x' })).statusCode]).toEqual([who, 403]);
      expect([who, (await send('GET', '/api/complaints/owners', who)).statusCode]).toEqual([who, 403]);
    }
    const before = await counts();
    const reply = await send('POST', `/api/complaints/${complaintId}/reply`, 'second member', { reply: 'accept' });
    expect([reply.statusCode, reply.json().error.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    expect(await counts()).toEqual(before);
    for (const who of ['reviewer', 'operator', 'admin']) {
      const response = await send('GET', `/api/complaints/${complaintId}`, who);
      expect([who, response.statusCode]).toEqual([who, 200]);
      expect(response.json().complaint.events[0]).toMatchObject({ event: 'filed', actor: expect.stringMatching(/^user:\d+$/) });
    }
  });

  it('staff see the queue with filters, assign, and respond once; the member replies once, after the response', async () => {
    const tooEarly = await send('POST', `/api/complaints/${complaintId}/reply`, 'member', { reply: 'accept' });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'COMPLAINT_NOT_RESPONDED']);

    const queue = await send('GET', '/api/complaints?owner=unassigned&state=filed', 'reviewer');
    expect(queue.json().complaints.map((row: { complaint_id: string }) => row.complaint_id)).toEqual([complaintId]);
    expect((await send('GET', '/api/complaints?overdue=true', 'reviewer')).json().complaints).toEqual([]);
    expect((await send('GET', '/api/complaints?overdue=maybe', 'reviewer')).statusCode).toBe(400);

    const owners = (await send('GET', '/api/complaints/owners', 'operator')).json().owners as Array<{ user_id: string; display_name: string }>;
    const ruth = owners.find((owner) => owner.display_name === 'ruth')!;
    expect(owners.map((owner) => owner.display_name)).not.toContain('ivan');
    const ivan = await t.store.db.selectFrom('users').select('id').where('username', '=', 'ivan').executeTakeFirstOrThrow();
    const notStaff = await send('POST', `/api/complaints/${complaintId}/assign`, 'operator', { owner_user_id: ivan.id.toString() });
    expect([notStaff.statusCode, notStaff.json().error.code]).toEqual([422, 'COMPLAINT_OWNER_NOT_STAFF']);

    const assigned = await send('POST', `/api/complaints/${complaintId}/assign`, 'operator', { owner_user_id: ruth.user_id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().complaint).toMatchObject({ state: 'assigned', owner_user_id: ruth.user_id, owner_name: 'ruth' });
    expect((await send('GET', '/api/complaints?owner=me', 'reviewer')).json().complaints).toHaveLength(1);

    const responded = await send('POST', `/api/complaints/${complaintId}/respond`, 'reviewer', { outcome: 'partly_upheld', outcome_text: '审核已加快。We sped up the review.' });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json().complaint).toMatchObject({ state: 'responded', outcome: 'partly_upheld' });
    const again = await send('POST', `/api/complaints/${complaintId}/respond`, 'operator', { outcome: 'upheld', outcome_text: 'Again' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'COMPLAINT_BAD_TRANSITION']);

    const seen = (await send('GET', `/api/complaints/${complaintId}`, 'member')).json().complaint;
    expect(seen).toMatchObject({ state: 'responded', outcome: 'partly_upheld', assigned: true });
    expect(seen).not.toHaveProperty('owner_user_id');
    expect(seen.events.map((event: { event: string }) => event.event)).toEqual(['filed', 'assigned', 'responded']);
    for (const event of seen.events) expect(event).not.toHaveProperty('actor');

    const replied = await send('POST', `/api/complaints/${complaintId}/reply`, 'member', { reply: 'dispute', reply_text: 'Still too slow.' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().complaint).toMatchObject({ state: 'disputed', reply: 'dispute', reply_text: 'Still too slow.' });
    const before = await counts();
    const twice = await send('POST', `/api/complaints/${complaintId}/reply`, 'member', { reply: 'accept' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'COMPLAINT_ALREADY_REPLIED']);
    expect(await counts()).toEqual(before);
  });

  it('the operator details: admin only, each save a version with who saved it, the public sees the account masked', async () => {
    expect((await send('GET', '/api/public/operator', undefined)).json()).toEqual({ operator: null });
    for (const who of ['member', 'operator', 'reviewer', 'auditor']) {
      expect([who, (await send('GET', '/api/settings/operator', who)).statusCode]).toEqual([who, 403]);
      expect([who, (await send('PUT', '/api/settings/operator', who, operatorInfo)).statusCode]).toEqual([who, 403]);
    }
    const bad = await send('PUT', '/api/settings/operator', 'admin', { ...operatorInfo, complaint_email: 'not an address' });
    expect([bad.statusCode, bad.json().error.code, bad.json().error.details.field]).toEqual([400, 'OPERATOR_INFO_BAD_FIELD', 'complaint_email']);
    expect((await send('GET', '/api/settings/operator', 'admin')).json()).toEqual({ current: null, history: [] });

    const saved = await send('PUT', '/api/settings/operator', 'admin', operatorInfo);
    expect(saved.statusCode, saved.body).toBe(200);
    const changed = await send('PUT', '/api/settings/operator', 'admin', { ...operatorInfo, licence_number: 'HZ-2026-0002' });
    expect(changed.statusCode, changed.body).toBe(200);
    const settings = (await send('GET', '/api/settings/operator', 'admin')).json();
    expect(settings.current).toMatchObject({ ...operatorInfo, licence_number: 'HZ-2026-0002', changed_at: '2027-03-15T10:00:00.000Z' });
    expect(settings.history.map((version: { licence_number: string }) => version.licence_number)).toEqual(['HZ-2026-0002', 'HZ-2026-0001']);
    const admin = await t.store.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(new Set(settings.history.map((version: { changed_by_user_id: string }) => version.changed_by_user_id))).toEqual(new Set([admin.id.toString()]));
    expect(new Set(settings.history.map((version: { changed_by_name: string }) => version.changed_by_name))).toEqual(new Set([admin.display_name]));

    const shown = await send('GET', '/api/public/operator', undefined);
    expect(shown.json().operator).toEqual({
      ...Object.fromEntries(Object.entries(operatorInfo).filter(([field]) => field !== 'custodian_account')),
      licence_number: 'HZ-2026-0002',
      custodian_account_masked: '**** **** 5678',
      changed_at: '2027-03-15T10:00:00.000Z',
    });
    expect(shown.body).not.toContain('0100 1234');

    // A complaint filed now gets the new response deadline.
    const filed = await send('POST', '/api/complaints', 'member', { subject_kind: 'claim', subject_id: meiClaim, text });
    expect(filed.json().complaint).toMatchObject({ response_days: 10, deadline_at: '2027-03-25T10:00:00.000Z' });
  });
});
