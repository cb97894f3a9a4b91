import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

interface Upload {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A multipart/form-data request body with text fields and files. */
function multipart(fields: Record<string, string>, files: readonly Upload[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----huzhu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const pdfBytes = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`);
const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const claimTables = ['claims', 'claim_events', 'claim_evidence', 'investigations', 'objections', 'fraud_findings', 'memberships', 'membership_events'] as const;

describeEachBackend('HTTP claims', (dialect) => {
  let t: TestApp;
  const cookie = new Map<string, string>();
  let patient: { membership_id: string };
  let spouse: { membership_id: string };
  let objector: { membership_id: string };
  let ivanId: string;
  let claimId: string;
  let caseNumber: string;
  let pdfSha: string;

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = { blobs: t.blobs.size };
    for (const table of claimTables) {
      const row = await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
      result[table] = Number(row.n);
    }
    return result;
  }

  async function loginAll(): Promise<void> {
    for (const [who, username, password] of [
      ['member', 'mei', 'member-password'],
      ['second member', 'ming', 'ming-password'],
      ['reviewer', 'ruth', 'ruth-password'],
      ['investigator', 'ivan', 'ivan-password'],
      ['other investigator', 'ivy', 'ivy-password'],
      ['operator', 'olivia', 'operator-password'],
      ['auditor', 'audrey', 'auditor-password'],
    ] as const) {
      cookie.set(who, await t.login(username, password));
    }
  }

  const as = (who: string | undefined) => (who === undefined ? {} : { cookie: cookie.get(who)! });
  const post = (who: string | undefined, url: string, payload: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url, headers: as(who), payload });
  const get = (who: string | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: as(who) });
  const submit = (who: string | undefined, fields: Record<string, string>, files: readonly Upload[]) => {
    const body = multipart(fields, files);
    return t.app.inject({ method: 'POST', url: '/api/claims', headers: { ...body.headers, ...as(who) }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    const mei = await t.login('mei', 'member-password');
    await t.userWithRoles('ming', ['member']);
    await t.userWithRoles('ruth', ['reviewer']);
    await t.userWithRoles('ivan', ['investigator']);
    await t.userWithRoles('ivy', ['investigator']);
    patient = await enrol(t, mei, enrolBody('1990-05-17', 1));
    spouse = await enrol(t, mei, enrolBody('1988-02-03', 2, { person: { relationship: 'spouse' } }));
    objector = await enrol(t, await t.login('ming', 'ming-password'), enrolBody('1985-01-01', 3));
    ivanId = (await t.store.db.selectFrom('users').select('id').where('username', '=', 'ivan').executeTakeFirstOrThrow()).id.toString();
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(t.context)).toBe(3);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    await loginAll();
  });
  afterAll(async () => {
    await t?.close();
  });

  const form = (overrides: Record<string, string> = {}) => ({ membership_id: patient.membership_id, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '北京协和医院', ...overrides });
  const pdf: Upload = { name: '吴晓漫_病理报告.pdf', type: 'application/pdf', bytes: pdfBytes('pathology') };
  const png: Upload = { name: 'scan.png', type: 'image/png', bytes: pngBytes };

  it('takes a multipart claim with a PDF, and refuses bad uploads with stable codes, writing nothing', async () => {
    const before = await counts();
    expect(outcome(await submit(undefined, form(), [pdf]))).toEqual([401, 'AUTH_REQUIRED']);
    // Someone else's membership is as good as missing.
    expect(outcome(await submit('second member', form(), [pdf]))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await submit('member', form(), [{ name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('hello') }]))).toEqual([415, 'CLAIM_FILE_TYPE_NOT_ALLOWED']);
    expect(outcome(await submit('member', form(), [{ name: 'report.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') }]))).toEqual([415, 'CLAIM_FILE_TYPE_NOT_ALLOWED']);
    const oversized = Buffer.concat([pdfBytes('big'), Buffer.alloc(10 * 1024 * 1024)]);
    expect(outcome(await submit('member', form(), [pdf, { name: 'big.pdf', type: 'application/pdf', bytes: oversized }]))).toEqual([413, 'CLAIM_FILE_TOO_LARGE']);
    expect(outcome(await submit('member', form(), []))).toEqual([422, 'CLAIM_NO_EVIDENCE']);
    expect(outcome(await submit('member', form({ diagnosis_date: 'last week' }), [pdf]))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await submit('member', form({ illness_code: 'CI-99' }), [pdf]))).toEqual([422, 'CLAIM_ILLNESS_NOT_COVERED']);
    expect(outcome(await post('member', '/api/claims', form()))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await counts()).toEqual(before);

    const created = await submit('member', form(), [pdf, png]);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ state: 'submitted', aid_minor: '30000000', age_at_diagnosis_years: 36, evidence_files: 2 });
    claimId = created.json().claim_id;
    caseNumber = created.json().case_number;
    pdfSha = (await t.store.db.selectFrom('claim_evidence').select('sha256').where('content_type', '=', 'application/pdf').executeTakeFirstOrThrow()).sha256;
    const afterOne = await counts();
    expect(outcome(await submit('member', form(), [pdf]))).toEqual([409, 'CLAIM_DUPLICATE']);
    expect(await counts()).toEqual(afterOne);

    const mine = (await get('member', '/api/claims/mine')).json();
    expect(mine.claims).toHaveLength(1);
    expect(mine.claims[0]).toMatchObject({ claim_id: claimId, case_number: caseNumber, state: 'submitted', aid_minor: '30000000', evidence_files: 2, events: [{ event: 'submit', to_state: 'submitted' }] });
    expect(Object.keys(mine.claims[0].events[0]).sort()).toEqual(['at', 'event', 'from_state', 'to_state']);
    expect((await get('second member', '/api/claims/mine')).json()).toEqual({ claims: [] });
  });

  it('lets each staff role do its steps only, scopes investigators, and keeps file names from operators', async () => {
    const url = `/api/claims/${claimId}`;
    expect(outcome(await post('member', `${url}/start-review`))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await post('operator', `${url}/start-review`))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await post('reviewer', '/api/claims/999999/start-review'))).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect((await post('reviewer', `${url}/start-review`)).json().claim.state).toBe('in_review');
    expect(outcome(await post('reviewer', `${url}/start-review`))).toEqual([409, 'CLAIM_BAD_TRANSITION']);

    expect(outcome(await get('member', '/api/claims/queue'))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect((await get('reviewer', '/api/claims/queue?state=in_review')).json().claims.map((claim: { case_number: string }) => claim.case_number)).toEqual([caseNumber]);
    expect((await get('reviewer', '/api/claims/queue?state=submitted')).json().claims).toEqual([]);
    expect((await get('investigator', '/api/claims/queue')).json().claims).toEqual([]);
    expect(outcome(await get('investigator', url))).toEqual([404, 'CLAIM_NOT_FOUND']);

    expect(outcome(await post('reviewer', `${url}/investigation`, { investigator_user_id: '1' }))).toEqual([404, 'CLAIM_INVESTIGATOR_NOT_FOUND']);
    expect((await post('reviewer', `${url}/investigation`, { investigator_user_id: ivanId })).json().claim.state).toBe('investigating');
    const ivanQueue = (await get('investigator', '/api/claims/queue')).json();
    expect(ivanQueue.claims).toMatchObject([{ case_number: caseNumber, assigned_to_user_id: ivanId, state: 'investigating' }]);
    // Another investigator's filter is ignored for an investigator: they see their own only.
    expect((await get('other investigator', `/api/claims/queue?assigned_to=${ivanId}`)).json().claims).toEqual([]);
    expect(outcome(await get('other investigator', url))).toEqual([404, 'CLAIM_NOT_FOUND']);

    const forInvestigator = (await get('investigator', url)).json().claim;
    expect(forInvestigator).toMatchObject({ hospital: '北京协和医院', person: { name_masked: '吴*漫' } });
    expect(forInvestigator.evidence.map((file: { file_name: string }) => file.file_name)).toEqual(['吴晓漫_病理报告.pdf', 'scan.png']);
    for (const who of ['operator', 'auditor']) {
      const response = await get(who, url);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('吴晓漫');
      expect(response.body).not.toContain('协和');
      expect(response.json().claim.evidence[0]).toMatchObject({ sha256: pdfSha, content_type: 'application/pdf', size_bytes: pdf.bytes.length });
    }
    expect(outcome(await get('member', url))).toEqual([403, 'AUTH_FORBIDDEN']);

    const file = await get('investigator', `${url}/evidence/${pdfSha}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf.bytes)).toBe(true);
    expect(String(file.headers['content-disposition'])).not.toContain('吴');
    expect(outcome(await get('operator', `${url}/evidence/${pdfSha}`))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get(undefined, `${url}/evidence/${pdfSha}`))).toEqual([401, 'AUTH_REQUIRED']);
    expect(outcome(await get('other investigator', `${url}/evidence/${pdfSha}`))).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect(outcome(await get('reviewer', `${url}/evidence/${'0'.repeat(64)}`))).toEqual([404, 'CLAIM_EVIDENCE_NOT_FOUND']);

    const before = await counts();
    expect(outcome(await post('other investigator', `${url}/findings`, { findings: 'x', recommendation: 'approve' }))).toEqual([422, 'CLAIM_NOT_ASSIGNED']);
    expect(outcome(await post('reviewer', `${url}/findings`, { findings: 'x', recommendation: 'approve' }))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await post('reviewer', `${url}/approve-for-notice`))).toEqual([409, 'CLAIM_BAD_TRANSITION']);
    expect(await counts()).toEqual(before);
    expect((await post('investigator', `${url}/findings`, { findings: 'Confirmed with the hospital.', recommendation: 'approve' })).json().claim.state).toBe('in_review');
    expect((await post('reviewer', `${url}/approve-for-notice`)).json().claim.state).toBe('approved_for_notice');
    expect(outcome(await post('member', `${url}/publish-notice`))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect((await post('operator', `${url}/publish-notice`)).json().claim).toMatchObject({ state: 'in_notice', notice_ends_at: '2027-03-22T10:00:00.000Z' });
  });

  it('takes objections from active members of the plan during the notice, and ends the notice', async () => {
    const objections = `/api/claims/${caseNumber}/objections`;
    const before = await counts();
    expect(outcome(await post('member', objections, { membership_id: objector.membership_id, reason: 'Not mine to raise' }))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await post('member', objections, { membership_id: patient.membership_id, reason: 'My own case' }))).toEqual([422, 'CLAIM_OBJECTOR_NOT_ELIGIBLE']);
    expect(outcome(await post('second member', '/api/claims/CAAAAAAAAAAAA/objections', { membership_id: objector.membership_id, reason: 'Which case?' }))).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect(await counts()).toEqual(before);
    const objected = await post('second member', objections, { membership_id: objector.membership_id, reason: 'I saw the patient running a marathon.' });
    expect(objected.statusCode, objected.body).toBe(201);
    const objectionId = objected.json().objection_id;
    expect(outcome(await post('second member', objections, { membership_id: objector.membership_id, reason: 'Again' }))).toEqual([409, 'CLAIM_OBJECTION_EXISTS']);

    const resolve = `/api/claims/${claimId}/objections/${objectionId}/resolve`;
    expect(outcome(await post('operator', resolve, { decision: 'dismiss', resolution: 'x' }))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await post('reviewer', `/api/claims/999999/objections/${objectionId}/resolve`, { decision: 'dismiss', resolution: 'x' }))).toEqual([404, 'CLAIM_OBJECTION_NOT_FOUND']);
    expect(outcome(await post('reviewer', resolve, { decision: 'shrug', resolution: 'x' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await post('reviewer', `/api/claims/${claimId}/end-notice`))).toEqual([422, 'CLAIM_OPEN_OBJECTIONS']);
    const resolved = (await post('reviewer', resolve, { decision: 'dismiss', resolution: 'The photo was from 2019.' })).json();
    expect(resolved).toMatchObject({ claim: { state: 'in_notice' }, objection: { objection_id: objectionId, status: 'dismissed' } });
    expect(outcome(await post('reviewer', resolve, { decision: 'uphold', resolution: 'again' }))).toEqual([409, 'CLAIM_OBJECTION_CLOSED']);
    expect(outcome(await post('reviewer', `/api/claims/${claimId}/end-notice`))).toEqual([422, 'CLAIM_NOTICE_NOT_OVER']);

    t.context.clock.set('2027-03-22T10:00:00.000Z');
    await loginAll();
    expect((await post('reviewer', `/api/claims/${claimId}/end-notice`)).json().claim.state).toBe('approved');
    const card = (await get(undefined, `/api/public/cases/${caseNumber}`)).json().case;
    expect(card).toMatchObject({ case_number: caseNumber, state: 'approved', name_masked: '吴*漫', aid_minor: '30000000' });
  });

  it('shows the audit trail to staff (an investigator only on her claims): who, when, what, before and after', async () => {
    const url = `/api/claims/${claimId}/audit`;
    expect(outcome(await get('member', url))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get('other investigator', url))).toEqual([404, 'CLAIM_NOT_FOUND']);
    for (const who of ['reviewer', 'investigator']) expect((await get(who, url)).statusCode).toBe(200);
    expect(outcome(await get('auditor', '/api/claims/999999/audit'))).toEqual([404, 'CLAIM_NOT_FOUND']);
    const events = (await get('auditor', url)).json().events;
    expect(events.map((entry: { event: string }) => entry.event)).toEqual(['submit', 'start_review', 'request_investigation', 'record_findings', 'approve_for_notice', 'publish_notice', 'object', 'dismiss_objection', 'end_notice']);
    expect(events[0]).toMatchObject({ before: null, after: { state: 'submitted', aid_minor: '30000000' }, actor: expect.stringMatching(/^user:\d+$/) });
    expect(events[5]).toMatchObject({ from_state: 'approved_for_notice', to_state: 'in_notice', before: { notice_ends_at: null }, after: { notice_ends_at: '2027-03-22T10:00:00.000Z' } });
    expect((await get('operator', url)).statusCode).toBe(200);
  });

  it('rejects with a listed reason, lets the payer appeal, and records fraud by an operator', async () => {
    const created = await submit('member', form({ membership_id: spouse.membership_id, illness_code: 'CI-02', diagnosis_date: '2027-03-12' }), [pdf]);
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/claims/${created.json().claim_id}`;
    await post('reviewer', `${url}/start-review`);
    expect(outcome(await post('reviewer', `${url}/reject`, { reason_code: 'FRAUD', reason_text: 'x' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await post('reviewer', `${url}/reject`, { reason_code: 'INSUFFICIENT_EVIDENCE', reason_text: '   ' }))).toEqual([422, 'CLAIM_BAD_TEXT']);
    expect((await post('reviewer', `${url}/reject`, { reason_code: 'INSUFFICIENT_EVIDENCE', reason_text: 'The pathology report is missing.' })).json().claim).toMatchObject({ state: 'rejected', rejection_code: 'INSUFFICIENT_EVIDENCE' });
    const mine = (await get('member', '/api/claims/mine')).json().claims;
    expect(mine[0]).toMatchObject({ state: 'rejected', rejection_code: 'INSUFFICIENT_EVIDENCE', rejection_text: 'The pathology report is missing.' });
    expect(JSON.stringify(mine)).not.toMatch(/ruth|user:/);

    expect(outcome(await post('second member', `${url}/appeal`, { reason: 'Not my claim' }))).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect((await post('member', `${url}/appeal`, { reason: 'The report is attached now.' })).json().claim.state).toBe('appealed');
    expect(outcome(await post('member', `${url}/appeal`, { reason: 'twice' }))).toEqual([409, 'CLAIM_BAD_TRANSITION']);

    expect(outcome(await post('reviewer', `${url}/fraud`, { finding: 'Concealed a 2024 diagnosis.' }))).toEqual([403, 'AUTH_FORBIDDEN']);
    const fraud = (await post('operator', `${url}/fraud`, { finding: 'Concealed a 2024 diagnosis.' })).json();
    expect(fraud).toMatchObject({ claim: { state: 'rejected_final', rejection_code: 'FRAUD' }, membership_status: 'terminated' });
    // A finally rejected case was never published: it is not public.
    expect(outcome(await get(undefined, `/api/public/cases/${created.json().case_number}`))).toEqual([404, 'CLAIM_NOT_FOUND']);
  });
});
