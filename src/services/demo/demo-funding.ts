import { createHash } from 'node:crypto';
import { shareWeightForAge } from '../../core/plans/plan-rules.js';
import { RejectionError } from '../../core/rejection.js';
import type { Clock } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { collectDueCharges } from '../funding/collections.js';
import { lapseUncollected, lapseUnpaidPrepaid } from '../funding/overdue-lapse.js';
import { createReceivables } from '../funding/receivables.js';
import { deductShares } from '../funding/share-deductions.js';
import { requestTopUp } from '../funding/top-ups.js';
import { walletBalance } from '../funding/wallet-balances.js';
import { requestWalletRefund } from '../funding/wallet-refunds.js';
import { SimulatedGateway, type GatewayOutcome } from '../payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../payments/webhook-intake.js';
import { getPlan, versionAt } from '../plans.js';
import { DemoRandom, seededRandomSource } from './demo-random.js';

/**
 * Money for the demo community, through the real funding services and the simulated gateway
 * (signed webhooks delivered in process, on the demo's clock): prepaid members top up their
 * wallets when they join and again when a low-balance reminder comes; once a month (on the plan's
 * first collection day) each plan runs a sharing cycle, post-paid shares becoming receivables
 * that are collected (some attempts fail and are retried; members who stopped paying lapse at the
 * deadline) and prepaid shares being deducted from wallets (a member who never topped up lapses
 * after the grace days). Withdrawn prepaid members get their wallet refunded.
 */

export interface FundingTotals {
  readonly top_ups: number;
  readonly failed_top_ups: number;
  /** Sharing cycles with prepaid deductions (monthly over the whole history). */
  readonly cycles: number;
  /** Of them, those that also charged post-paid members (see postPaidCycleDates). */
  readonly post_paid_cycles: number;
  readonly collections: number;
  readonly failed_collections: number;
  readonly deductions: number;
  readonly unpaid_deductions: number;
  readonly wallet_refunds: number;
  readonly lapsed_unpaid: number;
}

/**
 * Every post-paid collection is a payment with its own signed webhook, handled in its own
 * transaction, and a member who stopped paying is retried daily until the deadline: a cycle of
 * the full demo costs several thousand webhooks. Post-paid members are therefore charged in one
 * cycle only, the last one whose deadline has passed, which keeps a first start quick while still
 * showing receivables, failed and retried collections and lapses at the deadline.
 */
export function postPaidCycleDates(cycleDates: readonly string[], end: string): string[] {
  // Collection is retried until the 26th (2 days before the next share date, the 28th).
  const complete = cycleDates.filter((date) => `${date.slice(0, 7)}-27` <= end.slice(0, 10));
  return complete.slice(-1);
}

/** The plan's first collection day of each month is the demo's cycle date. */
export const demoCycleDay = 14;

const topUpChoices = [
  [1000n, 3],
  [5000n, 4],
  [10_000n, 4],
  [20_000n, 2],
] as const satisfies ReadonlyArray<readonly [bigint, number]>;

export class DemoFunding {
  readonly gateway: SimulatedGateway;
  readonly #context: ServiceContext;
  readonly #random: DemoRandom;
  /** Share charge → membership, so the gateway can fail the collections of members who stopped paying. */
  readonly #chargeMembership = new Map<bigint, bigint>();
  /** Post-paid memberships whose collections fail from this day on (they will lapse). */
  readonly #stopsPaying = new Map<bigint, number>();
  #today = 0;
  #cycles = 0;
  #postPaidCycles = 0;
  /** The last day on which an unmet prepaid deduction may still lapse its membership. */
  #prepaidDueUntilDay = -1;
  /** Cycle dates (YYYY-MM-DD) on which post-paid shares are charged too. */
  readonly #postPaidDates: ReadonlySet<string>;

