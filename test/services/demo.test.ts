import { afterEach, expect, it } from 'vitest';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { parseNationalId } from '../../src/core/members/national-id.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { cycleExportChunks } from '../../src/services/cycles/index.js';
import { seedDemo, seedDemoOnFirstStart } from '../../src/services/demo/seed-demo.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { enrolMembers } from '../../src/services/members.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { codeOf } from '../support/rejection-code.js';

const members = 200;
const demoLoginPeople = 12;

/** Everything about the demo rows that does not depend on the database's own ids or nonces. */
async function snapshot(context: TestContext) {
  const rows = await context.store.db
    .selectFrom('memberships')
    .innerJoin('persons', 'persons.id', 'memberships.person_id')
    .select([
      'memberships.member_code',
      'memberships.plan_id',
      'memberships.status',
      'memberships.joined_at',
      'memberships.waiting_until',
      'memberships.status_changed_at',
      'memberships.age_at_join_years',
      'memberships.demo',
      'persons.demo as person_demo',
      'persons.name_masked',
      'persons.id_number_masked',
      'persons.birth_date',
      'persons.province',
      'persons.relationship',
    ])
    .orderBy('memberships.joined_at')
    .orderBy('memberships.member_code')
    .execute();
  const events = await context.store.db
    .selectFrom('membership_events')
    .innerJoin('memberships', 'memberships.id', 'membership_events.membership_id')
    .select(['memberships.member_code', 'membership_events.event', 'membership_events.to_status', 'membership_events.at'])
    .orderBy('membership_events.at')
    .orderBy('memberships.member_code')
    .orderBy('membership_events.event')
    .execute();
  return { rows, events };
}

