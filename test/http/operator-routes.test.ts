import { afterAll, beforeAll, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody, outcome, tableCounts } from './member-fixtures.js';

/**
 * A small community worked out by hand: four members of the post-paid sample plan join on
 * 2026-11-28 (covered from 2027-02-26), one of whom withdraws on 2027-01-10; a fifth, Mei's, joins
 * on 2027-03-01 and waits until 2027-05-30. One claim (born 1990, aid 300,000.00 CNY) is approved
 * on 2027-03-20, and the dashboard is read on 2027-03-22, with no cycle run yet.
 */
describeEachBackend('HTTP operator dashboard, plan version preview and member search', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;
  let codes: string[];

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    const ctx = t.context;
    const births = ['1990-05-17', '1985-01-01', '1980-02-29', '1975-07-04'];
    const enrolled = await enrolMembers(ctx, births.map((birth, index) => ({ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn(birth, index + 1), answers: noToAll })));
    const ids = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n));
    codes = enrolled.map((result) => (result.ok ? result.value.member_code : ''));
    ctx.clock.set('2027-01-10T08:00:00.000Z');
    await changeMembershipStatus(ctx, ids[3]!, 'member_withdrew', 'Moved abroad', 'member');
    ctx.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(ctx);
    member = await t.login('mei', 'member-password');
    codes.push((await enrol(t, member, enrolBody('1991-01-01', 99))).member_code);
    ctx.clock.set('2027-03-10T09:00:00.000Z');
    const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const { claim_id } = await submitClaim(ctx, { membership_id: ids[0]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-05', hospital: '医院', files: [pdf] }, t.blobs);
    await startReview(ctx, claim_id, 'user:reviewer');
    await approveForNotice(ctx, claim_id, 'user:reviewer');
    await publishNotice(ctx, claim_id, 'user:reviewer');
    ctx.clock.set('2027-03-20T09:00:00.000Z');
    await endNotice(ctx, claim_id, 'system');
    ctx.clock.set('2027-03-22T09:00:00.000Z');
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie === undefined ? {} : { headers: { cookie } }) });

  it('shows the hand-computed dashboard: members, joins and exits, claims, the next cycle and cash', async () => {
    const response = await get('/api/operator/dashboard?plan_id=critical-illness', operator);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json().dashboard;
    // Three of the first four are live and covered; Mei's waits.
    expect(dashboard.members).toEqual({ covered: '3', waiting: '1' });
    // No cycle yet: one window, from the start to now, with the five joins and the withdrawal.
    expect(dashboard.flows).toEqual([
      {
        cycle_id: 'critical-illness-20270321',
        since_at: null,
        until_at: '2027-03-22T09:00:00.000Z',
        member_count: null,
        joins: '5',
        exits: '1',
        exits_by_status: { lapsed: '0', withdrawn: '1', terminated: '0', ended: '0' },
      },
    ]);
    expect(dashboard.claims_by_state).toMatchObject({ approved: '1', submitted: '0', in_notice: '0', paid: '0' });
    // The 2027-03-21 notice day has passed without a run: that cycle is next and due. It shares the
    // one case: aid 30,000,000 fen, fee 8% = 2,400,000, total 32,400,000 over 3 covered members =
    // 10,800,000 each before the caps; the per-case cap (10 fen × 1 case) holds back the rest of
    // every member's share: 3 × (10,800,000 − 10) = 32,399,970.
    expect(dashboard.next_cycle).toMatchObject({
      cycle_id: 'critical-illness-20270321',
      snapshot_at: '2027-03-21T00:00:00.000Z',
      collection_at: '2027-03-28T00:00:00.000Z',
      due: true,
      plan_version: 1,
      case_count: 1,
      aid_total_minor: '30000000',
      fee_bps: 800,
      fee_minor: '2400000',
      surplus_in_minor: '0',
      total_minor: '32400000',
      member_count: '3',
      weight_total: '3',
      share_per_weight_minor: '10800000',
      per_member_cap_minor: '10',
      estimated_share_minor: '10',
      members_at_cap: '3',
      capped_estimate_minor: '32399970',
      cap_policy: 'backstop',
    });
    expect(dashboard.next_cycle.cases).toEqual([{ case_number: expect.any(String), aid_minor: '30000000' }]);
    expect(dashboard.cash).toEqual({
      in_collection_minor: '0',
      in_collection_count: '0',
      shares_receivable_minor: '0',
      custody_minor: '0',
      payouts_due_minor: '0',
      payouts_due_count: '0',
      payouts_failed_count: '0',
      advances_outstanding_minor: '0',
    });
  });

  it('runs the cycle and then shows it as a window, the charges in collection and the payout due', async () => {
    const run = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/cycles/run', headers: { cookie: operator }, payload: {} });
    expect(run.statusCode, run.body).toBe(202);
    for (;;) {
      const job = await get(`${run.json().url}?wait_seconds=60`, operator);
      if (job.json().status !== 'running') {
        expect(job.json().status, job.body).toBe('succeeded');
        break;
      }
    }
    const dashboard = (await get('/api/operator/dashboard?plan_id=critical-illness&cycles=3', operator)).json().dashboard;
    expect(dashboard.flows.map((flow: { cycle_id: string; joins: string; exits: string; member_count: string | null }) => [flow.cycle_id, flow.joins, flow.exits, flow.member_count])).toEqual([
      ['critical-illness-20270321', '5', '1', '3'],
      ['critical-illness-20270407', '0', '0', null],
    ]);
    // The case moved into the run cycle; the next one has nothing to share yet.
    expect(dashboard.next_cycle).toMatchObject({ cycle_id: 'critical-illness-20270407', due: false, case_count: 0, total_minor: '0', members_at_cap: '0', estimated_share_minor: '0' });
    // The three shares of 10 fen each are charged (collection starts on the 28th) and the aid is due.
    expect(dashboard.cash).toMatchObject({ in_collection_minor: '30', in_collection_count: '3', shares_receivable_minor: '30', payouts_due_count: '1' });
    expect(dashboard.claims_by_state).toMatchObject({ approved: '0', scheduled: '1' });
  });

  it('lets only operators read the dashboard, and refuses an unknown plan', async () => {
    expect(outcome(await get('/api/operator/dashboard?plan_id=critical-illness', auditor))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get('/api/operator/dashboard?plan_id=critical-illness', member))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get('/api/operator/dashboard?plan_id=critical-illness'))).toEqual([401, 'AUTH_REQUIRED']);
    expect(outcome(await get('/api/operator/dashboard?plan_id=no-such-plan', operator))).toEqual([404, 'PLAN_NOT_FOUND']);
    expect(outcome(await get('/api/operator/dashboard?plan_id=critical-illness&cycles=25', operator))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('shows a prepaid plan with age-weighted shares and nobody in it: zeros, not errors', async () => {
    const response = await get('/api/operator/dashboard?plan_id=senior-cancer', operator);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json().dashboard;
    expect(dashboard.members).toEqual({ covered: '0', waiting: '0' });
    expect(dashboard.next_cycle).toMatchObject({ member_count: '0', weight_total: '0', total_minor: '0', estimated_share_minor: '0', members_at_cap: '0', per_member_cap_minor: '0' });
  });

  const version = (url: string, effective_at: string, cookie = operator) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { effective_at, note: '年度上限调整为 200 元', rules: { ...criticalIllnessPlan.rules, caps: { ...criticalIllnessPlan.rules.caps, per_year_minor: '20000' } } } });

  it('previews the notice members will get, the same text the announcement then sends, writing nothing', async () => {
    const before = await tableCounts(t.store);
    const preview = await version('/api/plans/critical-illness/versions/preview', '2027-05-01T00:00:00+08:00');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().preview).toEqual({
      version: 2,
      effective_at: '2027-04-30T16:00:00.000Z',
      recipient_count: 1,
      notice: {
        title_zh: '大病互助计划规则变更',
        title_en: 'Critical illness mutual aid plan: rules change',
        body_zh: '自 2027-04-30 起实行第 2 版规则：年度上限调整为 200 元',
        body_en: 'From 2027-04-30, version 2 of the rules applies: 年度上限调整为 200 元',
      },
    });
    expect(await tableCounts(t.store)).toEqual(before);
    expect(outcome(await version('/api/plans/critical-illness/versions/preview', '2027-05-01T00:00:00+08:00', auditor))).toEqual([403, 'AUTH_FORBIDDEN']);

    const sent = await version('/api/plans/critical-illness/versions', '2027-05-01T00:00:00+08:00');
    expect(sent.statusCode, sent.body).toBe(201);
    const inbox = (await get('/api/notifications', member)).json();
    const message = inbox.notifications.find((entry: { kind: string }) => entry.kind === 'plan_rules_changed');
    expect(message).toMatchObject(preview.json().preview.notice);
  });

  it('refuses a version dated in the past or now, in the preview and the announcement alike', async () => {
    const before = await tableCounts(t.store);
    for (const url of ['/api/plans/critical-illness/versions/preview', '/api/plans/critical-illness/versions']) {
      expect(outcome(await version(url, '2027-03-01T00:00:00Z')), url).toEqual([422, 'PLAN_VERSION_IN_PAST']);
      expect(outcome(await version(url, t.context.clock.now().toISOString())), url).toEqual([422, 'PLAN_VERSION_IN_PAST']);
      // After now but not after version 2, announced above for 2027-04-30.
      expect(outcome(await version(url, '2027-04-01T00:00:00Z')), url).toEqual([422, 'PLAN_VERSION_IN_PAST']);
      expect(outcome(await version(url, 'next week')), url).toEqual([400, 'PLAN_BAD_EFFECTIVE_DATE']);
    }
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('finds memberships by exact member code and by prefix, for operators and auditors only', async () => {
    const [first] = codes as [string];
    const exact = await get(`/api/memberships?member_code=${first}`, operator);
    expect(exact.statusCode, exact.body).toBe(200);
    expect(exact.json().memberships.map((entry: { member_code: string }) => entry.member_code)).toEqual([first]);
    expect(exact.json().memberships[0].person.name_masked).toContain('*');

    const prefix = first.slice(0, 4);
    const byPrefix = await get(`/api/memberships?member_code_prefix=${prefix}`, auditor);
    expect(byPrefix.statusCode, byPrefix.body).toBe(200);
    const found: string[] = byPrefix.json().memberships.map((entry: { member_code: string }) => entry.member_code);
    expect(found.sort()).toEqual(codes.filter((code) => code.startsWith(prefix)).sort());
    const whole = await get(`/api/memberships?member_code_prefix=${first}`, operator);
    expect(whole.json().memberships.map((entry: { member_code: string }) => entry.member_code)).toEqual([first]);

    expect((await get('/api/memberships?member_code=MZZZZZZZZZZZZ', operator)).json().memberships).toEqual([]);
    expect(outcome(await get('/api/memberships?member_code_prefix=M1', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await get('/api/memberships?member_code=m123', operator))).toEqual([400, 'VALIDATION_FAILED']);
    expect(outcome(await get(`/api/memberships?member_code=${first}`, member))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(outcome(await get(`/api/memberships?member_code=${first}`))).toEqual([401, 'AUTH_REQUIRED']);
  });
});
