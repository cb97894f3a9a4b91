import { afterEach, beforeEach, expect, it } from 'vitest';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

describeEachBackend('HTTP user administration and personal-data reads', (dialect) => {
  let t: TestApp;
  let admin: string;
  let operator: string;

  beforeEach(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    admin = await t.login('admin', adminPassword);
    operator = await t.login('olivia', 'operator-password');
  });
  afterEach(async () => t.close());

  const request = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: cookie === undefined ? {} : { cookie }, ...(payload === undefined ? {} : { payload }) });
  const idOf = async (username: string) => (await t.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id.toString();

  it('lists users paged with a search by username, to admins only', async () => {
    for (const name of ['rev-ana', 'rev-bo', 'inv-cai', 'a_b']) await t.userWithRoles(name, ['reviewer']);
    const first = await request('GET', '/api/users?limit=3', admin);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().users.map((user: { username: string }) => user.username)).toEqual(['admin', 'olivia', 'audrey']);
    const second = await request('GET', `/api/users?limit=3&after=${first.json().next_after}`, admin);
    expect(second.json().users.map((user: { username: string }) => user.username)).toEqual(['mei', 'rev-ana', 'rev-bo']);
    const last = await request('GET', `/api/users?limit=3&after=${second.json().next_after}`, admin);
    expect(last.json()).toMatchObject({ next_after: null });
    expect(last.json().users.map((user: { username: string }) => user.username)).toEqual(['inv-cai', 'a_b']);
    const found = await request('GET', '/api/users?search=REV', admin);
    expect(found.json().users.map((user: { username: string }) => user.username)).toEqual(['rev-ana', 'rev-bo']);
    // LIKE's wildcards are literal: "_" finds the one name holding it, not every name.
    expect((await request('GET', '/api/users?search=_', admin)).json().users.map((user: { username: string }) => user.username)).toEqual(['a_b']);
    for (const cookie of [operator, await t.login('mei', 'member-password')]) expect(outcome(await request('GET', '/api/users', cookie))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await request('GET', '/api/users'))).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('changes roles, validated, effective on the next request; an admin cannot de-admin themselves', async () => {
    const cookie = await t.userWithRoles('rita', ['reviewer']);
    const rita = await idOf('rita');
    expect(outcome(await request('GET', '/api/ledger/accounts', cookie))).toEqual([403, 'AUTH_FORBIDDEN']);
    const changed = await request('POST', `/api/users/${rita}/roles`, admin, { roles: ['auditor', 'reviewer', 'auditor'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().user).toMatchObject({ username: 'rita', roles: ['reviewer', 'auditor'], disabled: false });
    expect((await request('GET', '/api/ledger/accounts', cookie)).statusCode).toBe(200);
    expect(outcome(await request('POST', `/api/users/${rita}/roles`, admin, { roles: ['king'] }))).toEqual([422, 'AUTH_BAD_ROLE']);
    expect(outcome(await request('POST', `/api/users/${rita}/roles`, admin, { roles: [] }))).toEqual([422, 'AUTH_BAD_ROLE']);
    expect(outcome(await request('POST', '/api/users/999999/roles', admin, { roles: ['member'] }))).toEqual([404, 'USER_NOT_FOUND']);
    expect(outcome(await request('POST', `/api/users/${rita}/roles`, operator, { roles: ['admin'] }))).toEqual([403, 'AUTH_FORBIDDEN']);

    const self = await idOf('admin');
    expect(outcome(await request('POST', `/api/users/${self}/roles`, admin, { roles: ['operator'] }))).toEqual([403, 'USER_SELF_PROTECTED']);
    // Keeping admin while adding a role is fine.
    expect((await request('POST', `/api/users/${self}/roles`, admin, { roles: ['admin', 'auditor'] })).json().user.roles).toEqual(['auditor', 'admin']);
  });

  it('disabling ends the user’s sessions and blocks login; enabling lets them in again; never yourself', async () => {
    const cookie = await t.userWithRoles('rita', ['reviewer']);
    const rita = await idOf('rita');
    expect((await request('GET', '/api/auth/me', cookie)).statusCode).toBe(200);
    const disabled = await request('POST', `/api/users/${rita}/disable`, admin);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().user.disabled).toBe(true);
    expect(await t.store.db.selectFrom('sessions').select('user_id').where('user_id', '=', BigInt(rita)).execute()).toEqual([]);
    expect(outcome(await request('GET', '/api/auth/me', cookie))).toEqual([401, 'AUTH_REQUIRED']);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'rita', password: 'rita-password' } });
    expect(outcome(login)).toEqual([403, 'AUTH_USER_DISABLED']);
    // Twice is harmless and keeps the first time.
    expect((await request('POST', `/api/users/${rita}/disable`, admin)).statusCode).toBe(200);
    expect(outcome(await request('POST', `/api/users/${rita}/disable`, operator))).toEqual([403, 'AUTH_FORBIDDEN']);

    const enabled = await request('POST', `/api/users/${rita}/enable`, admin);
    expect(enabled.json().user.disabled).toBe(false);
    expect((await t.login('rita', 'rita-password')).startsWith('huzhu_session=')).toBe(true);

    expect(outcome(await request('POST', `/api/users/${await idOf('admin')}/disable`, admin))).toEqual([403, 'USER_SELF_PROTECTED']);
    expect((await request('GET', '/api/auth/me', admin)).statusCode).toBe(200);
    expect(outcome(await request('POST', '/api/users/999999/disable', admin))).toEqual([404, 'USER_NOT_FOUND']);
  });

  it('reads full personal data only with a reason, writes each read to personal_data_reads, and lists them', async () => {
    const member = await t.login('mei', 'member-password');
    const enrolled = await enrol(t, member, enrolBody('1991-02-03', 7, { person: { name: '欧阳修文' } }));
    const url = `/api/admin/persons/${enrolled.person_id}`;
    expect(outcome(await request('GET', url, admin))).toEqual([400, 'PERSON_READ_REASON_REQUIRED']);
    expect(outcome(await request('GET', `${url}?reason=${encodeURIComponent('   ')}`, admin))).toEqual([400, 'PERSON_READ_REASON_REQUIRED']);
    expect(outcome(await request('GET', `${url}?reason=${'x'.repeat(501)}`, admin))).toEqual([400, 'PERSON_READ_REASON_TOO_LONG']);
    expect(await t.store.db.selectFrom('personal_data_reads').selectAll().execute()).toEqual([]);
    for (const cookie of [operator, member]) expect(outcome(await request('GET', `${url}?reason=Curious`, cookie))).toEqual([403, 'AUTH_FORBIDDEN']);

    // From the member code a reviewer gives to the person id, with no personal data on the way.
    const byCode = await request('GET', `/api/admin/persons/by-member-code?member_code=${enrolled.member_code}`, admin);
    expect(byCode.json()).toEqual({ person_id: enrolled.person_id, membership_id: enrolled.membership_id, member_code: enrolled.member_code });
    expect(outcome(await request('GET', '/api/admin/persons/by-member-code?member_code=MNOSUCHCODE00', admin))).toEqual([404, 'MEMBER_CODE_NOT_FOUND']);
    expect(outcome(await request('GET', '/api/admin/persons/by-member-code', admin))).toEqual([400, 'MEMBER_CODE_REQUIRED']);
    expect(outcome(await request('GET', `/api/admin/persons/by-member-code?member_code=${enrolled.member_code}`, operator))).toEqual([403, 'AUTH_FORBIDDEN']);

    const reason = '核实理赔 C123 的身份信息';
    const read = await request('GET', `${url}?reason=${encodeURIComponent(` ${reason} `)}&member_code=${enrolled.member_code}`, admin);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().person).toMatchObject({ person_id: enrolled.person_id, name: '欧阳修文' });
    const rows = await t.store.db.selectFrom('personal_data_reads').selectAll().execute();
    expect(rows).toEqual([
      { id: BigInt(read.json().read_id), reader_user_id: BigInt(await idOf('admin')), person_id: BigInt(enrolled.person_id), member_code: enrolled.member_code, reason, at: '2026-11-28T10:00:00.000Z' },
    ]);
    // A read of a person that does not exist writes nothing.
    expect(outcome(await request('GET', '/api/admin/persons/55555555?reason=Checking', admin))).toEqual([404, 'MEMBER_NOT_FOUND']);
    await request('GET', `${url}?reason=${encodeURIComponent('Second look')}`, admin);

    const log = await request('GET', '/api/admin/personal-data-reads?limit=1', admin);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().reads).toEqual([expect.objectContaining({ reader_username: 'admin', person_id: enrolled.person_id, member_code: null, reason: 'Second look' })]);
    const older = await request('GET', `/api/admin/personal-data-reads?limit=1&before=${log.json().next_before}`, admin);
    expect(older.json()).toEqual({
      reads: [{ id: read.json().read_id, at: '2026-11-28T10:00:00.000Z', reader_user_id: await idOf('admin'), reader_username: 'admin', person_id: enrolled.person_id, member_code: enrolled.member_code, reason }],
      next_before: null,
    });
    expect((await request('GET', `/api/admin/personal-data-reads?person_id=${enrolled.person_id}`, admin)).json().reads).toHaveLength(2);
    // The log holds who, whom, when and why: never the data read.
    expect(log.body + older.body).not.toContain('欧阳修文');
    expect(outcome(await request('GET', '/api/admin/personal-data-reads', operator))).toEqual([403, 'AUTH_FORBIDDEN']);
  });
});
