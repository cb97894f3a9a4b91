import { createHash } from 'node:crypto';
import { RejectionError } from '../../core/rejection.js';
import type { Clock } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { collectDueCharges } from '../funding/collections.js';
import { lapseUncollected, lapseUnpaidPrepaid } from '../funding/overdue-lapse.js';
import { requestTopUp } from '../funding/top-ups.js';
import { walletBalance } from '../funding/wallet-balances.js';
import { requestWalletRefund } from '../funding/wallet-refunds.js';
import { SimulatedGateway, type GatewayOutcome } from '../payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../payments/webhook-intake.js';
import { DemoRandom, seededRandomSource } from './demo-random.js';

/**
 * Money for the demo community, through the real funding services and the simulated gateway
 * (signed webhooks delivered in process, on the demo's clock): prepaid members top up their
 * wallets when they join and again, mostly, after a low-balance reminder; withdrawn prepaid
 * members get their wallet refunded. Shares come only from the real sharing cycles of the demo's
 * last weeks (demo-cases.ts): post-paid shares become receivables that are collected day by day
 * (some attempts fail and are retried; members who stopped paying lapse at the deadline) and
 * prepaid shares are deducted from wallets (a member who never topped up lapses after the grace days).
 */

export interface FundingTotals {
  readonly top_ups: number;
  readonly failed_top_ups: number;
  readonly collections: number;
  readonly failed_collections: number;
  readonly deductions: number;
  readonly unpaid_deductions: number;
  readonly wallet_refunds: number;
  readonly lapsed_unpaid: number;
}

/** Top-ups of 100 to 500 CNY: a few cases' shares of the community's prepaid plan (demo-plans.ts). */
const topUpChoices = [
  [10_000n, 3],
  [20_000n, 4],
  [30_000n, 4],
  [50_000n, 2],
] as const satisfies ReadonlyArray<readonly [bigint, number]>;

export class DemoFunding {
  readonly gateway: SimulatedGateway;
  readonly #context: ServiceContext;
  readonly #random: DemoRandom;
  /** Share charge → membership, so the gateway can fail the collections of members who stopped paying. */
  readonly #chargeMembership = new Map<bigint, bigint>();
  #lastChargeId = 0n;
  /** Post-paid memberships whose collections fail from this day on (they will lapse). */
  readonly #stopsPaying = new Map<bigint, number>();
  #today = 0;
  /** Decides aid payouts (demo-failed-payout.ts); every one is paid until a rule is set. */
  #payoutOutcome: (reference: string, day: number) => GatewayOutcome = () => 'succeeded';

  /** `base` is the demo context; the returned context's gateway is the simulated one. */
  constructor(base: Omit<ServiceContext, 'gateway'>, clock: Clock, seed: string) {
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
    if (operation === 'payout') return this.#payoutOutcome(reference, this.#today);
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

  /** How the provider answers aid payouts from now on. */
  decidePayoutsWith(rule: { outcome(reference: string, day: number): GatewayOutcome }): void {
    this.#payoutOutcome = (reference, day) => rule.outcome(reference, day);
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

  /** Before a prepaid plan's cycle: members reminded of a low balance mostly top up. */
  async beforePrepaidCycle(plan_id: string): Promise<void> {
    const reminded = await this.#context.store.db
      .selectFrom('memberships')
      .select('id')
      .where('plan_id', '=', plan_id)
      .where('status', '=', 'active')
      .where('low_balance_notified_at', 'is not', null)
      .orderBy('id')
      .execute();
    for (const row of reminded) {
      if (this.#random.chance(0.7)) await this.#topUpQuietly(row.id);
    }
    await this.gateway.deliverPending();
  }

  /** After a cycle: its share charges, so the gateway knows whose collections fail. */
  async trackNewCharges(): Promise<void> {
    const charges = await this.#context.store.db.selectFrom('share_charges').select(['id', 'membership_id']).where('id', '>', this.#lastChargeId).orderBy('id').execute();
    for (const charge of charges) {
      this.#chargeMembership.set(charge.id, charge.membership_id);
      this.#lastChargeId = charge.id;
    }
  }

  /**
   * The day's money work once cycles have charged shares (what the background jobs of `serve` do):
   * collections, webhook deliveries, and lapses at the deadlines.
   */
  async runDay(): Promise<void> {
    if (this.#lastChargeId === 0n) return;
    await collectDueCharges(this.#context, 10_000);
    await this.gateway.deliverPending();
    await lapseUncollected(this.#context);
    await lapseUnpaidPrepaid(this.#context);
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
      collections: count('collection', 'succeeded'),
      failed_collections: count('collection', 'failed'),
      deductions: charged('prepaid', ['paid']),
      unpaid_deductions: charged('prepaid', ['due', 'written_off']),
      wallet_refunds: count('wallet_refund', 'succeeded'),
      lapsed_unpaid: Number(lapses.count),
    };
  }
}
