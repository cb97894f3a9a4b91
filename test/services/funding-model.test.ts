import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { criticalIllnessPlan, seniorCancerPlan } from '../../src/core/plans/sample-plans.js';
import { RejectionError } from '../../src/core/rejection.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { collectDueCharges } from '../../src/services/funding/collections.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { lapseUncollected, lapseUnpaidPrepaid } from '../../src/services/funding/overdue-lapse.js';
import { createReceivables } from '../../src/services/funding/receivables.js';
import { deductShares } from '../../src/services/funding/share-deductions.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { diagnoseInWaitingPeriod, retryFailedShareRefunds } from '../../src/services/funding/waiting-period-refunds.js';
import { requestWalletRefund } from '../../src/services/funding/wallet-refunds.js';
import { activateDueMemberships, enrolMembers, joinExistingPerson } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { SimulatedGateway, type GatewayOutcome } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { signWebhook } from '../../src/services/payments/webhook-signature.js';
import { createPlan } from '../../src/services/plans.js';
import type { DialectName } from '../../src/store/schema.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

/**
 * Model-based test of funding: random sequences of joins, rejoins, top-ups, refunds, deductions,
 * receivables, collections, deliveries (failed, duplicated, forged, contrary), lapses, diagnoses,
 * exits and clock ticks, run against the real services on each backend and against a small
 * in-memory model of what each should do. After every run the journal verifies, custody equals
 * wallets + prepaid aid payable + refunds in transit, and every wallet, charge and membership
 * status equals the model's.
 *
 * RUNS × OPERATIONS = 10,000 operations per backend. FUNDING_MODEL_SEED replays a failing run.
 */
const runs = 10;
const operationsPerRun = 1000;
const prepaidPersons = 8;
const postPaidPersons = 6;
const secret = 'whsec_model';
const prepaidPlan = 'model-prepaid';
const postPaidPlan = 'model-post-paid';
const dayMilliseconds = 86_400_000;

type Target = 'fitting' | 'any';

type Operation =
  | { readonly kind: 'join'; readonly person: number }
  | { readonly kind: 'top_up'; readonly member: number; readonly target: Target; readonly amount_minor: bigint; readonly seed: number }
  | { readonly kind: 'refund'; readonly member: number; readonly target: Target; readonly mode: 'part' | 'all' | 'over'; readonly seed: number }
  | { readonly kind: 'deduct'; readonly repeat: boolean; readonly seed: number }
  | { readonly kind: 'receivables'; readonly days: number; readonly seed: number }
  | { readonly kind: 'collect'; readonly seed: number }
  | { readonly kind: 'deliver'; readonly seed: number }
  | { readonly kind: 'redeliver'; readonly pick: number }
  | { readonly kind: 'forged'; readonly pick: number; readonly contrary: boolean }
  | { readonly kind: 'tick'; readonly hours: number }
  | { readonly kind: 'lapse_prepaid' }
  | { readonly kind: 'lapse_post_paid' }
  | { readonly kind: 'diagnose'; readonly member: number; readonly target: Target; readonly seed: number }
  | { readonly kind: 'withdraw'; readonly member: number; readonly target: Target }
  | { readonly kind: 'retry_refunds'; readonly seed: number };

const seed = fc.integer({ min: 0, max: 1_000_000 });
const member = fc.nat({ max: 1000 });
/** Most operations aim at a member they can act on, so the sequence does not just collect refusals. */
const target = fc.constantFrom<Target>('fitting', 'fitting', 'fitting', 'any');
/** Exits aim at random members, so that enough members stay long enough to become active. */
const rarelyFitting = fc.constantFrom<Target>('fitting', 'any', 'any', 'any');
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('join' as const), person: fc.nat({ max: prepaidPersons + postPaidPersons - 1 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('top_up' as const), member, target, amount_minor: fc.constantFrom(500n, 999n, 1000n, 1500n, 3000n), seed }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), member, target, mode: fc.constantFrom('part' as const, 'all' as const, 'over' as const), seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deduct' as const), repeat: fc.nat({ max: 4 }).map((n) => n === 0), seed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receivables' as const), days: fc.integer({ min: 1, max: 4 }), seed }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('collect' as const), seed }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), seed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat({ max: 10_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forged' as const), pick: fc.nat({ max: 10_000 }), contrary: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'lapse_prepaid' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'lapse_post_paid' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('diagnose' as const), member, target: rarelyFitting, seed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), member, target: rarelyFitting }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry_refunds' as const), seed }) },
);

