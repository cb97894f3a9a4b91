import type { Clock } from '../clock.js';
import type { RandomSource } from '../context.js';
import type { GatewayAccepted, GatewayCharge, GatewayEvent, PaymentGateway } from './payment-gateway.js';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

export type GatewayOperation = 'collect' | 'payout';
export type GatewayOutcome = 'succeeded' | 'failed';

export interface SimulatedGatewayOptions {
  /** Shared webhook secret, as a real provider would issue it. */
  readonly secret: string | Uint8Array;
  readonly clock: Clock;
  /** Decides failures and makes ids, so a seeded source gives the same run every time. */
  readonly random: RandomSource;
  /** Share of requests that fail, 0..1. */
  readonly failure_rate?: number;
  /** How long after a request its outcome is ready to be delivered, on the injected clock. */
  readonly delay_ms?: number;
  /** Receives each webhook as a provider would POST it: the raw JSON body and the signature header. */
  readonly deliver: (rawBody: string, signature: string) => Promise<void>;
  /** Forces an outcome for a request (tests); undefined falls back to the failure rate. */
  readonly decide?: (request: { readonly operation: GatewayOperation; readonly charge: GatewayCharge }) => GatewayOutcome | undefined;
  /** Deliveries of one event that may fail before it is dropped (a provider gives up eventually). */
  readonly max_delivery_attempts?: number;
}

export interface SimulatedEvent {
  readonly event: GatewayEvent;
  readonly raw_body: string;
  /** On the injected clock: the event is not delivered before this time. */
  readonly due_at_ms: number;
  attempts: number;
  last_error?: unknown;
}

/** A webhook our intake refused or failed on: which event, for which payment, and why. */
export interface DeliveryFailure {
  readonly event_id: string;
  readonly reference: string;
  readonly type: GatewayEvent['type'];
  readonly attempts: number;
  /** True when the provider gives up on the event after this attempt. */
  readonly dropped: boolean;
  readonly error: unknown;
}

const failureReasons = ['insufficient_funds', 'card_declined', 'account_closed', 'bank_unavailable'] as const;

/** A long-running server keeps only this much history: the oldest entries are forgotten first. */
const historyLimit = 10_000;
const acceptedLimit = 200_000;

function trimOldest<T>(list: T[], limit: number): void {
  if (list.length > limit) list.splice(0, list.length - limit);
}

/**
 * The default PaymentGateway: accepts every request, decides its outcome at once (failure rate,
 * or the test's `decide`), and queues a signed payment.succeeded / payment.failed webhook that
 * `deliverPending()` hands to the delivery callback. Requests are idempotent by our reference, as
 * real providers' idempotency keys are: asking twice returns the same payment and one event.
 */
export class SimulatedGateway implements PaymentGateway {
  readonly name = 'simulated';
  private readonly options: SimulatedGatewayOptions;
  private readonly accepted = new Map<string, { gateway_payment_id: string; operation: GatewayOperation; amount_minor: bigint; currency: string }>();
  private readonly queue: SimulatedEvent[] = [];
  private readonly delivered: SimulatedEvent[] = [];
  private readonly dropped: SimulatedEvent[] = [];
  private readonly forced: GatewayOutcome[] = [];

  constructor(options: SimulatedGatewayOptions) {
    const rate = options.failure_rate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new Error(`failure_rate must be within 0..1, not ${rate}`);
    if ((options.delay_ms ?? 0) < 0) throw new Error('delay_ms must not be negative');
    this.options = options;
  }

  async collect(charge: GatewayCharge): Promise<GatewayAccepted> {
    return this.request('collect', charge);
  }

  async payout(charge: GatewayCharge): Promise<GatewayAccepted> {
    return this.request('payout', charge);
  }

  verifyWebhook(rawBody: string, signature: string | undefined): boolean {
    return verifyWebhookSignature(this.options.secret, rawBody, signature, this.nowSeconds());
  }

  /** Signs a body as this provider would now (tests use it to build well-signed bad bodies). */
  sign(rawBody: string): string {
    return signWebhook(this.options.secret, rawBody, this.nowSeconds());
  }

  /** The next requests get these outcomes, in order, before `decide` and the failure rate. */
  forceOutcomes(...outcomes: GatewayOutcome[]): void {
    this.forced.push(...outcomes);
  }

