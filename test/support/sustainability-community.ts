import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { runCycle } from '../../src/services/cycles/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { createPlan } from '../../src/services/plans.js';
import { createUser } from '../../src/services/users.js';
import type { DialectName } from '../../src/store/schema.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from './test-context.js';

export const communityPlanId = 'mutual-test';

/**
 * The sample post-paid plan with a yearly cap of 0.30 CNY (so members reach it), a two-point
 * expected incidence table (1 per 1,000 a year at 30 and below, 5 at 50 and above, straight in
 * between), an operating cost of 480,000.00 CNY a year and an incidence alert at 4,000×.
 */
export const communityRules = {
  ...criticalIllnessPlan.rules,
  caps: { ...criticalIllnessPlan.rules.caps, per_year_minor: '30' },
  sustainability: {
    expected_incidence_per_1000: [
      { age_years: 30, per_1000: 1 },
      { age_years: 50, per_1000: 5 },
    ],
    operating_cost_per_year_minor: '48000000',
    alerts: {
      yearly_share_rise_bps: 10_000,
      incidence_over_expected_bps: 40_000_000,
      members_drop_bps: 2_000,
      adverse_selection_bps: 12_000,
      fee_below_cost: true,
      members_at_cap_bps: 5_000,
    },
  },
};

export interface Community {
  readonly context: TestContext;
  /** Membership ids by letter (A–H, see below). */
  readonly members: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', bigint>>;
  readonly operators: readonly bigint[];
}

const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };

/**
 * A small community whose metrics the tests work out by hand. Six people join on 2026-11-28
 * (covered from 2027-02-26): A 1995-06-01, B 1990-01-10, C 2000-03-01, D 1985-05-05, E 1975-02-02,
 * F 1970-12-12. G (1980-07-07) joins 2027-03-05; F withdraws 2027-03-10; A (diagnosed 2027-02-27)
 * and D (2027-03-01) are approved 2027-03-10. Cycle 1: 2027-03-21. E (diagnosed 2027-03-22) is
 * approved 2027-03-31; B withdraws 2027-03-25, A 2027-03-26; H (2001-01-01) joins 2027-03-28.
 * Cycle 2: 2027-04-07. C, G and H (diagnosed 2028-02-15) are approved 2028-02-24. Cycle 3:
 * 2028-03-21. Two operators (and an auditor, who gets no alert) have accounts. With `cycles`,
 * only that many cycles are run (the rest of the history still happens up to that cycle).
 */
export async function sustainabilityCommunity(dialect: DialectName, options: { cycles?: number; runCycles?: boolean } = {}): Promise<Community> {
  const cycles = options.cycles ?? 3;
  const base = await testContext(dialect, { now: '2026-11-28T10:00:00.000Z' });
  const gateway = new SimulatedGateway({
    secret: 'secret',
    clock: base.clock,
    random: seededRandom('community-gateway'),
    deliver: async (body, signature) => {
      await handleGatewayWebhook(context, body, signature);
    },
  });
  const context: TestContext = { ...base, gateway };
  const at = (iso: string) => context.clock.set(iso);
  const now = context.clock.now().toISOString();
  const operators = [];
  for (const username of ['olga', 'oscar']) {
    operators.push((await createUser(context.store, { username, display_name: username, password: `${username}-password-long`, roles: ['operator'] }, now)).id);
  }
  await createUser(context.store, { username: 'aude', display_name: 'aude', password: 'aude-password-long', roles: ['auditor'] }, now);
  await createPlan(context, { id: communityPlanId, name_zh: '测试互助计划', name_en: 'Test mutual aid plan', rules: communityRules }, null);

  const enrol = async (birth: string, sequence: number) => {
    const [result] = await enrolMembers(context, [{ plan_id: communityPlanId, payer_user_id: null, person: personBornOn(birth, sequence), answers: noToAll }]);
    if (!result?.ok) throw new Error(`enrolment failed: ${JSON.stringify(result)}`);
    return result.value.membership_id;
  };
  const blobs = new MemoryBlobStore();
  const claim = async (membership_id: bigint, diagnosis_date: string) => {
    const { claim_id } = await submitClaim(context, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date, hospital: '医院', files: [pdf] }, blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(context, claim_id, 'user:reviewer');
    return claim_id;
  };
  const run = async (iso: string, sequence: number) => {
    if (sequence > cycles || options.runCycles === false) return;
    at(iso);
    await runCycle(context, communityPlanId);
  };

  const A = await enrol('1995-06-01', 1);
  const B = await enrol('1990-01-10', 2);
  const C = await enrol('2000-03-01', 3);
  const D = await enrol('1985-05-05', 4);
  const E = await enrol('1975-02-02', 5);
  const F = await enrol('1970-12-12', 6);
  at('2027-02-27T00:00:00.000Z');
  await activateDueMemberships(context);
  at('2027-03-02T09:00:00.000Z');
  const first = [await claim(A, '2027-02-27'), await claim(D, '2027-03-01')];
  at('2027-03-05T10:00:00.000Z');
  const G = await enrol('1980-07-07', 7);
  at('2027-03-10T08:00:00.000Z');
  await changeMembershipStatus(context, F, 'member_withdrew', 'Moved away', 'member');
  at('2027-03-10T09:00:00.000Z');
  for (const claim_id of first) await endNotice(context, claim_id, 'system');
  await run('2027-03-21T01:00:00.000Z', 1);

  at('2027-03-23T09:00:00.000Z');
  const second = await claim(E, '2027-03-22');
  at('2027-03-25T08:00:00.000Z');
  await changeMembershipStatus(context, B, 'member_withdrew', 'No longer wanted', 'member');
  at('2027-03-26T08:00:00.000Z');
  await changeMembershipStatus(context, A, 'member_withdrew', 'Helped, and leaves', 'member');
  at('2027-03-28T10:00:00.000Z');
  const H = await enrol('2001-01-01', 8);
  at('2027-03-31T09:00:00.000Z');
  await endNotice(context, second, 'system');
  await run('2027-04-07T01:00:00.000Z', 2);

  if (cycles >= 3) {
    at('2027-07-01T00:00:00.000Z');
    await activateDueMemberships(context);
    at('2028-02-16T09:00:00.000Z');
    const third = [await claim(C, '2028-02-15'), await claim(G, '2028-02-15'), await claim(H, '2028-02-15')];
    at('2028-02-24T09:00:00.000Z');
    for (const claim_id of third) await endNotice(context, claim_id, 'system');
    await run('2028-03-21T01:00:00.000Z', 3);
  }
  return { context, members: { A, B, C, D, E, F, G, H }, operators };
}