/** The provider's decision for a request, known to both the simulated gateway and the model: about 30% fail. */
function outcomeFor(operation_seed: number, reference: string): GatewayOutcome {
  const byte = createHash('sha256').update(`${operation_seed}|${reference}`).digest()[0]!;
  return byte < 77 ? 'failed' : 'succeeded';
}

/** A share between 1 and `max` minor units, fixed by the operation's seed and the membership. */
function shareFor(operation_seed: number, membership_id: bigint, max: number): bigint {
  const digest = createHash('sha256').update(`${operation_seed}|share|${membership_id}`).digest();
  return BigInt(1 + (digest.readUInt32BE(0) % max));
}

type Status = 'waiting' | 'active' | 'lapsed' | 'withdrawn' | 'terminated' | 'ended';

interface ModelMember {
  readonly membership_id: bigint;
  readonly person: number;
  readonly prepaid: boolean;
  readonly member_code: string;
  readonly waiting_until: string;
  status: Status;
  wallet_minor: bigint;
}

interface ModelCharge {
  readonly id: bigint;
  readonly membership_id: bigint;
  readonly prepaid: boolean;
  readonly amount_minor: bigint;
  readonly deadline: string;
  status: 'due' | 'paid' | 'written_off' | 'refunded';
  warned_at: string | null;
  next_attempt_at: string | null;
  attempts: number;
  in_flight: boolean;
}

interface ModelPayment {
  readonly reference: string;
  readonly kind: 'top_up' | 'wallet_refund' | 'collection' | 'share_refund';
  readonly membership_id: bigint;
  readonly amount_minor: bigint;
  readonly outcome: GatewayOutcome;
  readonly charge_id?: bigint;
}

class FundingModel {
  readonly members: ModelMember[] = [];
  readonly charges = new Map<bigint, ModelCharge>();
  readonly persons = new Map<number, { person_id: bigint; live: ModelMember | undefined }>();
  /** Requests the provider has accepted and not yet reported on, in the order it will report them. */
  pending: ModelPayment[] = [];
  /** Share refunds whose payout failed and that were not paid again yet. */
  readonly failedShareRefunds: ModelPayment[] = [];
  lastDeduction: { reference: string; charges: Array<{ membership_id: bigint; amount_minor: bigint }> } | undefined;
  cycles = 0;
  forgeries = 0;

  /** The index-th member among those that fit (if any do and the operation aims at them), else among all. */
  member(index: number, target: Target, fits: (member: ModelMember) => boolean): ModelMember | undefined {
    const fitting = target === 'fitting' ? this.members.filter(fits) : [];
    const pool = fitting.length > 0 ? fitting : this.members;
    return pool.length === 0 ? undefined : pool[index % pool.length];
  }

  isLive(member: ModelMember): boolean {
    return member.status === 'waiting' || member.status === 'active';
  }

  setStatus(member: ModelMember, status: Status): void {
    member.status = status;
    const person = this.persons.get(member.person);
    if (person !== undefined && person.live === member && !this.isLive(member)) person.live = undefined;
  }

