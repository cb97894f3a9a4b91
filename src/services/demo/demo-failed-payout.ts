import type { GatewayOutcome } from '../payments/simulated-gateway.js';
import { payoutAttemptLimit } from '../payouts/schedule-payout.js';

/**
 * One aid payout of the demo that the patient's bank keeps refusing, so the staff console has a
 * failed payout to requeue: the first payout sent from three weeks before the demo's end fails at
 * each of its attempts (a day apart, up to the attempt limit), and then waits for the operator as
 * failed. It goes through the demo's gateway and its signed webhooks like every other outcome.
 * Decided by the day and the payout, without a draw, so the rest of the demo is unchanged.
 */
export class DemoFailedPayout {
  readonly #from_day: number;
  #payout_id: string | undefined;

  constructor(demo_days: number) {
    // Its last attempt still falls inside the demo: payouts go out on collection days (a fortnight
    // apart at most), then the retries once a day.
    this.#from_day = demo_days - 21;
    const last_attempt_day = this.#from_day + 14 + Number(payoutAttemptLimit);
    if (last_attempt_day >= demo_days) throw new Error('demo: the failing payout would not use up its attempts before the end');
  }

  /** The outcome of a payout request with this reference (`aid_payout:<id>:<attempt>`) on this demo day. */
  outcome(reference: string, day: number): GatewayOutcome {
    const payout_id = reference.split(':')[1];
    if (this.#payout_id === undefined && day >= this.#from_day) this.#payout_id = payout_id;
    return payout_id === this.#payout_id ? 'failed' : 'succeeded';
  }
}
