import {
  collectDueCharges,
  lapseUncollected,
  lapseUnpaidPrepaid,
  retryFailedShareRefunds,
} from '../funding/index.js';
import type { ServiceContext } from '../context.js';
import { purgeExpiredIdempotencyKeys } from '../idempotency-requests.js';
import { activateDueMemberships } from '../members.js';
import { resendUnsentPayments } from '../payments/payment-dispatch.js';
import { payDueAid, repayAdvances } from '../payouts/index.js';

export interface JobReport {
  readonly activated: number;
  readonly collections_requested: number;
  readonly prepaid_lapsed: number;
  readonly postpaid_lapsed: number;
  readonly payments_resent: number;
  readonly share_refunds_retried: number;
  /** Aid payouts sent to the provider (new attempts), and due ones the plans' cash does not cover yet. */
  readonly aid_payouts_sent: number;
  readonly aid_payouts_uncovered: number;
  /** Plans whose operator advance was (partly) repaid. */
  readonly advances_repaid: number;
  readonly webhooks_delivered: number;
  /** Idempotency keys past their retention deleted (a bounded batch per pass). */
  readonly idempotency_keys_purged: number;
}

/** The gateway's queued webhooks, for the simulated provider; a real provider POSTs them to us instead. */
interface DeliversPending {
  deliverPending(): Promise<{ delivered: number; failed: number }>;
}

function deliversPending(gateway: unknown): gateway is DeliversPending {
  return typeof (gateway as Partial<DeliversPending>).deliverPending === 'function';
}

/**
 * One pass of the periodic work `serve` runs: cover starts after the waiting period, due shares are
 * collected, overdue members lapse (after their warning), unsent payments are resent, failed
 * share refunds retried, due aid is paid as far as each plan's cash goes, and operator advances
 * are repaid from what collections leave over, and idempotency keys past their retention are
 * forgotten. Each step is bounded and idempotent, so a pass can be cut short or run twice without
 * harm.
 */
export async function runBackgroundJobs(context: ServiceContext): Promise<JobReport> {
  const activated = await activateDueMemberships(context);
  const collections = await collectDueCharges(context);
  const prepaid = await lapseUnpaidPrepaid(context);
  const postpaid = await lapseUncollected(context);
  const resent = await resendUnsentPayments(context);
  const refunds = await retryFailedShareRefunds(context);
  const aid = await payDueAid(context);
  const repayments = await repayAdvances(context);
  const webhooks = deliversPending(context.gateway) ? await context.gateway.deliverPending() : { delivered: 0 };
  const idempotency_keys_purged = await purgeExpiredIdempotencyKeys(context.store, context.clock.now());
  return {
    activated,
    collections_requested: collections.requested,
    prepaid_lapsed: prepaid.lapsed,
    postpaid_lapsed: postpaid.lapsed,
    payments_resent: resent.sent,
    share_refunds_retried: refunds.requested,
    aid_payouts_sent: aid.requested,
    aid_payouts_uncovered: aid.uncovered.length,
    advances_repaid: repayments.repaid.length,
    webhooks_delivered: webhooks.delivered,
    idempotency_keys_purged,
  };
}