  dueChargesOf(membership_id: bigint): ModelCharge[] {
    return [...this.charges.values()].filter((charge) => charge.membership_id === membership_id && charge.status === 'due').sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

function addDays(at: string, days: number): string {
  return new Date(new Date(at).getTime() + days * dayMilliseconds).toISOString();
}

function describe(operation: Operation): string {
  return JSON.stringify(operation, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}

async function expectRejection(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RejectionError && error.rejection.code === code) return;
    throw error;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

async function runSequence(dialect: DialectName, operations: readonly Operation[]): Promise<void> {
  let operation_seed = 0;
  const base = await testContext(dialect);
  const gateway = new SimulatedGateway({
    secret,
    clock: base.clock,
    random: seededRandom('model-gateway'),
    decide: ({ charge }) => outcomeFor(operation_seed, charge.reference),
    deliver: async (rawBody, signature) => {
      await handleGatewayWebhook(context, rawBody, signature);
    },
  });
  const context: TestContext = { ...base, gateway };
  const model = new FundingModel();
  const now = () => context.clock.now().toISOString();
  try {
    // The sample plans with a 20-day waiting period, so memberships also live long enough to become active.
    await createPlan(context, { ...seniorCancerPlan, id: prepaidPlan, rules: { ...seniorCancerPlan.rules, waiting_days: 20 } }, null);
    await createPlan(context, { ...criticalIllnessPlan, id: postPaidPlan, rules: { ...criticalIllnessPlan.rules, waiting_days: 20 } }, null);
    const done: Operation[] = [];
    for (const [index, op] of operations.entries()) {
      operation_seed = 'seed' in op ? op.seed : 0;
      try {
        await apply(op);
        if (index % 100 === 99) await compare();
      } catch (error) {
        const recent = done.slice(-15).map(describe).join('\n  ');
        throw new Error(`operation ${index} ${describe(op)} on ${dialect} failed: ${(error as Error).stack ?? String(error)}\nafter:\n  ${recent}`, { cause: error });
      }
      done.push(op);
    }
    await compare();
    const journal = await verifyJournal(context.store);
    expect(journal.problems).toEqual([]);
    expect(journal.ok).toBe(true);
    const [report] = await reconcileFundingAccounts(context.store);
    expect(report).toMatchObject({ currency: 'CNY', ok: true, custody_difference_minor: 0n, collection_difference_minor: 0n });
    // The same invariant, summed here from the accounts themselves rather than through the report.
    const accounts = await context.store.db.selectFrom('ledger_accounts').select(['code', 'net_debit_minor']).execute();
    const balance = (code: string) => accounts.find((account) => account.code === code)?.net_debit_minor ?? 0n;
    const wallets = accounts.filter((account) => account.code.startsWith('wallet:')).reduce((total, account) => total - account.net_debit_minor, 0n);
    // Prepaid shares the wallets could not pay are owed as aid already, against the prepaid plan's receivable.
    expect(balance('custody:CNY') + balance(`shares_receivable:${prepaidPlan}`)).toBe(wallets - balance(`aid_payable:${prepaidPlan}`) - balance('wallet_refunds_in_transit:CNY'));
    expect(gateway.pendingEvents().length).toBe(model.pending.length);
  } finally {
    await context.store.close();
  }

  async function compare(): Promise<void> {
    const wallets = new Map(
      (await context.store.db.selectFrom('ledger_accounts').select(['code', 'net_debit_minor']).where('code', 'like', 'wallet:%').execute()).map((row) => [row.code, -row.net_debit_minor]),
    );
    for (const member of model.members) {
      if (member.prepaid) expect(wallets.get(`wallet:${member.member_code}`), `wallet of ${member.membership_id}`).toBe(member.wallet_minor);
    }
    const statuses = new Map((await context.store.db.selectFrom('memberships').select(['id', 'status']).execute()).map((row) => [row.id, row.status]));
    expect(statuses.size).toBe(model.members.length);
    for (const member of model.members) expect(statuses.get(member.membership_id), `status of ${member.membership_id}`).toBe(member.status);
    const charges = await context.store.db.selectFrom('share_charges').select(['id', 'status', 'attempts']).execute();
    expect(charges.length).toBe(model.charges.size);
    for (const charge of charges) {
      const expected = model.charges.get(charge.id);
      expect(charge.status, `charge ${charge.id}`).toBe(expected?.status);
      expect(charge.attempts, `attempts of charge ${charge.id}`).toBe(BigInt(expected?.attempts ?? -1));
    }
  }

  async function apply(op: Operation): Promise<void> {
    switch (op.kind) {
      case 'join': {
        const prepaid = op.person < prepaidPersons;
        const plan_id = prepaid ? prepaidPlan : postPaidPlan;
        const known = model.persons.get(op.person);
        if (known?.live !== undefined) {
          await expectRejection(joinExistingPerson(context, { plan_id, person_id: known.person_id, payer_user_id: null, answers: noToAll }), 'MEMBER_ALREADY_JOINED');
          return;
        }
        let joined: { membership_id: bigint; member_code: string; waiting_until: string; person_id: bigint };
        if (known === undefined) {
          const [result] = await enrolMembers(context, [
            { plan_id, payer_user_id: null, person: personBornOn(prepaid ? '1960-06-15' : '1991-06-15', op.person + 1), answers: noToAll },
          ]);
          if (!result!.ok) throw new Error(`enrol refused: ${result!.rejection.code}`);
          joined = result!.value;
        } else {
          joined = await joinExistingPerson(context, { plan_id, person_id: known.person_id, payer_user_id: null, answers: noToAll });
        }
        const modelMember: ModelMember = {
          membership_id: joined.membership_id,
          person: op.person,
          prepaid,
          member_code: joined.member_code,
          waiting_until: joined.waiting_until,
          status: 'waiting',
          wallet_minor: 0n,
        };
        model.members.push(modelMember);
        model.persons.set(op.person, { person_id: joined.person_id, live: modelMember });
        return;
      }
      case 'top_up': {
        const target = model.member(op.member, op.target, (candidate) => candidate.prepaid && model.isLive(candidate));
        if (target === undefined) return;
        const call = requestTopUp(context, target.membership_id, op.amount_minor);
        if (!target.prepaid) return expectRejection(call, 'FUNDING_NOT_PREPAID');
        if (!model.isLive(target)) return expectRejection(call, 'FUNDING_MEMBERSHIP_NOT_LIVE');
        if (op.amount_minor < 1000n) return expectRejection(call, 'FUNDING_TOP_UP_BELOW_MINIMUM');
        const request = await call;
        model.pending.push({ reference: request.reference, kind: 'top_up', membership_id: target.membership_id, amount_minor: op.amount_minor, outcome: outcomeFor(op.seed, request.reference) });
        return;
      }
      case 'refund': {
        const target = model.member(op.member, op.target, (candidate) => candidate.prepaid && candidate.wallet_minor > 0n);
        if (target === undefined) return;
        const wallet = target.wallet_minor;
        const amount_minor = op.mode === 'over' || wallet === 0n ? wallet + 1n : op.mode === 'all' ? wallet : wallet / 2n + 1n;
        const call = requestWalletRefund(context, target.membership_id, amount_minor);
        if (!target.prepaid) return expectRejection(call, 'FUNDING_NOT_PREPAID');
        if (amount_minor > wallet) return expectRejection(call, 'FUNDING_REFUND_ABOVE_BALANCE');
        const request = await call;
        target.wallet_minor -= amount_minor;
        model.pending.push({ reference: request.reference, kind: 'wallet_refund', membership_id: target.membership_id, amount_minor, outcome: outcomeFor(op.seed, request.reference) });
        return;
      }
      case 'deduct': {
        if (op.repeat && model.lastDeduction !== undefined) {
          const again = await deductShares(context, prepaidPlan, model.lastDeduction.reference, model.lastDeduction.charges);
          expect(again).toMatchObject({ charged: 0, already_charged: model.lastDeduction.charges.length });
          return;
        }
        model.cycles += 1;
        const reference = `cycle-${model.cycles}`;
        const live = model.members.filter((candidate) => candidate.prepaid && model.isLive(candidate));
        const charges = live.map((candidate) => ({ membership_id: candidate.membership_id, amount_minor: shareFor(op.seed, candidate.membership_id, 800) }));
        const summary = await deductShares(context, prepaidPlan, reference, charges);
        model.lastDeduction = { reference, charges };
        const ids = await chargeIds(reference);
        const at = now();
        let paid = 0;
        for (const [position, candidate] of live.entries()) {
          const amount_minor = charges[position]!.amount_minor;
          const covered = candidate.wallet_minor >= amount_minor;
          if (covered) {
            candidate.wallet_minor -= amount_minor;
            paid += 1;
          }
          model.charges.set(ids.get(candidate.membership_id)!, {
            id: ids.get(candidate.membership_id)!,
            membership_id: candidate.membership_id,
            prepaid: true,
            amount_minor,
            deadline: addDays(at, 7),
            status: covered ? 'paid' : 'due',
            warned_at: covered ? null : at,
            next_attempt_at: null,
            attempts: 0,
            in_flight: false,
          });
        }
        expect(summary.paid).toBe(paid);
        return;
      }
      case 'receivables': {
        model.cycles += 1;
        const reference = `post-cycle-${model.cycles}`;
        const live = model.members.filter((candidate) => !candidate.prepaid && model.isLive(candidate));
        const charges = live.map((candidate) => ({ membership_id: candidate.membership_id, amount_minor: shareFor(op.seed, candidate.membership_id, 50) }));
        const at = now();
        const retry_until = addDays(at, op.days);
        await createReceivables(context, postPaidPlan, reference, charges, retry_until);
        const ids = await chargeIds(reference);
        for (const [position, candidate] of live.entries()) {
          const id = ids.get(candidate.membership_id)!;
          model.charges.set(id, {
            id,
            membership_id: candidate.membership_id,
            prepaid: false,
            amount_minor: charges[position]!.amount_minor,
            deadline: retry_until,
            status: 'due',
            warned_at: null,
            next_attempt_at: at,
            attempts: 0,
            in_flight: false,
          });
        }
        return;
      }
      case 'collect': {
        const at = now();
        const due = [...model.charges.values()]
          .filter((charge) => !charge.prepaid && charge.status === 'due' && charge.next_attempt_at !== null && charge.next_attempt_at <= at && charge.deadline > at)
          .sort((a, b) => (a.next_attempt_at! < b.next_attempt_at! ? -1 : a.next_attempt_at! > b.next_attempt_at! ? 1 : a.id < b.id ? -1 : 1));
        const result = await collectDueCharges(context, 1000);
        expect(result.requested).toBe(due.length);
        for (const charge of due) {
          const reference = `collection:${charge.id}:${charge.attempts + 1}`;
          charge.in_flight = true;
          charge.next_attempt_at = null;
          model.pending.push({ reference, kind: 'collection', membership_id: charge.membership_id, amount_minor: charge.amount_minor, outcome: outcomeFor(op.seed, reference), charge_id: charge.id });
        }
        return;
      }
      case 'deliver': {
        const batch = model.pending;
        model.pending = [];
        const result = await gateway.deliverPending();
        expect(result).toEqual({ delivered: batch.length, failed: 0 });
        const at = now();
        for (const payment of batch) settle(payment, at, op.seed);
        return;
      }
      case 'redeliver': {
        const delivered = gateway.deliveredEvents();
        if (delivered.length === 0) return;
        const event = delivered[op.pick % delivered.length]!;
        expect(await handleGatewayWebhook(context, event.raw_body, gateway.sign(event.raw_body))).toEqual({ duplicate: true });
        return;
      }
      case 'forged': {
        const delivered = gateway.deliveredEvents();
        if (delivered.length === 0) return;
        const event = delivered[op.pick % delivered.length]!.event;
        model.forgeries += 1;
        const body = JSON.stringify({ ...event, event_id: `${event.event_id}_forged_${model.forgeries}`, type: event.type === 'payment.succeeded' ? 'payment.failed' : 'payment.succeeded' });
        if (op.contrary) {
          // Well signed, but for a payment settled already: recorded and ignored.
          const result = await handleGatewayWebhook(context, body, gateway.sign(body));
          expect(result).toMatchObject({ duplicate: false, outcome: 'ignored' });
        } else {
          await expectRejection(handleGatewayWebhook(context, body, signWebhook('forged-secret', body, Math.floor(context.clock.now().getTime() / 1000))), 'PAYMENT_BAD_SIGNATURE');
        }
        return;
      }
      case 'tick': {
        context.clock.set(new Date(context.clock.now().getTime() + op.hours * 3_600_000));
        await activateDueMemberships(context);
        const today = now().slice(0, 10);
        for (const candidate of model.members) if (candidate.status === 'waiting' && candidate.waiting_until <= today) model.setStatus(candidate, 'active');
        return;
      }
      case 'lapse_prepaid':
      case 'lapse_post_paid': {
        const prepaid = op.kind === 'lapse_prepaid';
        const summary = prepaid ? await lapseUnpaidPrepaid(context) : await lapseUncollected(context);
        const at = now();
        const mine = [...model.charges.values()].filter((charge) => charge.prepaid === prepaid && charge.status === 'due').sort((a, b) => (a.id < b.id ? -1 : 1));
        const warnBefore = addDays(at, 1);
        let warned = 0;
        for (const charge of mine) {
          if (charge.warned_at === null && charge.deadline <= warnBefore) {
            charge.warned_at = at;
            warned += 1;
          }
        }
        let lapsed = 0;
        let written_off = 0;
        for (const charge of mine) {
          if (charge.deadline <= at && charge.warned_at !== null && charge.warned_at < at && !charge.in_flight) {
            charge.status = 'written_off';
            written_off += 1;
            const owner = model.members.find((candidate) => candidate.membership_id === charge.membership_id)!;
            if (model.isLive(owner)) {
              model.setStatus(owner, 'lapsed');
              lapsed += 1;
            }
          }
        }
        expect(summary).toMatchObject({ warned, written_off, lapsed });
        return;
      }
      case 'diagnose': {
        const target = model.member(op.member, op.target, (candidate) => candidate.status === 'waiting');
        if (target === undefined) return;
        const call = diagnoseInWaitingPeriod(context, target.membership_id);
        if (target.status !== 'waiting') return expectRejection(call, 'MEMBERSHIP_BAD_TRANSITION');
        const result = await call;
        model.setStatus(target, 'withdrawn');
        let refunded = 0n;
        for (const charge of model.charges.values()) {
          if (charge.membership_id !== target.membership_id) continue;
          if (charge.status === 'paid') refunded += charge.amount_minor;
          if (charge.status === 'paid' || charge.status === 'due') charge.status = 'refunded';
        }
        expect(result.refunded_minor).toBe(refunded);
        if (refunded > 0n && target.prepaid) target.wallet_minor += refunded;
        if (refunded > 0n && !target.prepaid) {
          const reference = `share_refund:${target.membership_id}`;
          model.pending.push({ reference, kind: 'share_refund', membership_id: target.membership_id, amount_minor: refunded, outcome: outcomeFor(op.seed, reference) });
        }
        return;
      }
      case 'withdraw': {
        const target = model.member(op.member, op.target, (candidate) => model.isLive(candidate));
        if (target === undefined) return;
        const call = changeMembershipStatus(context, target.membership_id, 'member_withdrew', 'leaving', 'member');
        if (!model.isLive(target)) return expectRejection(call, 'MEMBERSHIP_BAD_TRANSITION');
        await call;
        model.setStatus(target, 'withdrawn');
        return;
      }
      case 'retry_refunds': {
        const failed = model.failedShareRefunds.splice(0);
        const ids = new Map<string, bigint>();
        if (failed.length > 0) {
          const rows = await context.store.db.selectFrom('payments').select(['id', 'reference']).where('reference', 'in', failed.map((payment) => payment.reference)).execute();
          for (const row of rows) ids.set(row.reference, row.id);
        }
        failed.sort((a, b) => (ids.get(a.reference)! < ids.get(b.reference)! ? -1 : 1));
        const result = await retryFailedShareRefunds(context, 1000);
        expect(result.requested).toBe(failed.length);
        for (const payment of failed) {
          const reference = `${payment.reference.split(':retry:')[0]}:retry:${ids.get(payment.reference)}`;
          model.pending.push({ ...payment, reference, outcome: outcomeFor(op.seed, reference) });
        }
        return;
      }
    }
  }

  function settle(payment: ModelPayment, at: string, deliver_seed: number): void {
    const succeeded = payment.outcome === 'succeeded';
    const owner = model.members.find((candidate) => candidate.membership_id === payment.membership_id)!;
    switch (payment.kind) {
      case 'top_up': {
        if (!succeeded) return;
        owner.wallet_minor += payment.amount_minor;
        // Due shares are settled oldest first, while the wallet covers the next one.
        for (const charge of model.dueChargesOf(owner.membership_id)) {
          if (owner.wallet_minor < charge.amount_minor) break;
          owner.wallet_minor -= charge.amount_minor;
          charge.status = 'paid';
        }
        return;
      }
      case 'wallet_refund':
        if (!succeeded) owner.wallet_minor += payment.amount_minor;
        return;
      case 'collection': {
        const charge = model.charges.get(payment.charge_id!)!;
        charge.in_flight = false;
        if (succeeded && charge.status === 'due') {
          charge.status = 'paid';
        } else if (succeeded) {
          const reference = `refund_of:${payment.reference}`;
          model.pending.push({ reference, kind: 'share_refund', membership_id: payment.membership_id, amount_minor: payment.amount_minor, outcome: outcomeFor(deliver_seed, reference), charge_id: charge.id });
        } else if (charge.status === 'due') {
          charge.attempts += 1;
          charge.next_attempt_at = addDays(at, 1);
          charge.warned_at ??= at;
        }
        return;
      }
      case 'share_refund':
        if (!succeeded) model.failedShareRefunds.push(payment);
        return;
    }
  }

  async function chargeIds(reference: string): Promise<Map<bigint, bigint>> {
    const rows = await context.store.db.selectFrom('share_charges').select(['id', 'membership_id']).where('reference', '=', reference).execute();
    return new Map(rows.map((row) => [row.membership_id, row.id]));
  }
}

describeEachBackend('funding model', (dialect) => {
  it(
    `keeps the books, custody and every wallet equal to the model over ${runs * operationsPerRun} random operations`,
    async () => {
      const replay = process.env.FUNDING_MODEL_SEED;
      let executed = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: operationsPerRun, maxLength: operationsPerRun }), async (operations) => {
          await runSequence(dialect, operations);
          executed += operations.length;
        }),
        {
          numRuns: runs,
          // A failing run of 1,000 operations against a database is slow to shrink; the error names
          // the failing operation and the ones before it, and the seed replays the run.
          endOnFailure: true,
          ...(replay === undefined ? {} : { seed: Number(replay) }),
        },
      );
      expect(executed).toBe(runs * operationsPerRun);
    },
    240_000,
  );
});