  /**
   * Delivers every queued event that is due, in the order the requests were made. An event whose
   * delivery throws stays queued for the next call, until it has failed max_delivery_attempts times;
   * the others are delivered all the same. `onFailure` hears of each failed delivery (to log it).
   */
  async deliverPending(onFailure?: (failure: DeliveryFailure) => void): Promise<{ delivered: number; failed: number }> {
    const now = this.options.clock.now().getTime();
    const due = this.queue.filter((entry) => entry.due_at_ms <= now);
    let delivered = 0;
    let failed = 0;
    for (const entry of due) {
      entry.attempts += 1;
      try {
        await this.options.deliver(entry.raw_body, this.sign(entry.raw_body));
        this.queue.splice(this.queue.indexOf(entry), 1);
        this.delivered.push(entry);
        trimOldest(this.delivered, historyLimit);
        delivered += 1;
      } catch (error) {
        entry.last_error = error;
        failed += 1;
        const dropped = entry.attempts >= (this.options.max_delivery_attempts ?? 5);
        if (dropped) {
          this.queue.splice(this.queue.indexOf(entry), 1);
          this.dropped.push(entry);
          trimOldest(this.dropped, historyLimit);
        }
        onFailure?.({ event_id: entry.event.event_id, reference: entry.event.reference, type: entry.event.type, attempts: entry.attempts, dropped, error });
      }
    }
    return { delivered, failed };
  }

  /** Sends an already delivered event again, freshly signed, as providers do when unsure it arrived. */
  async redeliver(event_id: string): Promise<void> {
    const entry = this.delivered.find((candidate) => candidate.event.event_id === event_id);
    if (entry === undefined) throw new Error(`no delivered event ${event_id}`);
    await this.options.deliver(entry.raw_body, this.sign(entry.raw_body));
  }

  pendingEvents(): readonly SimulatedEvent[] {
    return [...this.queue];
  }

  deliveredEvents(): readonly SimulatedEvent[] {
    return [...this.delivered];
  }

  droppedEvents(): readonly SimulatedEvent[] {
    return [...this.dropped];
  }

  private request(operation: GatewayOperation, charge: GatewayCharge): GatewayAccepted {
    if (typeof charge.amount_minor !== 'bigint' || charge.amount_minor <= 0n) throw new Error('the simulated gateway takes positive bigint amounts');
    const earlier = this.accepted.get(charge.reference);
    if (earlier !== undefined) {
      if (earlier.operation !== operation || earlier.amount_minor !== charge.amount_minor || earlier.currency !== charge.currency) {
        throw new Error(`reference ${charge.reference} was used for another request`);
      }
      return { gateway_payment_id: earlier.gateway_payment_id };
    }
    const gateway_payment_id = `sim_${this.hex(12)}`;
    this.accepted.set(charge.reference, { gateway_payment_id, operation, amount_minor: charge.amount_minor, currency: charge.currency });
    // Maps keep insertion order: drop the oldest reference once the bound is passed.
    if (this.accepted.size > acceptedLimit) this.accepted.delete(this.accepted.keys().next().value!);
    const outcome = this.forced.shift() ?? this.options.decide?.({ operation, charge }) ?? this.randomOutcome();
    const now = this.options.clock.now().getTime();
    const due_at_ms = now + (this.options.delay_ms ?? 0);
    const event: GatewayEvent = {
      event_id: `evt_${this.hex(12)}`,
      type: outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
      gateway_payment_id,
      reference: charge.reference,
      amount_minor: charge.amount_minor.toString(),
      currency: charge.currency,
      ...(outcome === 'failed' ? { failure_reason: failureReasons[this.randomByte() % failureReasons.length]! } : {}),
      occurred_at: new Date(due_at_ms).toISOString(),
    };
    this.queue.push({ event, raw_body: JSON.stringify(event), due_at_ms, attempts: 0 });
    return { gateway_payment_id };
  }

  private randomOutcome(): GatewayOutcome {
    const rate = this.options.failure_rate ?? 0;
    if (rate === 0) return 'succeeded';
    // 32 random bits as a fraction in [0, 1): a probability, not money, so a number is right here.
    const bytes = this.options.random.bytes(4);
    const fraction = (((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!) / 2 ** 32;
    return fraction < rate ? 'failed' : 'succeeded';
  }

  private randomByte(): number {
    return this.options.random.bytes(1)[0]!;
  }

  private hex(bytes: number): string {
    return Buffer.from(this.options.random.bytes(bytes)).toString('hex');
  }

  private nowSeconds(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000);
  }
}

