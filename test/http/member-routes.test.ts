import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/test-stores.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome, tableCounts } from './member-fixtures.js';

describeEachBackend('HTTP members', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;
  let other: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
    admin = await t.login('admin', adminPassword);
    other = await t.userWithRoles('ming', ['member']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const request = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: cookie === undefined ? {} : { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  it('enrols the user and a family member they pay for, and shows them masked in /api/members/me', async () => {
    const self = await enrol(t, member, enrolBody('1990-05-17', 1, { person: { name: '吴晓漫', phone: '+86 138-1234-5678' } }));
    expect(self).toMatchObject({ status: 'waiting', waiting_until: '2027-02-26' });
    expect(self.member_code).toMatch(/^M[0-9A-Z]{12}$/);
    const mother = await enrol(t, member, enrolBody('1962-08-08', 2, { plan_id: 'senior-cancer', person: { name: '李秀英', relationship: 'parent' } }));

    const me = await request('GET', '/api/members/me', member);
    expect(me.statusCode, me.body).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    type Person = { person_id: string; name_masked: string; phone_masked: string; id_number_masked: string; relationship: string; memberships: unknown[] };
    const persons: Person[] = me.json().persons;
    expect(persons.map((person) => [person.person_id, person.name_masked, person.phone_masked, person.relationship])).toEqual([
      [self.person_id, '吴*漫', '138****5678', 'self'],
      [mother.person_id, '李*英', '138****0002', 'parent'],
    ]);
    expect(persons[0]!.id_number_masked).toMatch(/^110\*{11}\d{3}[\dX]$/);
    expect(persons[1]!.memberships).toEqual([
      expect.objectContaining({
        membership_id: mother.membership_id,
        member_code: mother.member_code,
        plan_id: 'senior-cancer',
        status: 'waiting',
        funding_model: 'prepaid',
        age_at_join_years: 64,
        events: [expect.objectContaining({ event: 'joined', from_status: null, to_status: 'waiting' })],
      }),
    ]);
    expect(me.body).not.toContain('birth_date');
    expect((await request('GET', '/api/members/me', other)).json()).toEqual({ persons: [] });
  });

  it('refuses bad enrolments with the core codes and writes nothing', async () => {
    await enrol(t, member, enrolBody('1991-01-01', 3));
    const before = await tableCounts(t.store);
    const cases: Array<[unknown, string | undefined, number, string]> = [
      [enrolBody('1950-01-01', 4), member, 422, 'MEMBER_AGE_OUT_OF_RANGE'],
      [enrolBody('1975-01-01', 4, { plan_id: 'senior-cancer' }), member, 422, 'MEMBER_AGE_OUT_OF_RANGE'],
      [enrolBody('1991-02-01', 4, { answers: { 'HQ-CANCER': true, 'HQ-HEART': false, 'HQ-HOSPITAL': false, 'HQ-CLAIM': false } }), member, 422, 'MEMBER_EXCLUDED_CONDITION'],
      [enrolBody('1991-02-01', 4, { answers: { 'HQ-CANCER': false } }), member, 400, 'MEMBER_DECLARATION_INCOMPLETE'],
      [enrolBody('1991-02-01', 4, { person: { id_number: '110105199102010041' } }), member, 400, 'MEMBER_BAD_ID_NUMBER'],
      [enrolBody('1991-02-01', 4, { person: { id_number: '1101051991' } }), member, 400, 'MEMBER_BAD_ID_NUMBER'],
      [enrolBody('1991-02-01', 4, { person: { birth_date: '1991-02-02' } }), member, 400, 'MEMBER_ID_MISMATCH'],
      [enrolBody('1991-02-01', 4, { person: { phone: '12345' } }), member, 400, 'MEMBER_BAD_PHONE'],
      [enrolBody('1991-02-01', 4, { person: { province: 'Atlantis' } }), member, 400, 'MEMBER_BAD_PROVINCE'],
      [enrolBody('1991-02-01', 4, { person: { name: 'X' } }), member, 400, 'MEMBER_BAD_NAME'],
      [enrolBody('1991-02-01', 4, { person: { birth_date: '1991-2-1' } }), member, 400, 'MEMBER_BAD_BIRTH_DATE'],
      [enrolBody('1991-01-01', 3), member, 409, 'MEMBER_DUPLICATE_IDENTITY'],
      [enrolBody('1991-01-01', 3), other, 409, 'MEMBER_DUPLICATE_IDENTITY'],
      [enrolBody('1991-02-01', 4, { plan_id: 'no-such-plan' }), member, 404, 'PLAN_NOT_FOUND'],
      [enrolBody('1991-02-01', 4, { person: { gender: 'other' } }), member, 400, 'VALIDATION_FAILED'],
      [enrolBody('1991-02-01', 4, { person: { relationship: 'neighbour' } }), member, 400, 'VALIDATION_FAILED'],
      [enrolBody('1991-02-01', 4, { answers: { 'HQ-CANCER': 'no' } }), member, 400, 'VALIDATION_FAILED'],
      [enrolBody('1991-02-01', 4), undefined, 401, 'AUTH_REQUIRED'],
    ];
    for (const [payload, cookie, status, code] of cases) {
      const response = await request('POST', '/api/members/enrol', cookie, payload);
      expect(outcome(response), JSON.stringify(payload)).toEqual([status, code]);
      expect(response.body).not.toContain('110105');
    }
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('lets the payer withdraw and rejoin with a new waiting period; others get 404, not 403', async () => {
    const first = await enrol(t, member, enrolBody('1988-07-07', 5));
    const before = await tableCounts(t.store);
    expect(outcome(await request('POST', `/api/members/persons/${first.person_id}/join`, member, { plan_id: 'critical-illness', answers: enrolBody('1988-07-07', 5).answers }))).toEqual([
      409,
      'MEMBER_ALREADY_JOINED',
    ]);
    expect(outcome(await request('POST', `/api/memberships/${first.membership_id}/withdraw`, other, {}))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await request('POST', `/api/memberships/${first.membership_id}/withdraw`, operator, {}))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    const unknownMembership = await request('POST', '/api/memberships/999999/withdraw', member, {});
    expect(outcome(unknownMembership)).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    const othersPerson = await request('POST', `/api/members/persons/${first.person_id}/join`, other, { plan_id: 'critical-illness', answers: {} });
    const unknownPerson = await request('POST', '/api/members/persons/999999/join', other, { plan_id: 'critical-illness', answers: {} });
    expect(outcome(othersPerson)).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect(othersPerson.json().error.message.replace(first.person_id, 'N')).toBe(unknownPerson.json().error.message.replace('999999', 'N'));
    expect(await tableCounts(t.store)).toEqual(before);

    // Three days later (a new login: sessions last 12 hours).
    t.context.clock.set('2026-12-01T09:00:00.000Z');
    const later = await t.login('mei', 'member-password');
    try {
      const withdrawn = await request('POST', `/api/memberships/${first.membership_id}/withdraw`, later, { reason: 'Moving abroad' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json().membership).toMatchObject({ status: 'withdrawn', status_changed_at: '2026-12-01T09:00:00.000Z' });
      expect(withdrawn.json().membership.events.map((event: { event: string; reason: string; actor: string }) => [event.event, event.reason, event.actor])).toEqual([
        ['joined', 'Joined the plan', 'member'],
        ['member_withdrew', 'Moving abroad', 'member'],
      ]);
      const counts = await tableCounts(t.store);
      expect(outcome(await request('POST', `/api/memberships/${first.membership_id}/withdraw`, later))).toEqual([409, 'MEMBERSHIP_BAD_TRANSITION']);
      expect(await tableCounts(t.store)).toEqual(counts);

      const rejoined = await request('POST', `/api/members/persons/${first.person_id}/join`, later, { plan_id: 'critical-illness', answers: enrolBody('1988-07-07', 5).answers });
      expect(rejoined.statusCode, rejoined.body).toBe(201);
      expect(rejoined.json()).toMatchObject({ person_id: first.person_id, status: 'waiting', waiting_until: '2027-03-01' });
      expect(rejoined.json().member_code).not.toBe(first.member_code);
      const person = (await request('GET', '/api/members/me', later)).json().persons.find((entry: { person_id: string }) => entry.person_id === first.person_id);
      expect(person.memberships.map((membership: { status: string }) => membership.status)).toEqual(['waiting', 'withdrawn']);
      expect(
        outcome(await request('POST', `/api/members/persons/${first.person_id}/join`, later, { plan_id: 'senior-cancer', answers: { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false } })),
      ).toEqual([422, 'MEMBER_AGE_OUT_OF_RANGE']);
    } finally {
      t.context.clock.set('2026-11-28T10:00:00.000Z');
    }
  });

  it('lists memberships for operators and auditors with masked data, keyset-paged and filtered', async () => {
    await enrol(t, other, enrolBody('1993-03-03', 6));
    const all: Array<{ membership_id: string; person: Record<string, unknown> }> = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response = await request('GET', `/api/memberships?limit=2${after === null ? '' : `&after=${after}`}`, page % 2 === 0 ? operator : auditor);
      expect(response.statusCode, response.body).toBe(200);
      all.push(...response.json().memberships);
      after = response.json().next_after;
      if (after === null) break;
    }
    const total = (await tableCounts(t.store)).memberships!;
    expect(all).toHaveLength(total);
    expect(all.map((membership) => Number(membership.membership_id))).toEqual([...all.map((membership) => Number(membership.membership_id))].sort((a, b) => a - b));
    expect(all[0]!.person).toEqual(expect.objectContaining({ name_masked: '吴*漫', phone_masked: '138****5678' }));
    for (const membership of all) expect(Object.keys(membership.person).sort()).toEqual(['created_at', 'demo', 'gender', 'id_number_masked', 'name_masked', 'person_id', 'phone_masked', 'province', 'relationship']);

    const senior = await request('GET', '/api/memberships?plan_id=senior-cancer', operator);
    expect(senior.json().memberships.map((membership: { plan_id: string }) => membership.plan_id)).toEqual(['senior-cancer']);
    const withdrawn = await request('GET', '/api/memberships?status=withdrawn', auditor);
    expect(withdrawn.json().memberships.every((membership: { status: string }) => membership.status === 'withdrawn')).toBe(true);
    expect(withdrawn.json().memberships.length).toBeGreaterThan(0);
    expect(withdrawn.json().next_after).toBeNull();

    expect(outcome(await request('GET', '/api/memberships', member))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await request('GET', '/api/memberships'))).toEqual([401, 'AUTH_REQUIRED']);
    expect(outcome(await request('GET', '/api/memberships?status=sleeping', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await request('GET', '/api/memberships?limit=0', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await request('GET', '/api/memberships?after=99999999999999999999', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await request('GET', '/api/memberships?after=9223372036854775808', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect((await request('GET', '/api/memberships?after=9223372036854775807', operator)).json()).toEqual({ memberships: [], next_after: null });
  });

  it('shows one membership to staff and to its payer only', async () => {
    const mine = await enrol(t, member, enrolBody('1994-04-04', 7));
    for (const cookie of [operator, auditor, member]) {
      const response = await request('GET', `/api/memberships/${mine.membership_id}`, cookie);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().membership).toMatchObject({ membership_id: mine.membership_id, member_code: mine.member_code, person: { person_id: mine.person_id }, events: [{ event: 'joined' }] });
    }
    expect(outcome(await request('GET', `/api/memberships/${mine.membership_id}`, other))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await request('GET', '/api/memberships/987654321', operator))).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(outcome(await request('GET', '/api/memberships/abc', operator))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('terminates a membership for fraud (operator only) with the reason in its history', async () => {
    const target = await enrol(t, other, enrolBody('1995-05-05', 8));
    const before = await tableCounts(t.store);
    const refusals: Array<[string, string | undefined, unknown, number, string]> = [
      [target.membership_id, auditor, { reason: 'Forged records' }, 403, 'AUTH_FORBIDDEN'],
      [target.membership_id, other, { reason: 'Forged records' }, 403, 'AUTH_FORBIDDEN'],
      [target.membership_id, undefined, { reason: 'Forged records' }, 401, 'AUTH_REQUIRED'],
      [target.membership_id, operator, { reason: '  ' }, 400, 'VALIDATION_FAILED'],
      [target.membership_id, operator, {}, 400, 'VALIDATION_FAILED'],
      ['123456789', operator, { reason: 'Forged records' }, 404, 'MEMBERSHIP_NOT_FOUND'],
    ];
    for (const [id, cookie, payload, status, code] of refusals) {
      expect(outcome(await request('POST', `/api/memberships/${id}/terminate`, cookie, payload)), JSON.stringify(payload)).toEqual([status, code]);
    }
    expect(await tableCounts(t.store)).toEqual(before);

    const terminated = await request('POST', `/api/memberships/${target.membership_id}/terminate`, operator, { reason: 'Forged hospital records' });
    expect(terminated.statusCode, terminated.body).toBe(200);
    expect(terminated.json().membership.status).toBe('terminated');
    expect(terminated.json().membership.events.at(-1)).toMatchObject({ event: 'fraud_found', from_status: 'waiting', to_status: 'terminated', reason: 'Forged hospital records', actor: expect.stringMatching(/^operator:\d+$/) });
    const after = await tableCounts(t.store);
    expect(outcome(await request('POST', `/api/memberships/${target.membership_id}/terminate`, operator, { reason: 'Again' }))).toEqual([409, 'MEMBERSHIP_BAD_TRANSITION']);
    expect(outcome(await request('POST', `/api/memberships/${target.membership_id}/withdraw`, other))).toEqual([409, 'MEMBERSHIP_BAD_TRANSITION']);
    expect(await tableCounts(t.store)).toEqual(after);
    const seen = (await request('GET', '/api/members/me', other)).json().persons.find((person: { person_id: string }) => person.person_id === target.person_id);
    expect(seen.memberships[0].status).toBe('terminated');
  });

  it('reveals full personal data to an admin only', async () => {
    const body = enrolBody('1996-06-06', 9, { person: { name: '欧阳修文', phone: '13912345678' } });
    const enrolled = await enrol(t, member, body);
    const response = await request('GET', `/api/admin/persons/${enrolled.person_id}?reason=${encodeURIComponent('Checking a claim')}`, admin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().read_id).toMatch(/^\d+$/);
    expect(response.json().person).toEqual({
      person_id: enrolled.person_id,
      name: '欧阳修文',
      id_number: body.person.id_number,
      phone: '13912345678',
      birth_date: '1996-06-06',
      gender: body.person.gender,
      province: '北京',
      relationship: 'self',
      payer_user_id: expect.stringMatching(/^\d+$/),
      created_at: '2026-11-28T10:00:00.000Z',
      membership_ids: [enrolled.membership_id],
    });
    for (const cookie of [operator, auditor, member]) expect(outcome(await request('GET', `/api/admin/persons/${enrolled.person_id}?reason=Checking`, cookie))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await request('GET', '/api/admin/persons/55555555?reason=Checking', admin))).toEqual([404, 'MEMBER_NOT_FOUND']);
  });
});
