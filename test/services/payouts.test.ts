import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcileFunding, type FundingBalances } from '../../src/core/funding/custody-reconciliation.js';
import { getAccount, postTransfers } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { collectDueCharges } from '../../src/services/funding/collections.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { createReceivables } from '../../src/services/funding/receivables.js';
import { deductShares } from '../../src/services/funding/share-deductions.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { accountCodes } from '../../src/services/plan-accounts.js';
import {
  advanceAid,
  listAdvances,
  listPayouts,
  payDueAid,
  payoutAccountCodes,
  payoutAttemptLimit,
  repayAdvances,
  retryFailedAidPayout,
  scheduleAidPayoutIn,
} from '../../src/services/payouts/index.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { codeOf } from '../support/rejection-code.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { cycleRowValues } from '../support/cycle-row-factory.js';

const secret = 'whsec_test_payouts';
const postPaid = 'critical-illness';
const prepaid = 'senior-cancer';

describeEachBackend('aid payouts', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  let blobs: MemoryBlobStore;
  let sequence = 0;
  let cycles = 0;
  /** Post-paid members: the first one is the patient. */
  let members: bigint[];
  /** Prepaid members. */
  let seniors: bigint[];

  beforeEach(async () => {
    const base = await testContext(dialect);
    gateway = new SimulatedGateway({
      secret,
      clock: base.clock,
      random: seededRandom('payout-gateway'),
      deliver: async (rawBody, signature) => {
        await handleGatewayWebhook(context, rawBody, signature);
      },
    });
    context = { ...base, gateway };
    blobs = new MemoryBlobStore();
    await ensureSamplePlans(context);
    members = await join(postPaid, 4);
    seniors = await join(prepaid, 3);
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    context.clock.set('2027-03-15T10:00:00.000Z');
  });
  afterEach(async () => context.store.close());

  async function join(plan_id: string, count: number): Promise<bigint[]> {
    const birth = plan_id === prepaid ? '1960-04-12' : '1990-04-12';
    const people = Array.from({ length: count }, () => personBornOn(birth, ++sequence));
    const results = await enrolMembers(context, people.map((person) => ({ plan_id, payer_user_id: null, person, answers: noToAll })));
    return results.map((result) => {
      if (!result.ok) throw new Error(`join failed: ${result.rejection.code}`);
      return result.value.membership_id;
    });
  }

  /** A claim of the membership taken through review and a public notice to approved. */
  async function approvedClaim(membership_id: bigint): Promise<{ claim_id: bigint; case_number: string }> {
    const at = context.clock.now().toISOString();
    const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
    const claim = await submitClaim(context, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] }, blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(context, claim.claim_id, 'user:reviewer');
    context.clock.set(new Date(new Date(at).getTime() + 7 * 86_400_000).toISOString());
    await endNotice(context, claim.claim_id, 'system');
    return { claim_id: claim.claim_id, case_number: claim.case_number };
  }

  /** A cycle row as the cycle code would have written it (only the columns payouts read matter). */
  async function cycle(plan_id: string): Promise<bigint> {
    cycles += 1;
    const at = context.clock.now().toISOString();
    const row = await context.store.db
      .insertInto('cycles')
      .values(
        cycleRowValues({
          cycle_code: `${plan_id}-${cycles}`,
          plan_id,
          sequence: BigInt(cycles),
          funding_model: plan_id === prepaid ? 'prepaid' : 'post_paid',
          snapshot_at: `${at.slice(0, 19)}.${String(cycles).padStart(3, '0')}Z`,
          collection_at: at,
          created_at: at,
          completed_at: at,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** What a post-paid cycle posts: the shares as receivables, then the fee out of aid payable. */
  async function chargePostPaid(reference: string, share_minor: bigint, fee_minor: bigint): Promise<void> {
    await createReceivables(context, postPaid, reference, members.map((membership_id) => ({ membership_id, amount_minor: share_minor })), '2027-12-01T00:00:00.000Z');
    await moveFee(postPaid, reference, fee_minor);
  }

  async function moveFee(plan_id: string, reference: string, fee_minor: bigint): Promise<void> {
    await postTransfers(
      context.store,
      [
        {
          idempotency_key: `test-fee:${reference}`,
          kind: 'management_fee',
          description: 'Management fee of the cycle',
          currency: 'CNY',
          legs: [
            { account_code: accountCodes.aidPayable(plan_id), side: 'debit', amount_minor: fee_minor },
            { account_code: accountCodes.feePayable(plan_id), side: 'credit', amount_minor: fee_minor },
          ],
        },
      ],
      context.clock.now().toISOString(),
    );
  }

  async function collect(): Promise<void> {
    await collectDueCharges(context);
    await deliver();
  }

  async function deliver() {
    const result = await gateway.deliverPending();
    expect(result.failed).toBe(0);
    return result;
  }

  async function schedule(input: { claim_id: bigint; cycle_id: bigint; plan_id?: string; amount_minor: bigint }) {
    return context.store.db.transaction().execute((trx) =>
      scheduleAidPayoutIn(trx, { plan_id: postPaid, actor: 'system:cycle', at: context.clock.now().toISOString(), ...input }),
    );
  }

  async function balance(code: string): Promise<bigint> {
    return (await getAccount(context.store, code)).balance_minor;
  }

  async function claimState(claim_id: bigint): Promise<string> {
    return (await context.store.db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow()).state;
  }

  async function payout(claim_id: bigint) {
    return context.store.db.selectFrom('aid_payouts').selectAll().where('claim_id', '=', claim_id).executeTakeFirstOrThrow();
  }

  async function expectBooksBalance() {
    const journal = await verifyJournal(context.store);
    expect(journal.problems).toEqual([]);
    expect(journal.ok).toBe(true);
    const reports = await reconcileFundingAccounts(context.store);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expect(report).toMatchObject({ ok: true, custody_difference_minor: 0n, collection_difference_minor: 0n });
  }

  async function transactionCount(): Promise<bigint> {
    return BigInt((await context.store.db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow()).n);
  }

  it('pays an approved claim once the members have paid in: claim paid, payer told, books balanced', async () => {
    const { claim_id, case_number } = await approvedClaim(members[0]!);
    const cycle_id = await cycle(postPaid);
    await chargePostPaid('cycle-1', 3000n, 600n);
    const scheduled = await schedule({ claim_id, cycle_id, amount_minor: 5000n });
    expect(scheduled).toMatchObject({ status: 'due', created: true });
    expect(await claimState(claim_id)).toBe('scheduled');

    // Nothing collected yet: aid payable 11,400 − receivables 12,000 leaves nothing to pay with.
    const early = await payDueAid(context);
    expect(early).toMatchObject({ requested: 0, sent: 0 });
    expect(early.uncovered).toEqual([{ payout_id: scheduled.payout_id, claim_id, plan_id: postPaid, amount_minor: 5000n, available_minor: 0n }]);
    expect((await payout(claim_id)).status).toBe('due');

    await collect();
    expect(await balance(accountCodes.collection('CNY'))).toBe(12_000n);
    const paying = await payDueAid(context);
    expect(paying).toMatchObject({ requested: 1, sent: 1, unsent: 0, uncovered: [] });
    expect(await payout(claim_id)).toMatchObject({ status: 'in_flight', attempts: 1n });
    expect(await balance(accountCodes.aidPayable(postPaid))).toBe(6400n);
    expect(await balance(payoutAccountCodes.aidInTransit(postPaid))).toBe(5000n);
    await expectBooksBalance();
    // Running again while it is in flight sends nothing more.
    expect(await payDueAid(context)).toMatchObject({ requested: 0, uncovered: [] });

    await deliver();
    expect(await payout(claim_id)).toMatchObject({ status: 'paid', paid_at: context.clock.now().toISOString(), last_failure_reason: null });
    expect(await claimState(claim_id)).toBe('paid');
    expect(await balance(accountCodes.collection('CNY'))).toBe(7000n);
    expect(await balance(payoutAccountCodes.aidInTransit(postPaid))).toBe(0n);
    expect(await balance(accountCodes.feePayable(postPaid))).toBe(600n);
    const events = await context.store.db.selectFrom('claim_events').select(['event', 'actor']).where('claim_id', '=', claim_id).orderBy('id').execute();
    expect(events.slice(-2)).toEqual([
      { event: 'schedule', actor: 'system:cycle' },
      { event: 'pay', actor: 'system:payouts' },
    ]);
    const notices = await context.store.db.selectFrom('notifications').selectAll().where('membership_id', '=', members[0]!).where('kind', '=', 'aid_paid').execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body_en).toContain(case_number);
    await expectBooksBalance();

    // Idempotent re-runs: scheduling again, paying again, the provider's event again.
    const before = await transactionCount();
    expect(await schedule({ claim_id, cycle_id, amount_minor: 5000n })).toEqual({ payout_id: scheduled.payout_id, status: 'paid', created: false });
    expect(await payDueAid(context)).toMatchObject({ requested: 0, uncovered: [] });
    const [event] = gateway.deliveredEvents().filter((entry) => entry.event.reference.startsWith('aid_payout:'));
    expect(await handleGatewayWebhook(context, event!.raw_body, gateway.sign(event!.raw_body))).toEqual({ duplicate: true });
    await gateway.redeliver(event!.event.event_id);
    expect(await transactionCount()).toBe(before);
    expect(await context.store.db.selectFrom('aid_payout_attempts').select('reference').execute()).toEqual([{ reference: `aid_payout:${scheduled.payout_id}:1` }]);

    const listed = await listPayouts(context, { plan_id: postPaid });
    expect(listed).toEqual([expect.objectContaining({ id: scheduled.payout_id, case_number, amount_minor: 5000n, status: 'paid', attempts: 1n })]);
    expect(await listPayouts(context, { status: 'due' })).toEqual([]);
  });

  it('a failed payout returns the money and is tried again a day later; after its limit it waits for the operator', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    await chargePostPaid('cycle-1', 3000n, 600n);
    await collect();
    const { payout_id } = await schedule({ claim_id, cycle_id: await cycle(postPaid), amount_minor: 5000n });

    gateway.forceOutcomes('failed');
    expect(await payDueAid(context)).toMatchObject({ requested: 1 });
    await deliver();
    const failed = await payout(claim_id);
    expect(failed).toMatchObject({ status: 'due', attempts: 1n });
    expect(failed.last_failure_reason).not.toBeNull();
    expect(failed.next_attempt_at! > context.clock.now().toISOString()).toBe(true);
    expect(await balance(accountCodes.aidPayable(postPaid))).toBe(11_400n);
    expect(await balance(payoutAccountCodes.aidInTransit(postPaid))).toBe(0n);
    expect(await claimState(claim_id)).toBe('scheduled');
    await expectBooksBalance();
    // Not before its next attempt time; the payout keeps its place (it is not reported as uncovered).
    expect(await payDueAid(context)).toMatchObject({ requested: 0, uncovered: [] });

    // The remaining attempts fail too: then it is failed, visibly, and no longer sent.
    for (let attempt = 2n; attempt <= payoutAttemptLimit; attempt += 1n) {
      context.clock.set((await payout(claim_id)).next_attempt_at!);
      gateway.forceOutcomes('failed');
      expect(await payDueAid(context)).toMatchObject({ requested: 1 });
      await deliver();
    }
    expect(await payout(claim_id)).toMatchObject({ status: 'failed', attempts: payoutAttemptLimit, next_attempt_at: null });
    expect(await listPayouts(context, { status: 'failed' })).toHaveLength(1);
    context.clock.set('2027-06-01T00:00:00.000Z');
    expect(await payDueAid(context)).toMatchObject({ requested: 0, uncovered: [] });

    expect(await codeOf(retryFailedAidPayout(context, 999_999n))).toBe('PAYOUT_NOT_FOUND');
    expect((await retryFailedAidPayout(context, payout_id)).status).toBe('due');
    expect(await codeOf(retryFailedAidPayout(context, payout_id))).toBe('PAYOUT_NOT_FAILED');
    expect(await payDueAid(context)).toMatchObject({ requested: 1 });
    await deliver();
    expect(await payout(claim_id)).toMatchObject({ status: 'paid', attempts: payoutAttemptLimit + 1n });
    expect(await claimState(claim_id)).toBe('paid');
    const attempts = await context.store.db.selectFrom('aid_payout_attempts').select(['attempt', 'status']).where('payout_id', '=', payout_id).orderBy('attempt').execute();
    expect(attempts.map((row) => row.status)).toEqual([...Array.from({ length: Number(payoutAttemptLimit) }, () => 'failed'), 'succeeded']);
    expect(await balance(accountCodes.collection('CNY'))).toBe(7000n);
    await expectBooksBalance();
  });

  it('pays oldest first and keeps later payouts of the plan waiting while an earlier one is not covered', async () => {
    const first = await approvedClaim(members[0]!);
    const second = await approvedClaim(members[1]!);
    const cycle_id = await cycle(postPaid);
    await chargePostPaid('cycle-1', 3000n, 600n);
    await collect();
    await schedule({ claim_id: first.claim_id, cycle_id, amount_minor: 20_000n });
    await schedule({ claim_id: second.claim_id, cycle_id, amount_minor: 1000n });
    const report = await payDueAid(context);
    expect(report.requested).toBe(0);
    expect(report.uncovered.map((entry) => entry.claim_id)).toEqual([first.claim_id, second.claim_id]);
    expect(await balance(accountCodes.aidPayable(postPaid))).toBe(11_400n);
    await expectBooksBalance();
  });

  it('an operator advance pays aid before collection, and collections pay the advance back', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    await chargePostPaid('cycle-1', 3000n, 600n);
    const { payout_id } = await schedule({ claim_id, cycle_id: await cycle(postPaid), amount_minor: 5000n });
    expect((await payDueAid(context)).uncovered).toHaveLength(1);

    expect(await codeOf(advanceAid(context, { plan_id: postPaid, amount_minor: 0n, actor: 'staff:1', idempotency_key: 'a-1' }))).toBe('ADVANCE_BAD_AMOUNT');
    expect(await codeOf(advanceAid(context, { plan_id: 'no-such-plan', amount_minor: 100n, actor: 'staff:1', idempotency_key: 'a-1' }))).toBe('ADVANCE_UNKNOWN_PLAN');
    expect(await codeOf(advanceAid(context, { plan_id: postPaid, amount_minor: 100n, actor: 'staff:1', idempotency_key: 'has space' }))).toBe('ADVANCE_BAD_KEY');
    // The fee (600) is owed from the first money in; 5,600 covers it and the aid.
    const advanced = await advanceAid(context, { plan_id: postPaid, amount_minor: 5600n, actor: 'staff:1', idempotency_key: 'a-1' });
    expect(advanced).toMatchObject({ replayed: false, advance: { kind: 'advance', amount_minor: 5600n, actor: 'staff:1', plan_id: postPaid } });
    expect(await advanceAid(context, { plan_id: postPaid, amount_minor: 5600n, actor: 'staff:1', idempotency_key: 'a-1' })).toEqual({ advance: advanced.advance, replayed: true });
    expect(await codeOf(advanceAid(context, { plan_id: postPaid, amount_minor: 5601n, actor: 'staff:1', idempotency_key: 'a-1' }))).toBe('ADVANCE_IDEMPOTENCY_CONFLICT');
    expect(await balance(accountCodes.collection('CNY'))).toBe(5600n);
    expect(await balance(accountCodes.operatorAdvances(postPaid))).toBe(5600n);
    await expectBooksBalance();

    // Nothing over yet to repay with: the advance is needed for the payout.
    expect(await repayAdvances(context)).toEqual({ repaid: [], failed: [] });
    expect(await payDueAid(context)).toMatchObject({ requested: 1, uncovered: [] });
    await deliver();
    expect(await payout(claim_id)).toMatchObject({ id: payout_id, status: 'paid' });
    expect(await claimState(claim_id)).toBe('paid');
    expect(await balance(accountCodes.collection('CNY'))).toBe(600n);
    expect(await repayAdvances(context)).toEqual({ repaid: [], failed: [] });
    await expectBooksBalance();

    // The members pay: the advance goes back to the operator, once.
    await collect();
    expect(await repayAdvances(context, { plan_id: postPaid })).toEqual({ repaid: [{ plan_id: postPaid, amount_minor: 5600n }], failed: [] });
    expect(await repayAdvances(context)).toEqual({ repaid: [], failed: [] });
    expect(await balance(accountCodes.operatorAdvances(postPaid))).toBe(0n);
    // Shares 12,000 in, aid 5,000 out: the fee 600 and the aid payable 6,400 left.
    expect(await balance(accountCodes.collection('CNY'))).toBe(7000n);
    const statement = await listAdvances(context, postPaid);
    expect(statement).toMatchObject({ outstanding_minor: 0n, available_minor: 6400n });
    expect(statement.entries.map((entry) => [entry.kind, entry.amount_minor])).toEqual([
      ['repayment', 5600n],
      ['advance', 5600n],
    ]);
    await expectBooksBalance();
  });

  it('repays only what the due payouts do not need', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    await chargePostPaid('cycle-1', 3000n, 600n);
    await advanceAid(context, { plan_id: postPaid, amount_minor: 2000n, actor: 'staff:1', idempotency_key: 'small' });
    // Nothing collected: available 11,400 − 12,000 + 2,000 = 1,400; a due payout of 1,000 leaves 400 to repay.
    await schedule({ claim_id, cycle_id: await cycle(postPaid), amount_minor: 1000n });
    expect(await repayAdvances(context)).toEqual({ repaid: [{ plan_id: postPaid, amount_minor: 400n }], failed: [] });
    expect(await balance(accountCodes.operatorAdvances(postPaid))).toBe(1600n);
    expect(await payDueAid(context)).toMatchObject({ requested: 1, uncovered: [] });
    await deliver();
    expect((await payout(claim_id)).status).toBe('paid');
    expect(await repayAdvances(context)).toEqual({ repaid: [], failed: [] });
    await expectBooksBalance();
  });

  it('settles a payout of zero at once, without the provider and without a posting', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    const cycle_id = await cycle(postPaid);
    const before = await transactionCount();
    const scheduled = await schedule({ claim_id, cycle_id, amount_minor: 0n });
    expect(scheduled).toMatchObject({ status: 'paid', created: true });
    expect(await claimState(claim_id)).toBe('paid');
    expect(await schedule({ claim_id, cycle_id, amount_minor: 0n })).toMatchObject({ status: 'paid', created: false });
    expect(await payDueAid(context)).toMatchObject({ requested: 0, uncovered: [] });
    expect(await transactionCount()).toBe(before);
    expect(await context.store.db.selectFrom('aid_payout_attempts').selectAll().execute()).toEqual([]);
    expect(await context.store.db.selectFrom('notifications').select('kind').where('membership_id', '=', members[0]!).where('kind', '=', 'aid_paid').execute()).toHaveLength(1);
    await expectBooksBalance();
  });

  it('refuses bad schedules with stable codes, changing nothing', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    const cycle_id = await cycle(postPaid);
    expect(await codeOf(schedule({ claim_id, cycle_id, amount_minor: -1n }))).toBe('PAYOUT_BAD_AMOUNT');
    expect(await codeOf(schedule({ claim_id, cycle_id, amount_minor: 30_000_001n }))).toBe('PAYOUT_ABOVE_AID');
    expect(await codeOf(schedule({ claim_id, cycle_id, plan_id: prepaid, amount_minor: 1n }))).toBe('PAYOUT_WRONG_PLAN');
    expect(await codeOf(schedule({ claim_id: 999_999n, cycle_id, amount_minor: 1n }))).toBe('CLAIM_NOT_FOUND');
    expect(await claimState(claim_id)).toBe('approved');
    await schedule({ claim_id, cycle_id, amount_minor: 100n });
    expect(await codeOf(schedule({ claim_id, cycle_id, amount_minor: 101n }))).toBe('PAYOUT_CONFLICT');
    // A claim not yet approved cannot be scheduled.
    const evidence = { bytes: Buffer.from('%PDF-1.7\nx\n%%EOF'), content_type: 'application/pdf', file_name: 'x.pdf' };
    const pending = await submitClaim(context, { membership_id: members[1]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] }, blobs);
    expect(await codeOf(schedule({ claim_id: pending.claim_id, cycle_id, amount_minor: 1n }))).toBe('CLAIM_BAD_TRANSITION');
    expect(await context.store.db.selectFrom('aid_payouts').selectAll().execute()).toHaveLength(1);
  });

  it('checks webhooks for aid payouts as for payments: amount, duplicates, contrary events', async () => {
    const { claim_id } = await approvedClaim(members[0]!);
    await chargePostPaid('cycle-1', 3000n, 600n);
    await collect();
    const { payout_id } = await schedule({ claim_id, cycle_id: await cycle(postPaid), amount_minor: 5000n });
    await payDueAid(context);
    const [pending] = gateway.pendingEvents();
    expect(pending!.event.reference).toBe(`aid_payout:${payout_id}:1`);
    const inflated = JSON.stringify({ ...pending!.event, event_id: 'evt_inflated', amount_minor: '5001' });
    expect(await codeOf(handleGatewayWebhook(context, inflated, gateway.sign(inflated)))).toBe('PAYMENT_AMOUNT_MISMATCH');
    const otherPayment = JSON.stringify({ ...pending!.event, event_id: 'evt_other', gateway_payment_id: 'pay_other' });
    expect(await codeOf(handleGatewayWebhook(context, otherPayment, gateway.sign(otherPayment)))).toBe('PAYMENT_UNKNOWN_REFERENCE');
    const unknown = JSON.stringify({ ...pending!.event, event_id: 'evt_unknown', reference: 'aid_payout:999999:1' });
    expect(await codeOf(handleGatewayWebhook(context, unknown, gateway.sign(unknown)))).toBe('PAYMENT_UNKNOWN_REFERENCE');
    expect(await codeOf(handleGatewayWebhook(context, pending!.raw_body, 't=1,v1=00'))).toBe('PAYMENT_BAD_SIGNATURE');

    const result = await handleGatewayWebhook(context, pending!.raw_body, gateway.sign(pending!.raw_body));
    expect(result).toMatchObject({ duplicate: false, outcome: 'succeeded', aid_payout_id: payout_id });
    expect(await handleGatewayWebhook(context, pending!.raw_body, gateway.sign(pending!.raw_body))).toEqual({ duplicate: true });
    const before = await transactionCount();
    const contrary = JSON.stringify({ ...pending!.event, event_id: 'evt_contrary', type: 'payment.failed', failure_reason: 'account_closed' });
    expect(await handleGatewayWebhook(context, contrary, gateway.sign(contrary))).toMatchObject({ duplicate: false, outcome: 'ignored', aid_payout_id: payout_id });
    expect(await transactionCount()).toBe(before);
    expect(await payout(claim_id)).toMatchObject({ status: 'paid' });
    await expectBooksBalance();
  });

  it('pays a prepaid plan out of custody, and the background jobs pay and repay on their own', async () => {
    for (const membership_id of seniors) await requestTopUp(context, membership_id, 5000n);
    await deliver();
    const { claim_id } = await approvedClaim(seniors[0]!);
    await deductShares(context, prepaid, 'senior-1', seniors.map((membership_id) => ({ membership_id, amount_minor: 2000n })));
    await moveFee(prepaid, 'senior-1', 400n);
    const cycle_id = await cycle(prepaid);
    await context.store.db.transaction().execute((trx) =>
      scheduleAidPayoutIn(trx, { claim_id, cycle_id, plan_id: prepaid, amount_minor: 5000n, actor: 'system:cycle', at: context.clock.now().toISOString() }),
    );
    // Shares 6,000 in, fee 400: 5,600 available, enough; an advance made meanwhile is repaid in the same pass.
    await advanceAid(context, { plan_id: prepaid, amount_minor: 400n, actor: 'staff:1', idempotency_key: 'senior-advance' });
    const custodyBefore = await balance(accountCodes.custody('CNY'));
    const jobs = await runBackgroundJobs(context);
    expect(jobs).toMatchObject({ aid_payouts_sent: 1, aid_payouts_uncovered: 0, advances_repaid: 1 });
    expect((await payout(claim_id)).status).toBe('paid');
    expect(await claimState(claim_id)).toBe('paid');
    expect(await balance(accountCodes.custody('CNY'))).toBe(custodyBefore - 5000n - 400n);
    expect(await balance(accountCodes.operatorAdvances(prepaid))).toBe(0n);
    expect(await balance(accountCodes.aidPayable(prepaid))).toBe(600n);
    await expectBooksBalance();
    expect(await runBackgroundJobs(context)).toMatchObject({ aid_payouts_sent: 0, aid_payouts_uncovered: 0, advances_repaid: 0 });
  });

  it('the background jobs pay each plan on its own: one plan whose payout fails is logged and the other is paid', async () => {
    // A covered payout in each plan: the post-paid one by an advance, the prepaid one by its members' shares.
    const postPaidClaim = await approvedClaim(members[0]!);
    await chargePostPaid('cycle-1', 3000n, 600n);
    await schedule({ claim_id: postPaidClaim.claim_id, cycle_id: await cycle(postPaid), amount_minor: 5000n });
    await advanceAid(context, { plan_id: postPaid, amount_minor: 5600n, actor: 'staff:1', idempotency_key: 'isolation-advance' });
    for (const membership_id of seniors) await requestTopUp(context, membership_id, 5000n);
    await deliver();
    const prepaidClaim = await approvedClaim(seniors[0]!);
    await deductShares(context, prepaid, 'senior-1', seniors.map((membership_id) => ({ membership_id, amount_minor: 2000n })));
    await moveFee(prepaid, 'senior-1', 400n);
    await schedule({ claim_id: prepaidClaim.claim_id, cycle_id: await cycle(prepaid), plan_id: prepaid, amount_minor: 5000n });

    // The post-paid plan's in-transit account is broken by hand (another currency), so its payout's posting is refused.
    const inTransit = payoutAccountCodes.aidInTransit(postPaid);
    await context.store.db.updateTable('ledger_accounts').set({ currency: 'USD' }).where('code', '=', inTransit).execute();
    const logged: Array<Record<string, unknown>> = [];
    const jobs = await runBackgroundJobs(context, { error: (details) => logged.push(details) });
    expect(jobs).toMatchObject({ aid_payouts_sent: 1, failures: 1 });
    expect((await payout(prepaidClaim.claim_id)).status).toBe('paid');
    expect((await payout(postPaidClaim.claim_id)).status).toBe('due');
    expect(logged).toEqual([expect.objectContaining({ job: 'pay_due_aid', plan_id: postPaid, code: 'LEDGER_CURRENCY_MISMATCH' })]);

    // Mended, the next pass pays it.
    await context.store.db.updateTable('ledger_accounts').set({ currency: 'CNY' }).where('code', '=', inTransit).execute();
    expect(await runBackgroundJobs(context)).toMatchObject({ aid_payouts_sent: 1, failures: 0 });
    expect((await payout(postPaidClaim.claim_id)).status).toBe('paid');
    await expectBooksBalance();
  });
});