describeEachBackend('demo community', (dialect) => {
  const contexts: TestContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.store.close();
  });
  async function fresh(): Promise<TestContext> {
    const context = await testContext(dialect);
    contexts.push(context);
    return context;
  }

  it('seeds both plans with a plausible age mix, lapses, withdrawals and rejoins, all marked demo, the same for the same seed', async () => {
    const first = await fresh();
    const log: string[] = [];
    const blobStore = new MemoryBlobStore();
    const summary = await seedDemoOnFirstStart(first, {}, (line) => log.push(line), { members, seed: 'test-seed', blobStore });
    expect(summary).toBeDefined();
    expect(log.join('\n')).toMatch(/DEMO/);
    // The community, plus the people of the demo logins: demo-member, demo-prepaid and her husband, demo-juror and eight more jurors.
    expect(summary!.people).toBe(members + demoLoginPeople);
    expect(summary!.memberships).toBe(members + demoLoginPeople + summary!.rejoined);
    expect(summary!.to).toBe('2026-11-28T10:00:00.000Z');
    const critical = summary!.by_plan['community-critical-illness']!;
    const senior = summary!.by_plan['community-senior-cancer']!;
    expect(critical.active).toBeGreaterThan(50);
    expect(critical.waiting).toBeGreaterThan(0);
    expect(senior.active).toBeGreaterThan(5);
    expect((critical.lapsed ?? 0) + (senior.lapsed ?? 0)).toBeGreaterThan(0);
    expect((critical.withdrawn ?? 0) + (senior.withdrawn ?? 0)).toBeGreaterThan(0);

    const { rows, events } = await snapshot(first);
    expect(rows.every((row) => row.demo === 1n && row.person_demo === 1n)).toBe(true);
    for (const row of rows) {
      const age = Number(row.age_at_join_years);
      if (row.plan_id === 'community-critical-illness') expect(age).toBeLessThanOrEqual(59);
      else expect(age).toBeGreaterThanOrEqual(60);
      if (row.plan_id === 'community-senior-cancer') expect(age).toBeLessThanOrEqual(70);
      expect(row.joined_at < '2026-11-28').toBe(true);
      expect(row.joined_at >= '2025-06-06').toBe(true);
    }
    const ages = rows.filter((row) => row.plan_id === 'community-critical-illness').map((row) => Number(row.age_at_join_years));
    expect(ages.filter((age) => age >= 25 && age <= 45).length / ages.length).toBeGreaterThan(0.4);
    // Waiting periods have passed for earlier joiners; every activation was stored as an event.
    expect(events.filter((event) => event.event === 'waiting_period_passed').length).toBeGreaterThanOrEqual(critical.active! + senior.active!);
    expect(events.some((event) => event.event === 'payment_lapsed')).toBe(true);
    expect(events.some((event) => event.event === 'member_withdrew')).toBe(true);
    expect(events.every((event) => event.at <= '2026-11-28T10:00:00.000Z')).toBe(true);
    // The ID numbers are valid, stored encrypted, and agree with the birth date.
    const people = await first.store.db.selectFrom('persons').select(['id_number_enc', 'birth_date', 'name_enc']).execute();
    for (const person of people) {
      const id = parseNationalId(first.cipher.decrypt(person.id_number_enc));
      expect(id.ok).toBe(true);
      if (id.ok) expect(id.value.normalized.slice(6, 14)).toBe(person.birth_date.replace(/-/g, ''));
      expect(first.cipher.decrypt(person.name_enc)).toMatch(/^\p{Script=Han}{2,4}$/u);
    }
    // Money moved through the funding services and the simulated gateway, and the books balance.
    const money = summary!.funding;
    expect(money.top_ups).toBeGreaterThan(5);
    expect(money.collections).toBeGreaterThan(50);
    expect(money.failed_collections).toBeGreaterThan(0);
    expect(money.deductions).toBeGreaterThan(20);
    expect(money.lapsed_unpaid).toBeGreaterThan(0);
    const journal = await verifyJournal(first.store);
    expect(journal.problems).toEqual([]);
    expect(journal.ok).toBe(true);
    for (const reconciliation of await reconcileFundingAccounts(first.store)) expect(reconciliation, JSON.stringify(reconciliation, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).toMatchObject({ ok: true });

    // Real sharing cycles of both plans in the last two months, every export recomputes from itself.
    for (const plan_id of ['community-critical-illness', 'community-senior-cancer']) {
      expect(summary!.cycles.filter((cycle) => cycle.plan_id === plan_id && cycle.status === 'completed').length).toBeGreaterThanOrEqual(3);
    }
    expect(summary!.cycles.every((cycle) => cycle.status === 'completed' && cycle.merkle_root_hex !== null)).toBe(true);
    for (const cycle of summary!.cycles) {
      let text = '';
      for await (const chunk of cycleExportChunks(first, cycle.cycle_id)) text += chunk;
      const report = verifyCycleExport(text);
      expect(report.differences, cycle.cycle_id).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.merkle_root_hex).toBe(cycle.merkle_root_hex);
    }
    // Each completed cycle has its stored sustainability metrics, so the metrics pages have rows to show.
    const metrics = await first.store.db.selectFrom('plan_cycle_metrics').select(['cycle_code', 'members_covered']).execute();
    expect(metrics.map((row) => row.cycle_code).sort()).toEqual(summary!.cycles.map((cycle) => cycle.cycle_id).sort());
    expect(metrics.every((row) => row.members_covered > 0n)).toBe(true);
    // The community plans are sized for the default 3,000 members (test/e2e/start.test.ts checks the
    // backstop pays nothing there); in a community of 200 their caps (backstop policy) still bite.
    const capped = summary!.cycles.filter((cycle) => BigInt(cycle.capped_total_minor) > 0n);
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.every((cycle) => cycle.capped_members > 0 && cycle.case_count > 0)).toBe(true);
    for (const plan_id of ['community-critical-illness', 'community-senior-cancer']) expect(capped.some((cycle) => cycle.plan_id === plan_id)).toBe(true);

    // Cases come from the claims flow: evidence, review, public notice, approval, a cycle, a payout.
    const claims = await first.store.db
      .selectFrom('claims')
      .leftJoin('cycle_cases', 'cycle_cases.claim_id', 'claims.id')
      .leftJoin('aid_payouts', 'aid_payouts.claim_id', 'claims.id')
      .select(['claims.id', 'claims.plan_id', 'claims.state', 'cycle_cases.cycle_id', 'aid_payouts.status as payout_status'])
      .orderBy('claims.id')
      .execute();
    expect(claims.filter((claim) => claim.state === 'paid' && claim.cycle_id !== null && claim.payout_status === 'paid').length).toBeGreaterThan(0);
    expect(claims.filter((claim) => claim.state === 'in_notice')).toHaveLength(1);
    expect(summary!.claims.in_notice).toBe(1);
    for (const plan_id of ['community-critical-illness', 'community-senior-cancer']) {
      const cases = claims.filter((claim) => claim.plan_id === plan_id && claim.cycle_id !== null);
      expect(cases.length).toBeGreaterThanOrEqual(2);
      // The post-paid plan also has demo-member's claim and the case its jury approved.
      expect(cases.length).toBeLessThanOrEqual(plan_id === 'community-critical-illness' ? 6 : 4);
    }
    expect(summary!.payouts.by_status.paid).toBeGreaterThan(0);
    expect(summary!.payouts.advances).toBeGreaterThan(0);
    // The history's claims have one made-up PDF each; the claims waiting in the staff queues at the
    // end (demo-claim-queues.ts) a valid one-page PDF and a PNG scan, for the workbench to show.
    const evidence = await first.store.db.selectFrom('claim_evidence').select(['claim_id', 'sha256', 'file_name', 'content_type']).execute();
    const queued = new Set(evidence.filter((file) => file.file_name.startsWith('demo-queue-')).map((file) => file.claim_id));
    expect(new Set(evidence.map((file) => file.claim_id)).size).toBe(claims.length);
    for (const file of evidence) {
      const text = new TextDecoder().decode(await blobStore.get(file.sha256));
      if (!queued.has(file.claim_id)) expect(text).toMatch(/^%PDF-1\.7\n% Huzhu DEMO: a made-up/);
      else if (file.content_type === 'application/pdf') expect(text).toMatch(/^%PDF-1\.7\n1 0 obj[\s\S]*DEMO diagnosis report[\s\S]*%%EOF\n$/);
      else expect(file.content_type).toBe('image/png');
    }
    // Every staff queue has a claim waiting: the states, and demo-investigator's open investigation.
    const waiting = claims.filter((claim) => queued.has(claim.id)).map((claim) => claim.state);
    expect(waiting.sort()).toEqual(['appealed', 'approved_for_notice', 'in_review', 'investigating', 'objected', 'submitted', 'submitted']);
    expect(claims.some((claim) => claim.state === 'in_jury')).toBe(true);
    const investigation = await first.store.db
      .selectFrom('investigations')
      .innerJoin('users', 'users.id', 'investigations.investigator_user_id')
      .select(['users.username', 'investigations.completed_at'])
      .executeTakeFirstOrThrow();
    expect(investigation).toEqual({ username: 'demo-investigator', completed_at: null });
    const open = await first.store.db.selectFrom('objections').innerJoin('claims', 'claims.id', 'objections.claim_id').select('claims.state').where('objections.status', '=', 'open').execute();
    expect(open.map((row) => row.state)).toContain('objected');

    // A prepaid member lapsed for a deduction the wallet could not meet; post-paid non-payers lapsed at the deadline.
    const lapses = await first.store.db
      .selectFrom('membership_events')
      .innerJoin('memberships', 'memberships.id', 'membership_events.membership_id')
      .select(['memberships.funding_model', 'membership_events.at'])
      .where('membership_events.event', '=', 'payment_lapsed')
      .execute();
    expect(lapses.some((lapse) => lapse.funding_model === 'prepaid')).toBe(true);
    expect(lapses.some((lapse) => lapse.funding_model === 'post_paid')).toBe(true);
    const wallets = await first.store.db.selectFrom('ledger_accounts').select('code').where('code', 'like', 'wallet:%').execute();
    expect(wallets.length).toBe(rows.filter((row) => row.plan_id === 'community-senior-cancer').length);

    // The plans were made at the start of the demo's history.
    // The demo's people are in the community's plans; the sample plans exist, empty, for real members.
    const plans = await first.store.db.selectFrom('plans').select(['id', 'created_at']).orderBy('id').execute();
    expect(plans).toEqual(['community-critical-illness', 'community-senior-cancer', 'critical-illness', 'senior-cancer'].map((id) => ({ id, created_at: '2025-06-06T00:00:00.000Z' })));

    const second = await fresh();
    const again = await seedDemo(second, {}, { members, seed: 'test-seed' });
    expect(again).toEqual(summary);
    expect(await snapshot(second)).toEqual({ rows, events });

    const other = await fresh();
    await seedDemo(other, {}, { members: 20, seed: 'another-seed' });
    const otherCodes = new Set((await snapshot(other)).rows.map((row) => row.member_code));
    expect(rows.some((row) => otherCodes.has(row.member_code))).toBe(false);
  }, 300_000); // two whole demo communities: minutes on a busy PostgreSQL

  it('is skipped in production and on a database that has members; seedDemo refuses there', async () => {
    const context = await fresh();
    expect(await seedDemoOnFirstStart(context, { HUZHU_ENV: 'production' }, undefined, { members: 5 })).toBeUndefined();
    expect(await codeOf(seedDemo(context, { HUZHU_ENV: 'production' }, { members: 5 }))).toBe('DEMO_IN_PRODUCTION');
    expect(await codeOf(seedDemo(context, {}, { members: 0 }))).toBe('DEMO_BAD_SIZE');
    await ensureSamplePlans(context);
    const [joined] = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1990-01-01', 1), answers: noToAll }]);
    expect(joined!.ok).toBe(true);
    expect(await seedDemoOnFirstStart(context, {}, undefined, { members: 5 })).toBeUndefined();
    expect(await codeOf(seedDemo(context, {}, { members: 5 }))).toBe('DEMO_DATABASE_NOT_EMPTY');
    const count = await context.store.db.selectFrom('persons').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
