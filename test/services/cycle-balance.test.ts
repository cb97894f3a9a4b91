import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { criticalIllnessPlan, seniorCancerPlan } from '../../src/core/plans/sample-plans.js';
import type { PlanRulesJson } from '../../src/core/plans/plan-rules.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { runCycle } from '../../src/services/cycles/index.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { enrolMembers } from '../../src/services/members.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { createPlan } from '../../src/services/plans.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import type { CycleRow } from '../../src/services/cycles/cycle-rows.js';

const plan_id = 'balance-plan';
/** Each run builds a new database and a cycle: a handful of runs per store keeps the suite quick. */
const runs_per_store = 12;

interface Scenario {
  readonly prepaid: boolean;
  readonly fee_bps: number;
  readonly per_case_minor: number | null;
  readonly per_year_minor: number | null;
  readonly policy: 'backstop' | 'reduce_aid';
  readonly weights: readonly [number, number] | null;
  /** Per member: the birth year offset and the wallet top-up (0: none; only for prepaid plans). */
  readonly members: ReadonlyArray<{ readonly birth_offset: number; readonly top_up_minor: number }>;
  readonly aids_minor: readonly number[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  prepaid: fc.boolean(),
  fee_bps: fc.integer({ min: 0, max: 2000 }),
  per_case_minor: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: null }),
  per_year_minor: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }),
  policy: fc.constantFrom('backstop' as const, 'reduce_aid' as const),
  weights: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { nil: null }),
  // Top-ups between the sample senior plan's minimum and maximum (1,000 and 200,000), or none.
  members: fc.array(
    fc.record({ birth_offset: fc.integer({ min: 0, max: 7 }), top_up_minor: fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 200_000 })) }),
    { minLength: 1, maxLength: 6 },
  ),
  aids_minor: fc.array(fc.integer({ min: 1, max: 30_000_000 }), { minLength: 0, maxLength: 3 }),
});

function rulesOf(input: Scenario): PlanRulesJson {
  const base: PlanRulesJson = input.prepaid ? seniorCancerPlan.rules : criticalIllnessPlan.rules;
  return {
    ...base,
    fee_bps: input.fee_bps,
    caps: {
      per_case_minor: input.per_case_minor === null ? null : String(input.per_case_minor),
      per_year_minor: input.per_year_minor === null ? null : String(input.per_year_minor),
      policy: input.policy,
    },
    // The middle of each plan's join ages splits the two weight bands.
    share_weights: input.weights === null ? null : [{ max_age_years: input.prepaid ? 63 : 40, weight: input.weights[0] }, { max_age_years: 130, weight: input.weights[1] }],
  };
}

async function balancesOf(context: TestContext): Promise<(code: string) => bigint> {
  const rows = await context.store.db.selectFrom('ledger_accounts').select(['code', 'net_debit_minor']).execute();
  const net = new Map(rows.map((row) => [row.code, row.net_debit_minor]));
  return (code) => net.get(code) ?? 0n;
}