describe('funding reconciliation with fees, advances and aid in transit', () => {
  const zero: FundingBalances = {
    currency: 'CNY',
    custody_minor: 0n,
    wallets_minor: 0n,
    prepaid_aid_payable_minor: 0n,
    prepaid_receivable_minor: 0n,
    prepaid_fee_payable_minor: 0n,
    prepaid_operator_advances_minor: 0n,
    prepaid_aid_in_transit_minor: 0n,
    wallet_refunds_in_transit_minor: 0n,
    collection_minor: 0n,
    post_paid_receivable_minor: 0n,
    post_paid_aid_payable_minor: 0n,
    post_paid_fee_payable_minor: 0n,
    post_paid_operator_advances_minor: 0n,
    post_paid_aid_in_transit_minor: 0n,
    share_refunds_in_transit_minor: 0n,
  };

  it('counts what is owed out of each bank account, per bank account', () => {
    // Custody 10,000: wallets 3,000, aid payable 5,000, fee 400, advance 1,000, aid in transit 600.
    const custody = { ...zero, custody_minor: 10_000n, wallets_minor: 3000n, prepaid_aid_payable_minor: 5000n, prepaid_fee_payable_minor: 400n, prepaid_operator_advances_minor: 1000n, prepaid_aid_in_transit_minor: 600n };
    expect(reconcileFunding(custody)).toEqual({ currency: 'CNY', ok: true, custody_difference_minor: 0n, collection_difference_minor: 0n });
    expect(reconcileFunding({ ...custody, prepaid_fee_payable_minor: 0n }).custody_difference_minor).toBe(400n);
    // A deducted share of 700 the wallets could not pay: owed as aid, not yet in custody.
    expect(reconcileFunding({ ...custody, prepaid_aid_payable_minor: 5700n, prepaid_receivable_minor: 700n }).ok).toBe(true);
    // Collection 2,000 + receivables 9,000 = aid payable 6,000 + fee 600 + advance 2,000 + in transit 2,000 + share refunds 400.
    const collection = { ...zero, collection_minor: 2000n, post_paid_receivable_minor: 9000n, post_paid_aid_payable_minor: 6000n, post_paid_fee_payable_minor: 600n, post_paid_operator_advances_minor: 2000n, post_paid_aid_in_transit_minor: 2000n, share_refunds_in_transit_minor: 400n };
    expect(reconcileFunding(collection).ok).toBe(true);
    expect(reconcileFunding({ ...collection, post_paid_operator_advances_minor: 0n })).toMatchObject({ ok: false, collection_difference_minor: 2000n });
  });
});
