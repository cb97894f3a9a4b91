import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

/** A multipart/form-data claim: the fields and one PDF and one PNG. */
function claimForm(fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----huzhu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const files = [
    { name: 'report.pdf', type: 'application/pdf', bytes: Buffer.from(`%PDF-1.7\n${fields.illness_code}\n%%EOF`) },
    { name: 'scan.png', type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
  ];
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface QueueItem {
  claim_id: string;
  case_number: string;
  state: string;
  illness_code: string;
  age_at_diagnosis_years: number;
  days_waiting: number;
  assigned_to_user_id: string | null;
  assigned_to_name: string | null;
}

describeEachBackend('HTTP staff claims workbench', (dialect) => {
  let t: TestApp;
  const cookie = new Map<string, string>();
  let young: string;
  let old: string;
  let ivanId: string;
  const as = (who: string) => ({ cookie: cookie.get(who)! });
  const post = (who: string, url: string, payload: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url, headers: as(who), payload });
  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(who) });
  const queue = async (who: string, query: string): Promise<QueueItem[]> => {
    const response = await get(who, `/api/claims/queue${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().claims;
  };
  const submit = async (membership_id: string, illness_code: string, diagnosis_date: string) => {
    const body = claimForm({ membership_id, illness_code, diagnosis_date, hospital: '北京协和医院' });
    const response = await t.app.inject({ method: 'POST', url: '/api/claims', headers: { ...body.headers, ...as('member') }, payload: body.payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().claim_id as string;
  };

  /** Moves the clock and logs everyone in again (sessions last 12 hours). */
  const logins: Array<[string, string, string]> = [
    ['member', 'mei', 'member-password'],
    ['reviewer', 'ruth', 'ruth-password'],
    ['investigator', 'ivan', 'ivan-password'],
    ['other investigator', 'ivy', 'ivy-password'],
    ['operator', 'olivia', 'operator-password'],
    ['auditor', 'audrey', 'auditor-password'],
  ];
  const moveTo = async (at: string) => {
    t.context.clock.set(at);
    for (const [who, username, password] of logins) cookie.set(who, await t.login(username, password));
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    cookie.set('member', await t.login('mei', 'member-password'));
    const patient = await enrol(t, cookie.get('member')!, enrolBody('1990-05-17', 1));
    const elder = await enrol(t, cookie.get('member')!, enrolBody('1970-02-03', 2, { person: { relationship: 'parent' } }));
    await t.userWithRoles('ruth', ['reviewer']);
    await t.userWithRoles('ivan', ['investigator']);
    await t.userWithRoles('ivy', ['investigator']);
    ivanId = (await t.store.db.selectFrom('users').select('id').where('username', '=', 'ivan').executeTakeFirstOrThrow()).id.toString();
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(t.context)).toBe(2);
    await moveTo('2027-03-15T10:00:00.000Z');
    young = await submit(patient.membership_id, 'CI-01', '2027-03-10');
    await moveTo('2027-03-20T10:00:00.000Z');
    old = await submit(elder.membership_id, 'CI-02', '2027-03-18');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('filters the queue by illness, age at diagnosis, days waiting and assignee, and counts per state with one query', async () => {
    await moveTo('2027-03-22T10:00:00.000Z');
    expect((await queue('reviewer', '')).map((claim) => [claim.claim_id, claim.age_at_diagnosis_years, claim.days_waiting])).toEqual([
      [young, 36, 7],
      [old, 57, 2],
    ]);
    expect((await queue('reviewer', '?illness_code=CI-02')).map((claim) => claim.claim_id)).toEqual([old]);
    expect((await queue('reviewer', '?age_from=40&age_to=130')).map((claim) => claim.claim_id)).toEqual([old]);
    expect((await queue('reviewer', '?age_to=39')).map((claim) => claim.claim_id)).toEqual([young]);
    expect((await queue('reviewer', '?min_days_waiting=3')).map((claim) => claim.claim_id)).toEqual([young]);
    expect((await queue('reviewer', '?min_days_waiting=8')).map((claim) => claim.claim_id)).toEqual([]);
    expect(outcome(await get('reviewer', '/api/claims/queue?age_from=abc'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await get('reviewer', '/api/claims/queue?assigned_to=nobody'))).toEqual([400, 'VALIDATION_FAILED']);

    const seen = (await get('reviewer', `/api/claims/${young}`)).json().claim.state_changed_at;
    expect((await post('reviewer', `/api/claims/${young}/start-review`, { expected_state_changed_at: seen })).json().claim.state).toBe('in_review');
    const reviewing = (await get('reviewer', `/api/claims/${young}`)).json().claim.state_changed_at;
    await post('reviewer', `/api/claims/${young}/investigation`, { investigator_user_id: ivanId, expected_state_changed_at: reviewing });
    expect((await queue('reviewer', `?assigned_to=${ivanId}`)).map((claim) => [claim.claim_id, claim.assigned_to_name])).toEqual([[young, 'ivan']]);
    expect((await queue('reviewer', '?assigned_to=unassigned')).map((claim) => claim.claim_id)).toEqual([old]);
    // The investigator's scope holds whatever she asks for.
    expect((await queue('investigator', '?assigned_to=unassigned')).map((claim) => claim.claim_id)).toEqual([young]);
    expect((await queue('investigator', '?state=investigating')).map((claim) => claim.days_waiting)).toEqual([0]);

    expect((await get('reviewer', '/api/claims/queue/counts')).json()).toEqual({ counts: { submitted: 1, investigating: 1 }, total: 2 });
    expect((await get('reviewer', '/api/claims/queue/counts?age_from=40')).json()).toEqual({ counts: { submitted: 1 }, total: 1 });
    expect((await get('other investigator', '/api/claims/queue/counts')).json()).toEqual({ counts: {}, total: 0 });
    expect(outcome(await get('member', '/api/claims/queue/counts'))).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('lists the investigators for reviewers, names only', async () => {
    const response = await get('reviewer', '/api/claims/investigators');
    expect(response.json()).toEqual({ investigators: [{ user_id: ivanId, display_name: 'ivan' }, { user_id: expect.any(String), display_name: 'ivy' }] });
    for (const who of ['investigator', 'operator', 'member']) expect(outcome(await get(who, '/api/claims/investigators'))).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('gives the workbench the rule checks with their figures, the membership history and the investigation', async () => {
    const claim = (await get('reviewer', `/api/claims/${old}`)).json().claim;
    expect(claim.checks.map((check: { code: string; pass: boolean }) => [check.code, check.pass])).toEqual([
      ['covered_at_diagnosis', true],
      ['waiting_period_over', true],
      ['within_claim_window', true],
      ['illness_covered', true],
      ['aid_limit', true],
      ['age_band', true],
    ]);
    expect(claim.checks.find((check: { code: string }) => check.code === 'age_band').figures).toEqual({ age_at_diagnosis_years: 57, band_min_age_years: 40, band_max_age_years: 130, aid_minor: '10000000' });
    expect(claim.checks.find((check: { code: string }) => check.code === 'within_claim_window').figures).toMatchObject({ days_since_diagnosis: 2, claim_window_days: 180 });
    expect(claim.membership.history.map((entry: { to_status: string }) => entry.to_status)).toEqual(['waiting', 'active']);
    expect(claim).toMatchObject({ appeal: null, fraud_finding: null, person: { name_masked: expect.stringContaining('*') } });
    const assigned = (await get('investigator', `/api/claims/${young}`)).json().claim;
    expect(assigned.investigations).toMatchObject([{ investigator_user_id: ivanId, investigator_name: 'ivan', findings: null }]);
  });

  it('keeps staff notes: writers by role, auditors read, bounded text, the investigator on her claims only', async () => {
    const notes = `/api/claims/${young}/notes`;
    const added = await post('reviewer', notes, { body: '  请向医院核实病理报告。 ' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().note).toMatchObject({ author_name: 'ruth', body: '请向医院核实病理报告。', created_at: '2027-03-22T10:00:00.000Z' });
    expect((await post('investigator', notes, { body: 'Hospital called; report confirmed.' })).statusCode).toBe(201);
    expect(outcome(await post('auditor', notes, { body: 'x' }))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await post('other investigator', notes, { body: 'x' }))).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect(outcome(await post('reviewer', notes, { body: '   ' }))).toEqual([422, 'CLAIM_NOTE_BAD_TEXT']);
    expect(outcome(await post('reviewer', notes, { body: 'x'.repeat(2001) }))).toEqual([422, 'CLAIM_NOTE_BAD_TEXT']);
    const read = (await get('auditor', notes)).json();
    expect(read.notes.map((note: { author_name: string }) => note.author_name)).toEqual(['ruth', 'ivan']);
    const first = (await get('auditor', `${notes}?limit=1`)).json();
    expect(first.notes).toHaveLength(1);
    expect((await get('auditor', `${notes}?after=${first.next_after}`)).json().notes.map((note: { body: string }) => note.body)).toEqual(['Hospital called; report confirmed.']);
    expect(outcome(await get('member', notes))).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('sends evidence inline to reviewers and the assigned investigator, with nosniff and a narrow CSP', async () => {
    const claim = (await get('reviewer', `/api/claims/${young}`)).json().claim;
    const [pdf, png] = claim.evidence as Array<{ sha256: string }>;
    const inline = await get('investigator', `/api/claims/${young}/evidence/${pdf!.sha256}?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe(`inline; filename="${pdf!.sha256}.pdf"`);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(String(inline.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(inline.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    const image = await get('reviewer', `/api/claims/${young}/evidence/${png!.sha256}?inline=1`);
    expect([image.headers['content-type'], image.headers['content-disposition']]).toEqual(['image/png', `inline; filename="${png!.sha256}.png"`]);
    expect((await get('reviewer', `/api/claims/${young}/evidence/${png!.sha256}`)).headers['content-disposition']).toMatch(/^attachment;/);
    for (const who of ['operator', 'auditor', 'member']) expect(outcome(await get(who, `/api/claims/${young}/evidence/${pdf!.sha256}?inline=1`))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get('other investigator', `/api/claims/${young}/evidence/${pdf!.sha256}?inline=1`))).toEqual([404, 'CLAIM_NOT_FOUND']);
    // The pages that frame it allow same-origin frames only.
    const page = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(String(page.headers['content-security-policy'])).toContain("frame-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("object-src 'none'");
  });

  it('refuses a decision made on an older view of the claim with 409 CLAIM_CHANGED and the current state', async () => {
    const url = `/api/claims/${young}`;
    const seen = (await get('investigator', url)).json().claim.state_changed_at;
    await moveTo('2027-03-23T10:00:00.000Z');
    expect((await post('investigator', `${url}/findings`, { findings: 'Confirmed.', recommendation: 'approve', expected_state_changed_at: seen })).json().claim.state).toBe('in_review');
    const stale = await post('reviewer', `${url}/reject`, { reason_code: 'INSUFFICIENT_EVIDENCE', reason_text: 'No report.', expected_state_changed_at: seen });
    expect(outcome(stale)).toEqual([409, 'CLAIM_CHANGED']);
    expect(stale.json().error.details).toMatchObject({ state: 'in_review', state_changed_at: '2027-03-23T10:00:00.000Z' });
    const events = await t.store.db.selectFrom('claim_events').select('event').where('claim_id', '=', BigInt(young)).orderBy('id').execute();
    expect(events.at(-1)?.event).toBe('record_findings');
    await moveTo('2027-03-24T10:00:00.000Z');
    expect((await post('reviewer', `${url}/approve-for-notice`, { expected_state_changed_at: '2027-03-23T10:00:00.000Z' })).json().claim.state).toBe('approved_for_notice');
    expect(outcome(await post('reviewer', `${url}/publish-notice`, { expected_state_changed_at: '2027-03-23T10:00:00.000Z' }))).toEqual([409, 'CLAIM_CHANGED']);
  });
  it('lets a reviewer decide an appeal: refused unless appealed, by reviewers only, on the current view; the rejection made final with the reason in the claim history', async () => {
    const url = `/api/claims/${old}`;
    const stateOf = async () => (await get('reviewer', url)).json().claim as { state: string; state_changed_at: string };
    await moveTo('2027-03-25T10:00:00.000Z');
    await post('reviewer', `${url}/start-review`, { expected_state_changed_at: (await stateOf()).state_changed_at });
    expect(outcome(await post('reviewer', `${url}/appeal/decision`, { decision: 'close_rejection', reason: 'Too early.' }))).toEqual([409, 'CLAIM_NOT_APPEALED']);
    await post('reviewer', `${url}/reject`, { reason_code: 'INSUFFICIENT_EVIDENCE', reason_text: 'No pathology report.', expected_state_changed_at: (await stateOf()).state_changed_at });
    expect((await post('member', `${url}/appeal`, { reason: 'The pathology report is attached now.' })).statusCode).toBe(200);
    const appealed = await stateOf();
    expect(appealed.state).toBe('appealed');
    for (const who of ['auditor', 'investigator', 'member']) {
      expect(outcome(await post(who, `${url}/appeal/decision`, { decision: 'refer_to_jury', reason: 'x' })), who).toEqual([403, 'AUTH_FORBIDDEN']);
    }
    expect(outcome(await post('reviewer', `${url}/appeal/decision`, { decision: 'refer_to_jury', reason: '' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await post('reviewer', `${url}/appeal/decision`, { decision: 'refer_to_jury', reason: 'Stale.', expected_state_changed_at: '2027-03-01T00:00:00.000Z' }))).toEqual([409, 'CLAIM_CHANGED']);
    const decided = await post('reviewer', `${url}/appeal/decision`, { decision: 'close_rejection', reason: 'The report does not show a covered illness.', expected_state_changed_at: appealed.state_changed_at });
    expect(decided.json().claim.state).toBe('rejected_final');
    const last = await t.store.db.selectFrom('claim_events').select(['event', 'reason']).where('claim_id', '=', BigInt(old)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ event: 'close_rejection', reason: 'Appeal dismissed: the rejection is final: The report does not show a covered illness.' });
    expect(outcome(await post('reviewer', `${url}/appeal/decision`, { decision: 'refer_to_jury', reason: 'Again.' }))).toEqual([409, 'CLAIM_NOT_APPEALED']);
    // A step sent with no body at all (older API clients) is read, not refused as malformed.
    const bodiless = await t.app.inject({ method: 'POST', url: `${url}/start-review`, headers: as('reviewer') });
    expect(outcome(bodiless)).toEqual([409, 'CLAIM_BAD_TRANSITION']);
  });
});
