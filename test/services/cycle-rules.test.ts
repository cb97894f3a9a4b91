import { afterEach, beforeEach, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { cycleExportChunks, runCycle } from '../../src/services/cycles/index.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { createPlan, ensureSamplePlans } from '../../src/services/plans.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend } from '../support/test-stores.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from '../support/test-context.js';

const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };

describeEachBackend('cycle rules: weights, prepaid wallets, annual caps, reduced aid', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  const blobs = new MemoryBlobStore();

  beforeEach(async () => {
    const base = await testContext(dialect);
    gateway = new SimulatedGateway({ secret: 'secret', clock: base.clock, random: seededRandom('gw'), deliver: async (body, signature) => void (await handleGatewayWebhook(context, body, signature)) });
    context = { ...base, gateway };
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  async function approvedClaim(membership_id: bigint, illness_code: string, diagnosis_date: string, submitted_at: string): Promise<bigint> {
    context.clock.set(submitted_at);
    const { claim_id } = await submitClaim(context, { membership_id, submitted_by_user_id: null, illness_code, diagnosis_date, hospital: '医院', files: [pdf] }, blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(context, claim_id, 'user:reviewer');
    context.clock.set(new Date(Date.parse(submitted_at) + 8 * 86_400_000).toISOString());
    await endNotice(context, claim_id, 'system');
    return claim_id;
  }

  async function exportOf(cycle_id: string): Promise<string> {
    let text = '';
    for await (const chunk of cycleExportChunks(context, cycle_id)) text += chunk;
    return text;
  }

  it('weighs prepaid shares by age band and deducts them from wallets; an empty wallet leaves the share due', async () => {
    // Ages on the snapshot day (2027-03-21): 61, 64, 66 and 69; weights 1, 1, 2, 2.
    const births = ['1965-06-01', '1962-03-22', '1960-12-31', '1957-07-07'];
    const enrolled = await enrolMembers(context, births.map((birth, index) => ({ plan_id: 'senior-cancer', payer_user_id: null, person: personBornOn(birth, 40 + index), answers: noToAll })));
    const ids = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n));
    for (const id of ids.slice(0, 3)) await requestTopUp(context, id, 5000n);
    await gateway.deliverPending();
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    await approvedClaim(ids[0]!, 'CI-01', '2027-03-02', '2027-03-05T09:00:00.000Z');
    context.clock.set('2027-03-21T01:00:00.000Z');
    const { cycle } = await runCycle(context, 'senior-cancer');
    expect(cycle.weight_scheme).toBe('age_bands:<=64=1,<=130=2');
    expect(cycle.weight_total).toBe(6n);
    const lines = await context.store.db.selectFrom('cycle_members').select(['membership_id', 'weight', 'share_minor', 'capped_minor']).where('cycle_id', '=', cycle.id).execute();
    const byId = new Map(lines.map((line) => [line.membership_id, line]));
    expect(ids.map((id) => byId.get(id)!.weight)).toEqual([1n, 1n, 2n, 2n]);
    // Per-case cap 30 fen: everyone pays 30, whatever the weight.
    expect(ids.map((id) => byId.get(id)!.share_minor)).toEqual([30n, 30n, 30n, 30n]);
    expect(await walletBalance(context, ids[0]!)).toBe(4970n);
    // The member who never topped up owes the share: due, with a lapse warning.
    const charges = await context.store.db.selectFrom('share_charges').select(['membership_id', 'status']).where('reference', '=', `cycle:${cycle.cycle_code}`).orderBy('membership_id').execute();
    expect(charges.map((charge) => charge.status)).toEqual(['paid', 'paid', 'paid', 'due']);
    expect(verifyCycleExport(await exportOf(cycle.cycle_code)).ok).toBe(true);
    expect((await verifyJournal(context.store)).ok).toBe(true);
    for (const report of await reconcileFundingAccounts(context.store)) expect(report.ok, JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).toBe(true);
  });

  it('carries the annual cap across cycles and, under reduce_aid, takes what the caps hold back off the aid', async () => {
    await createPlan(
      context,
      { id: 'small-union', name_zh: '小工会互助', name_en: 'Small union plan', rules: { ...criticalIllnessPlan.rules, caps: { per_case_minor: null, per_year_minor: '5000000', policy: 'reduce_aid' } } },
      null,
    );
    const enrolled = await enrolMembers(context, [0, 1, 2, 3].map((index) => ({ plan_id: 'small-union', payer_user_id: null, person: personBornOn(`199${index}-01-01`, 60 + index), answers: noToAll })));
    const ids = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n));
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    const first = await approvedClaim(ids[0]!, 'CI-01', '2027-03-02', '2027-03-05T09:00:00.000Z');
    context.clock.set('2027-03-21T01:00:00.000Z');
    const one = (await runCycle(context, 'small-union')).cycle;
    // 300,000 CNY + 8% over 4 members is 8,100,000 fen each; the annual cap lets each pay 5,000,000.
    expect(one.total_minor).toBe(32_400_000n);
    expect(one.share_total_minor).toBe(20_000_000n);
    expect(one.capped_total_minor).toBe(12_400_000n);
    const payout = await context.store.db.selectFrom('cycle_cases').select('payable_minor').where('claim_id', '=', first).executeTakeFirstOrThrow();
    expect(payout.payable_minor).toBe(30_000_000n - 12_400_000n);

    await approvedClaim(ids[1]!, 'CI-01', '2027-03-25', '2027-03-26T09:00:00.000Z');
    context.clock.set('2027-04-07T01:00:00.000Z');
    const two = (await runCycle(context, 'small-union')).cycle;
    // Nothing is left of this year's cap: the whole total is capped, and the aid reduced to nothing... the fee too.
    expect(two.share_total_minor).toBe(0n);
    expect(two.capped_total_minor).toBe(two.total_minor);
    const rooms = await context.store.db.selectFrom('cycle_members').select('cap_room_minor').where('cycle_id', '=', two.id).execute();
    expect(rooms.map((row) => row.cap_room_minor)).toEqual([0n, 0n, 0n, 0n]);
    expect(verifyCycleExport(await exportOf(two.cycle_code)).ok).toBe(true);
    expect((await verifyJournal(context.store)).ok).toBe(true);
  });

  it('refuses a cycle with cases but nobody covered, writing nothing', async () => {
    const enrolled = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1990-01-01', 80), answers: noToAll }]);
    const id = enrolled[0]!.ok ? enrolled[0]!.value.membership_id : 0n;
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    await approvedClaim(id, 'CI-01', '2027-03-02', '2027-03-05T09:00:00.000Z');
    // The only member (the patient) withdraws: at the next snapshot nobody is covered to share the case.
    await context.store.db.updateTable('memberships').set({ status: 'withdrawn' }).where('id', '=', id).execute();
    context.clock.set('2027-03-21T01:00:00.000Z');
    expect(await codeOf(runCycle(context, 'critical-illness'))).toBe('CYCLE_NO_MEMBERS');
    expect(await context.store.db.selectFrom('cycles').select('id').execute()).toEqual([]);
    // A closure only announced, even with the operator paying the last cycles, does not make it a
    // closing cycle: only the close (every membership ended) does (core/cycles/closing-cycle.ts).
    await announceClosure(context, { plan_id: 'critical-illness', closure_date: '2027-04-01', last_cycles_paid_by: 'operator', announced_by: null });
    expect(await codeOf(runCycle(context, 'critical-illness'))).toBe('CYCLE_NO_MEMBERS');
    expect(await context.store.db.selectFrom('cycles').select('id').execute()).toEqual([]);
  });
});