/** Builds the scenario's plan, members, wallets and approved cases; runs its first cycle through the charge step. */
async function chargeScenario(dialect: Parameters<typeof testContext>[0], input: Scenario): Promise<CycleRow> {
  const base = await testContext(dialect);
  let context: TestContext = base;
  const gateway = new SimulatedGateway({ secret: 'secret', clock: base.clock, random: seededRandom('gw'), deliver: async (body, signature) => void (await handleGatewayWebhook(context, body, signature)) });
  context = { ...base, gateway };
  try {
    await createPlan(context, { id: plan_id, name_zh: '平衡', name_en: 'Balance plan', rules: rulesOf(input) }, null);
    const first_birth_year = input.prepaid ? 1958 : 1972;
    const enrolled = await enrolMembers(
      context,
      input.members.map((member, index) => ({ plan_id, payer_user_id: null, person: personBornOn(`${first_birth_year + member.birth_offset}-05-01`, 200 + index), answers: noToAll })),
    );
    const ids = enrolled.map((result) => (result.ok ? result.value.membership_id : expect.fail(JSON.stringify(result))));
    let topped_up_minor = 0n;
    if (input.prepaid) {
      for (const [index, member] of input.members.entries()) {
        if (member.top_up_minor === 0) continue;
        await requestTopUp(context, ids[index]!, BigInt(member.top_up_minor));
        topped_up_minor += BigInt(member.top_up_minor);
      }
      await gateway.deliverPending();
    }
    for (const [index, aid_minor] of input.aids_minor.entries()) {
      await sql`
        insert into claims (case_number, membership_id, plan_id, member_code, person_id, plan_version, illness_code, diagnosis_date, hospital, state, age_at_diagnosis_years, aid_minor, submitted_at, state_changed_at)
        select ${`CBAL${index}`}, m.id, m.plan_id, m.member_code, m.person_id, 1, 'CI-01', ${`2027-03-0${index + 1}`}, 'hospital', 'approved', 60, cast(${aid_minor} as bigint), '2027-03-02T00:00:00.000Z', '2027-03-05T00:00:00.000Z'
        from memberships m where m.id = ${ids[index % ids.length]!}`.execute(context.store.db);
    }
    context.clock.set('2027-03-21T01:00:00.000Z');
    // Stop right after the charge step, before payouts move aid payable on.
    const run = runCycle(context, plan_id, {
      failPoint: (name) => {
        if (name === 'charge:after') throw new Error('stop after charge');
      },
    });
    await expect(run).rejects.toThrow('stop after charge');
    const cycle = await context.store.db.selectFrom('cycles').selectAll().where('plan_id', '=', plan_id).executeTakeFirstOrThrow();
    const { charged_minor, shortfall_minor, backstop_minor, aid_payable_minor, fee_payable_minor } = cycle;
    if (charged_minor === null || shortfall_minor === null || backstop_minor === null || aid_payable_minor === null || fee_payable_minor === null) {
      return expect.fail('the charge step records the balance on the cycle');
    }
    const share_total_minor = cycle.share_total_minor ?? -1n;
    const capped_total_minor = cycle.capped_total_minor ?? -1n;

    // The identities, as recorded.
    expect(share_total_minor + capped_total_minor).toBe(cycle.total_minor);
    expect(charged_minor + shortfall_minor).toBe(share_total_minor);
    expect(charged_minor + shortfall_minor + backstop_minor + cycle.surplus_in_minor).toBe(aid_payable_minor + fee_payable_minor + cycle.surplus_out_minor);
    const aid_cut_minor = capped_total_minor < cycle.aid_total_minor ? capped_total_minor : cycle.aid_total_minor;
    if (input.policy === 'backstop') {
      expect(backstop_minor).toBe(capped_total_minor);
      expect(aid_payable_minor).toBe(cycle.aid_total_minor);
      expect(fee_payable_minor).toBe(cycle.fee_minor);
    } else {
      expect(backstop_minor).toBe(0n);
      expect(aid_payable_minor).toBe(cycle.aid_total_minor - aid_cut_minor);
      expect(fee_payable_minor).toBe(cycle.fee_minor - (capped_total_minor - aid_cut_minor));
    }
    if (!input.prepaid) expect(shortfall_minor).toBe(0n);

    // The same figures, as the ledger holds them (a new plan: this cycle is all that was posted to it).
    const balance = await balancesOf(context);
    expect(-balance(`aid_payable:${plan_id}`)).toBe(aid_payable_minor + cycle.surplus_out_minor);
    expect(-balance(`fee_payable:${plan_id}`)).toBe(fee_payable_minor);
    expect(balance(`backstop:${plan_id}`)).toBe(backstop_minor);
    expect(balance(`shares_receivable:${plan_id}`)).toBe(input.prepaid ? shortfall_minor : charged_minor);
    const cases = await context.store.db.selectFrom('cycle_cases').select('payable_minor').where('cycle_id', '=', cycle.id).execute();
    expect(cases.reduce((total, row) => total + row.payable_minor, 0n)).toBe(aid_payable_minor);
    const charges = await context.store.db.selectFrom('share_charges').select(['amount_minor', 'status']).where('reference', '=', `cycle:${cycle.cycle_code}`).execute();
    const sumOf = (status: string) => charges.filter((charge) => charge.status === status).reduce((total, charge) => total + charge.amount_minor, 0n);
    if (input.prepaid) {
      expect(sumOf('paid')).toBe(charged_minor);
      expect(sumOf('due')).toBe(shortfall_minor);
      const wallets = await context.store.db.selectFrom('ledger_accounts').select('net_debit_minor').where('code', 'like', 'wallet:%').execute();
      expect(-wallets.reduce((total, row) => total + row.net_debit_minor, 0n)).toBe(topped_up_minor - charged_minor);
    } else {
      expect(sumOf('due')).toBe(charged_minor);
    }
    const summary = await context.store.db.selectFrom('cycle_steps').select('detail_json').where('cycle_id', '=', cycle.id).where('step', '=', 'charge').executeTakeFirstOrThrow();
    expect(JSON.parse(summary.detail_json)).toMatchObject({ charged_minor: String(charged_minor), shortfall_minor: String(shortfall_minor), backstop_minor: String(backstop_minor) });
    expect((await verifyJournal(context.store)).ok).toBe(true);
    for (const report of await reconcileFundingAccounts(context.store)) expect(report.ok).toBe(true);
    return cycle;
  } finally {
    await context.store.close();
  }
}

describeEachBackend('every cycle balances', (dialect) => {
  it('records and asserts charged + shortfall + backstop = aid payable + fee payable, over random plans, caps, policies and wallets', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => void (await chargeScenario(dialect, input))),
      { numRuns: runs_per_store },
    );
  }, 120_000);

  it('books the prepaid shares no wallet could pay as receivables, with the whole fee', async () => {
    const cycle = await chargeScenario(dialect, {
      prepaid: true,
      fee_bps: 800,
      per_case_minor: null,
      per_year_minor: null,
      policy: 'backstop',
      weights: null,
      members: [{ birth_offset: 0, top_up_minor: 0 }, { birth_offset: 1, top_up_minor: 0 }],
      aids_minor: [10_000_000],
    });
    // 100,000 CNY + 8% over two empty wallets: nothing was deducted, all of it is owed, and the fee is recognised whole.
    expect(cycle).toMatchObject({ share_total_minor: 10_800_000n, charged_minor: 0n, shortfall_minor: 10_800_000n, fee_payable_minor: 800_000n, aid_payable_minor: 10_000_000n });
  });
});