  /** `base` is the demo context; the returned context's gateway is the simulated one. */
  constructor(base: Omit<ServiceContext, 'gateway'>, clock: Clock, seed: string, postPaidDates: readonly string[]) {
    this.#postPaidDates = new Set(postPaidDates);
    this.#random = new DemoRandom(seed, 'payments');
    this.gateway = new SimulatedGateway({
      secret: createHash('sha256').update(`huzhu-demo-gateway|${seed}`).digest(),
      clock,
      random: seededRandomSource(`${seed}|gateway`),
      decide: ({ operation, charge }) => this.#decide(operation, charge.reference),
      deliver: async (rawBody, signature) => {
        await handleGatewayWebhook(this.#context, rawBody, signature);
      },
    });
    this.#context = { ...base, gateway: this.gateway };
  }

  get context(): ServiceContext {
    return this.#context;
  }

  setDay(day: number): void {
    this.#today = day;
  }

  #decide(operation: 'collect' | 'payout', reference: string): GatewayOutcome {
    if (operation === 'payout') return 'succeeded';
    const [kind, id, attempt] = reference.split(':');
    if (kind === 'top_up') return this.#random.chance(0.03) ? 'failed' : 'succeeded';
    if (kind === 'collection' && id !== undefined) {
      const membership = this.#chargeMembership.get(BigInt(id));
      const from = membership === undefined ? undefined : this.#stopsPaying.get(membership);
      if (from !== undefined && from <= this.#today) return 'failed';
      // A first attempt sometimes fails (an empty account on the day) and a retry gets it.
      if (attempt === '1' && this.#random.chance(0.08)) return 'failed';
    }
    return 'succeeded';
  }

  /** A post-paid member who will lapse: their collections fail from `day` on. */
  stopsPayingFrom(membership_id: bigint, day: number): void {
    this.#stopsPaying.set(membership_id, day);
  }

  /** A prepaid member tops up on joining (unless they are the kind who never does). */
  async joinedPrepaid(membership_id: bigint, tops_up: boolean): Promise<void> {
    if (!tops_up) return;
    await requestTopUp(this.#context, membership_id, this.#random.weighted(topUpChoices));
    await this.gateway.deliverPending();
  }

  /** A withdrawn prepaid member gets what is left in the wallet back. */
  async withdrewPrepaid(membership_id: bigint): Promise<void> {
    const balance = await walletBalance(this.#context, membership_id);
    if (balance <= 0n) return;
    await requestWalletRefund(this.#context, membership_id, balance);
    await this.gateway.deliverPending();
  }

  /** The day's money work: a cycle on the collection day, then collections, deliveries and lapses. */
  async runDay(date: string): Promise<void> {
    if (Number(date.slice(8, 10)) === demoCycleDay) await this.#cycle(date);
    // Only on days with something to do: each run is a transaction or more, and there are 540 days.
    if (this.#postPaidCycles > 0) {
      await collectDueCharges(this.#context, 10_000);
      await this.gateway.deliverPending();
      await lapseUncollected(this.#context);
    }
    if (this.#today <= this.#prepaidDueUntilDay) await lapseUnpaidPrepaid(this.#context);
  }

  async #cycle(date: string): Promise<void> {
    this.#cycles += 1;
    const chargePostPaid = this.#postPaidDates.has(date);
    if (chargePostPaid) this.#postPaidCycles += 1;
    const month = date.slice(0, 7);
    const db = this.#context.store.db;
    const active = await db
      .selectFrom('memberships')
      .select(['id', 'plan_id', 'funding_model', 'age_at_join_years', 'low_balance_notified_at'])
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();

    // Post-paid: every covered member owes the same share; collection is retried until 2 days before the next share date (the 28th).
    const postPaid = chargePostPaid ? active.filter((row) => row.funding_model === 'post_paid') : [];
    const byPlan = new Map<string, bigint[]>();
    for (const row of postPaid) {
      const ids = byPlan.get(row.plan_id);
      if (ids === undefined) byPlan.set(row.plan_id, [row.id]);
      else ids.push(row.id);
    }
    for (const [plan_id, ids] of byPlan) {
      const share_minor = BigInt(this.#random.between(8, 40));
      const reference = `demo-cycle:${plan_id}:${month}`;
      await createReceivables(this.#context, plan_id, reference, ids.map((membership_id) => ({ membership_id, amount_minor: share_minor })), `${month}-26T00:00:00.000Z`);
      const charges = await db.selectFrom('share_charges').select(['id', 'membership_id']).where('reference', '=', reference).execute();
      for (const charge of charges) this.#chargeMembership.set(charge.id, charge.membership_id);
    }

    // Prepaid: shares weighted by age band, deducted from wallets at once.
    const prepaid = active.filter((row) => row.funding_model === 'prepaid');
    const prepaidPlans = [...new Set(prepaid.map((row) => row.plan_id))];
    for (const plan_id of prepaidPlans) {
      const rules = versionAt(await getPlan(this.#context, plan_id), this.#context.clock.now().toISOString()).rules;
      const base_minor = BigInt(this.#random.between(10, 45));
      const members = prepaid.filter((row) => row.plan_id === plan_id);
      // Members reminded of a low balance mostly top up before the deduction.
      for (const row of members) {
        if (row.low_balance_notified_at !== null && this.#random.chance(0.7)) await this.#topUpQuietly(row.id);
      }
      await this.gateway.deliverPending();
      const deducted = await deductShares(
        this.#context,
        plan_id,
        `demo-cycle:${plan_id}:${month}`,
        members.map((row) => ({ membership_id: row.id, amount_minor: base_minor * shareWeightForAge(rules, Number(row.age_at_join_years)) })),
      );
      const grace_days = rules.funding.model === 'prepaid' ? rules.funding.grace_days : 0;
      if (deducted.unpaid > 0) this.#prepaidDueUntilDay = Math.max(this.#prepaidDueUntilDay, this.#today + grace_days + 2);
    }
  }

  async #topUpQuietly(membership_id: bigint): Promise<void> {
    try {
      await requestTopUp(this.#context, membership_id, this.#random.weighted(topUpChoices));
    } catch (error) {
      if (!(error instanceof RejectionError)) throw error;
    }
  }

  async totals(): Promise<FundingTotals> {
    const db = this.#context.store.db;
    const payments = await db
      .selectFrom('payments')
      .select(['kind', 'status', (eb) => eb.fn.countAll<bigint | number | string>().as('count')])
      .groupBy(['kind', 'status'])
      .execute();
    const count = (kind: string, status: string) => Number(payments.find((row) => row.kind === kind && row.status === status)?.count ?? 0);
    const charges = await db
      .selectFrom('share_charges')
      .innerJoin('memberships', 'memberships.id', 'share_charges.membership_id')
      .select(['memberships.funding_model', 'share_charges.status', (eb) => eb.fn.countAll<bigint | number | string>().as('count')])
      .groupBy(['memberships.funding_model', 'share_charges.status'])
      .execute();
    const charged = (model: string, statuses: readonly string[]) =>
      charges.filter((row) => row.funding_model === model && statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.count), 0);
    const lapses = await db
      .selectFrom('membership_events')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('count'))
      .where('event', '=', 'payment_lapsed')
      .where('actor', '=', 'system')
      .executeTakeFirstOrThrow();
    return {
      top_ups: count('top_up', 'succeeded'),
      failed_top_ups: count('top_up', 'failed'),
      cycles: this.#cycles,
      post_paid_cycles: this.#postPaidCycles,
      collections: count('collection', 'succeeded'),
      failed_collections: count('collection', 'failed'),
      deductions: charged('prepaid', ['paid']),
      unpaid_deductions: charged('prepaid', ['due', 'written_off']),
      wallet_refunds: count('wallet_refund', 'succeeded'),
      lapsed_unpaid: Number(lapses.count),
    };
  }
}
