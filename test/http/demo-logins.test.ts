import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoLoginPassword } from '../../src/services/demo/demo-logins.js';
import { demoStaffLogins } from '../../src/services/demo/demo-staff.js';
import { seedDemo, seedDemoOnFirstStart, type DemoSummary } from '../../src/services/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

/**
 * The demo logins, used as a newcomer would: log in through the API with demo-password and find
 * the data each one is there to show (share lines with proofs, a paid claim, wallets, a jury to
 * vote on and one with a published count, a case in public notice).
 */
describeEachBackend('demo logins', (dialect) => {
  let t: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    summary = await seedDemo(t.context, {}, { members: 150, blobStore: t.blobs });
  }, 120_000);
  afterAll(async () => t?.close());

  async function membershipsOf(username: string) {
    return t.store.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.payer_user_id')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.id', 'm.plan_id', 'm.status', 'm.funding_model', 'm.demo', 'p.demo as person_demo', 'p.relationship', 'm.member_code'])
      .where('u.username', '=', username)
      .orderBy('m.id')
      .execute();
  }

  async function get(cookie: string, url: string) {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, `GET ${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json() as Record<string, unknown>;
  }

  it('lists the member and staff logins with their password and the cases they take part in', () => {
    expect(summary.logins.map((login) => login.username)).toEqual(['demo-member', 'demo-prepaid', 'demo-juror', ...demoStaffLogins.map((login) => login.username)]);
    expect(summary.logins.every((login) => login.password === demoLoginPassword && login.shows.length > 10)).toBe(true);
    expect(summary.stories.in_notice.length).toBeGreaterThanOrEqual(1);
    for (const story of [summary.stories.member_claim, summary.stories.closed_jury, summary.stories.open_jury]) expect(story).toMatch(/^C[0-9A-Z]+$/);
  });

  it('has one staff login per staff role (two operators, for maker–checker), each with only its role', async () => {
    const held = new Map<string, string[]>();
    for (const login of demoStaffLogins) {
      const cookie = await t.login(login.username, demoLoginPassword);
      const me = (await get(cookie, '/api/auth/me')) as { user: { roles: string[] } };
      held.set(login.username, me.user.roles);
    }
    expect(Object.fromEntries(held)).toEqual({
      'demo-reviewer': ['reviewer'],
      'demo-investigator': ['investigator'],
      'demo-operator': ['operator'],
      'demo-operator-2': ['operator'],
      'demo-auditor': ['auditor'],
      'demo-admin': ['admin'],
    });
  });

  it('demo-member: a covered post-paid member with collected shares, proofs, her own paid claim and an objection', async () => {
    const cookie = await t.login('demo-member', demoLoginPassword);
    const me = (await get(cookie, '/api/auth/me')) as { user: { roles: string[] } };
    expect(me.user.roles).toEqual(['member']);
    const [membership, ...others] = await membershipsOf('demo-member');
    expect(others).toEqual([]);
    expect(membership).toMatchObject({ plan_id: 'community-critical-illness', status: 'active', funding_model: 'post_paid', demo: 1n, person_demo: 1n, relationship: 'self' });
    const money = (await get(cookie, `/api/memberships/${membership!.id}/money`)) as { charges: Array<{ status: string }>; payments: Array<{ kind: string; status: string }> };
    expect(money.charges.filter((charge) => charge.status === 'paid').length).toBeGreaterThanOrEqual(2);
    expect(money.payments.some((payment) => payment.kind === 'collection' && payment.status === 'succeeded')).toBe(true);
    const lines = await t.store.db
      .selectFrom('cycle_members as cm')
      .innerJoin('cycles as c', 'c.id', 'cm.cycle_id')
      .select(['c.cycle_code', 'cm.share_minor'])
      .where('cm.membership_id', '=', membership!.id)
      .orderBy('c.snapshot_at')
      .execute();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const proof = (await get(cookie, `/api/memberships/${membership!.id}/cycles/${lines[0]!.cycle_code}/proof`)) as { merkle_root_hex?: string };
    expect(JSON.stringify(proof)).toContain(lines[0]!.cycle_code);
    const claims = (await get(cookie, '/api/claims/mine')) as { claims: Array<{ case_number: string; state: string; membership_id: string }> };
    expect(claims.claims).toEqual([expect.objectContaining({ case_number: summary.stories.member_claim, state: 'paid', membership_id: membership!.id.toString() })]);
    const payout = await t.store.db.selectFrom('aid_payouts as a').innerJoin('claims as c', 'c.id', 'a.claim_id').select('a.status').where('c.case_number', '=', summary.stories.member_claim!).executeTakeFirstOrThrow();
    expect(payout.status).toBe('paid');
    const objection = await t.store.db
      .selectFrom('objections as o')
      .innerJoin('claims as c', 'c.id', 'o.claim_id')
      .select(['o.status', 'c.case_number'])
      .where('o.objector_membership_id', '=', membership!.id)
      .execute();
    expect(objection).toEqual([{ status: 'referred', case_number: summary.stories.closed_jury }]);
  });

  it('demo-prepaid: pays for herself and her husband in the prepaid plan, with top-ups, deductions and a balance', async () => {
    const cookie = await t.login('demo-prepaid', demoLoginPassword);
    const memberships = await membershipsOf('demo-prepaid');
    expect(memberships.map((row) => [row.plan_id, row.status, row.funding_model, row.relationship])).toEqual([
      ['community-senior-cancer', 'active', 'prepaid', 'self'],
      ['community-senior-cancer', 'active', 'prepaid', 'spouse'],
    ]);
    for (const membership of memberships) {
      const money = (await get(cookie, `/api/memberships/${membership.id}/money`)) as { balance_minor: string; charges: Array<{ status: string }>; payments: Array<{ kind: string; status: string }> };
      expect(BigInt(money.balance_minor)).toBeGreaterThan(0n);
      expect(money.charges.filter((charge) => charge.status === 'paid').length).toBeGreaterThanOrEqual(1);
      expect(money.payments.filter((payment) => payment.kind === 'top_up' && payment.status === 'succeeded').length).toBeGreaterThanOrEqual(1);
    }
    const own = (await get(cookie, `/api/memberships/${memberships[0]!.id}/money`)) as { payments: Array<{ kind: string; status: string }> };
    expect(own.payments.filter((payment) => payment.kind === 'top_up' && payment.status === 'succeeded').length).toBeGreaterThanOrEqual(2);
  });

  it('demo-juror: passed the quiz, sits on a closed panel with its count and on an open one she can vote on', async () => {
    const cookie = await t.login('demo-juror', demoLoginPassword);
    const [membership] = await membershipsOf('demo-juror');
    const qualification = await t.store.db.selectFrom('juror_qualifications').select('correct_answers').where('membership_id', '=', membership!.id).executeTakeFirstOrThrow();
    expect(qualification.correct_answers).toBe(5n);

    const closedRecord = (await get(cookie, `/api/claims/${summary.stories.closed_jury}/jury`)) as { status: string; panel: string[]; counts: { approve: number; reject: number } | null };
    expect(closedRecord).toMatchObject({ status: 'closed', counts: { approve: 7, reject: 1 }, verdict: { outcome: 'approve' } });
    expect(closedRecord.panel).toContain(membership!.member_code);
    const closedCase = await t.store.db.selectFrom('claims').select('state').where('case_number', '=', summary.stories.closed_jury!).executeTakeFirstOrThrow();
    expect(['approved', 'scheduled', 'paid']).toContain(closedCase.state);

    const openRecord = (await get(cookie, `/api/claims/${summary.stories.open_jury}/jury`)) as { status: string; panel: string[]; window: { closes_at: string } };
    expect(openRecord.status).toBe('voting');
    expect(openRecord.panel).toContain(membership!.member_code);
    expect(openRecord.window.closes_at > '2026-12-05').toBe(true);
    const claim = await t.store.db.selectFrom('claims').select(['id', 'state']).where('case_number', '=', summary.stories.open_jury!).executeTakeFirstOrThrow();
    expect(claim.state).toBe('in_jury');
    const vote = await t.app.inject({ method: 'POST', url: `/api/claims/${claim.id}/votes`, headers: { cookie }, payload: { vote: 'approve' } });
    expect(vote.statusCode, vote.body).toBe(201);
    expect(vote.json()).toMatchObject({ member_code: membership!.member_code });
  });

  it('has a case in public notice that a member may object to', async () => {
    const cases = (await get('', '/api/public/cases?limit=50')) as { cases: Array<{ case_number: string; state?: string }> };
    for (const case_number of summary.stories.in_notice) expect(cases.cases.map((entry) => entry.case_number)).toContain(case_number);
    const notice = await t.store.db.selectFrom('claims').select(['state', 'notice_ends_at']).where('case_number', '=', summary.stories.in_notice[0]!).executeTakeFirstOrThrow();
    expect(notice.state).toBe('in_notice');
    expect(notice.notice_ends_at! > '2026-11-28T10:00:00.000Z').toBe(true);
  });

  it('demo-member’s complaint waits for her reply, demo-prepaid’s is overdue and first in the queue; the public page shows the details', async () => {
    const login = async (username: string) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoLoginPassword } });
      expect(response.statusCode, response.body).toBe(200);
      return `huzhu_session=${response.cookies.find((cookie) => cookie.name === 'huzhu_session')!.value}`;
    };
    const getAs = async (username: string, url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie: await login(username) } })).json();
    expect((await getAs('demo-member', '/api/complaints/mine')).complaints.map((row: { subject_kind: string; state: string }) => [row.subject_kind, row.state])).toEqual([['claim', 'responded']]);
    expect((await getAs('demo-prepaid', '/api/complaints/mine')).complaints.map((row: { subject_kind: string; overdue: boolean }) => [row.subject_kind, row.overdue])).toEqual([['payment', true]]);
    const queue = (await getAs('demo-operator', '/api/complaints')).complaints as Array<{ subject_kind: string; overdue: boolean }>;
    expect(queue.map((row) => [row.subject_kind, row.overdue])).toEqual([['payment', true], ['claim', false]]);
    const shown = (await t.app.inject('/api/public/operator')).json().operator;
    expect(shown).toMatchObject({ licence_number: 'DEMO-HZ-2025-0001', custodian_account_masked: '**** **** 4321' });
  });
});

it('seeds no demo login with HUZHU_ENV=production', async () => {
  const context = await testContext('sqlite');
  try {
    expect(await seedDemoOnFirstStart(context, { HUZHU_ENV: 'production' }, undefined, { members: 5 })).toBeUndefined();
    expect(await context.store.db.selectFrom('users').select('username').where('username', 'like', 'demo-%').execute()).toEqual([]);
    expect(await context.store.db.selectFrom('persons').select('id').execute()).toEqual([]);
  } finally {
    await context.store.close();
  }
});
