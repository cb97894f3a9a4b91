import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminPassword, startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

const plan_id = 'senior-cancer';
const offerBody = {
  successor_name: 'Successor Insurance Co.',
  product_name: 'Cancer cover 2027',
  description: 'Cancer insurance for the members of the closing plan, no new waiting period.',
  terms_url: 'https://successor.example.com/terms',
  consent_deadline: '2026-12-10',
};

describeEachBackend('HTTP transfer offer', (dialect) => {
  let t: TestApp;
  let operator: string;
  let member: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    admin = await t.login('admin', adminPassword);
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (cookie: string | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: cookie === undefined ? {} : { cookie }, ...(payload === undefined ? {} : { payload }) });

  it('an operator offers, the member consents (twice is the same), the public count and the admin-only audited CSV come after the deadline', async () => {
    const joined = await enrol(t, member, enrolBody('1960-03-03', 1, { plan_id }));
    const consentUrl = `/api/memberships/${joined.membership_id}/closure/transfer-consent`;
    const offerUrl = `/api/plans/${plan_id}/closure/transfer-offer`;
    const csvUrl = `/api/admin/plans/${plan_id}/closure/transfer-offer/consents.csv`;

    expect((await as(operator, 'POST', offerUrl, offerBody)).json().error.code).toBe('CLOSURE_NOT_FOUND');
    const announced = await as(operator, 'POST', `/api/plans/${plan_id}/closure`, { closure_date: testNow.slice(0, 10), last_cycles_paid_by: 'members' });
    expect(announced.statusCode, announced.body).toBe(201);

    // Roles: a member may not make the offer; a bad link is a 400; then one offer, a second is a conflict.
    expect((await as(member, 'POST', offerUrl, offerBody)).statusCode).toBe(403);
    expect((await as(undefined, 'POST', offerUrl, offerBody)).statusCode).toBe(401);
    const badLink = await as(operator, 'POST', offerUrl, { ...offerBody, terms_url: 'http://successor.example.com/terms' });
    expect([badLink.statusCode, badLink.json().error.code]).toEqual([400, 'TRANSFER_OFFER_BAD_URL']);
    const made = await as(operator, 'POST', offerUrl, offerBody);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().offer).toMatchObject({ plan_id, member_count: 1, consent_deadline: '2026-12-10' });
    const again = await as(operator, 'POST', offerUrl, offerBody);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'TRANSFER_OFFER_EXISTS']);

    const before = (await as(undefined, 'GET', `/api/public/plans/${plan_id}/closure/transfer-offer`)).json();
    expect(before).toMatchObject({ consent_open: true, consent_count: null, offer: { successor_name: offerBody.successor_name } });
    const messages = (await as(member, 'GET', '/api/notifications')).json() as { notifications: Array<{ kind: string }> };
    expect(messages.notifications.map((message) => message.kind)).toContain('closure_transfer_offer');

    // The member's own consent; another user gets the membership routes' 404, an anonymous caller 401.
    const stranger = await t.userWithRoles('stranger', ['member']);
    expect((await as(stranger, 'GET', consentUrl)).statusCode).toBe(404);
    expect((await as(stranger, 'PUT', consentUrl, { consent: true })).json().error.code).toBe('MEMBERSHIP_NOT_FOUND');
    expect((await as(undefined, 'PUT', consentUrl, { consent: true })).statusCode).toBe(401);
    expect((await as(member, 'GET', consentUrl)).json().consent).toMatchObject({ consent: 'none', consent_open: true, shared_fields: ['name', 'phone', 'birth_date'] });
    const given = await as(member, 'PUT', consentUrl, { consent: true });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.headers['cache-control']).toBe('no-store');
    // Sessions end when idle, so each move of the clock logs in again.
    const later = async (time: string) => {
      t.context.clock.set(time);
      member = await t.login('mei', 'member-password');
      admin = await t.login('admin', adminPassword);
      operator = await t.login('olivia', 'operator-password');
    };
    await later('2026-11-29T10:00:00.000Z');
    const twice = await as(member, 'PUT', consentUrl, { consent: true });
    expect(twice.statusCode, twice.body).toBe(200);
    expect(twice.json().consent).toEqual(given.json().consent);

    // Before the deadline has passed, no file.
    const early = await as(admin, 'GET', csvUrl);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'TRANSFER_EXPORT_NOT_DUE']);

    await later('2026-12-11T00:00:01.000Z');
    const closed = await as(member, 'PUT', consentUrl, { consent: false });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'TRANSFER_CONSENT_CLOSED']);
    const after = (await as(undefined, 'GET', `/api/public/plans/${plan_id}/closure/transfer-offer`)).json();
    expect(after).toMatchObject({ consent_open: false, consent_count: 1 });
    expect(JSON.stringify(after)).not.toContain(joined.member_code);

    // The file holds full personal data: an administrator's only, each row in the read log.
    expect((await as(operator, 'GET', csvUrl)).statusCode).toBe(403);
    expect((await as(member, 'GET', csvUrl)).statusCode).toBe(403);
    const file = await as(admin, 'GET', csvUrl);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${plan_id}-transfer-consents.csv"`);
    const [header, row, ...rest] = file.body.split('\r\n');
    expect(header).toBe('member_code,name,phone,birth_date,consented_at');
    expect(row).toBe(`${joined.member_code},${enrolBody('1960-03-03', 1).person.name},${enrolBody('1960-03-03', 1).person.phone},1960-03-03,${given.json().consent.changed_at}`);
    expect(rest).toEqual(['']);
    const reads = (await as(admin, 'GET', '/api/admin/personal-data-reads')).json() as { reads: Array<{ member_code: string | null; reason: string; reader_username: string }> };
    expect(reads.reads.filter((read) => read.member_code === joined.member_code)).toEqual([
      expect.objectContaining({ reader_username: 'admin', reason: expect.stringContaining(offerBody.successor_name) as unknown }),
    ]);
  });
});
