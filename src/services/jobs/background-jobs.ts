import {
  collectDueCharges,
  lapseUncollected,
  lapseUnpaidPrepaid,
  retryFailedShareRefunds,
} from '../funding/index.js';
import { RejectionError } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { purgeExpiredIdempotencyKeys } from '../idempotency-requests.js';
import type { DeliveryFailure } from '../payments/simulated-gateway.js';
import { activateDueMemberships } from '../members.js';
import { escalateOverdueComplaints } from '../complaints/escalate-overdue.js';
import { alertOldBreaks } from '../reconciliation/break-alerts.js';
import { reconcileRecentDays } from '../reconciliation/run-reconciliation.js';
import { closeDueProposals } from '../governance/close-proposals.js';
import { storeFinishedMonths } from '../reports/stored-reports.js';
import { resendUnsentPayments } from '../payments/payment-dispatch.js';
import { payDueAid, plansWithDueAid, repayAdvances, resendUnsentAidPayouts } from '../payouts/index.js';

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
  /** Complaints past their response deadline marked escalated this pass (their supervisors told). */
  readonly complaints_escalated: number;
  /** Custody days reconciled against the imported statements, and breaks newly alerted as old. */
  readonly reconciliation_days: number;
  readonly breaks_alerted: number;
  /** Member votes on rule changes counted this pass (past their deadline), and passed changes that took effect. */
  readonly proposals_counted: number;
  readonly proposals_in_effect: number;
  /** Supervisor reports of finished months stored this pass (issued once, read as issued). */
  readonly supervisor_reports_stored: number;
  /** Items (webhooks, plans) and whole steps that failed this pass; each is logged with its ids. */
  readonly failures: number;
}

/** Where the jobs report what failed: pino's logger fits (serve passes its own). */
export interface JobLogger {
  error(details: Record<string, unknown>, message: string): void;
}

const silentLogger: JobLogger = { error: () => {} };

/** The gateway's queued webhooks, for the simulated provider; a real provider POSTs them to us instead. */
interface DeliversPending {
  deliverPending(onFailure?: (failure: DeliveryFailure) => void): Promise<{ delivered: number; failed: number }>;
}

function deliversPending(gateway: unknown): gateway is DeliversPending {
  return typeof (gateway as Partial<DeliversPending>).deliverPending === 'function';
}

/** A refusal's stable code and details, or a plain error's message, for a log line. */
function errorDetails(error: unknown): Record<string, unknown> {
  if (error instanceof RejectionError) return { code: error.rejection.code, reason: error.rejection.message, details: error.rejection.details };
  return { err: error };
}

/**
 * One pass of the periodic work `serve` runs: cover starts after the waiting period, due shares are
 * collected, overdue members lapse (after their warning), unsent payments are resent, failed
 * share refunds retried, due aid is paid as far as each plan's cash goes, and operator advances
 * are repaid from what collections leave over, and idempotency keys past their retention are
 * forgotten. Each step is bounded and idempotent, so a pass can
 * be cut short or run twice without harm. A step that fails is logged and the next one runs; where
 * a step works item by item (webhooks, plans' repayments), a failed item is logged with its ids
 * and rolled back alone, and the step goes on with the others.
 */
export async function runBackgroundJobs(context: ServiceContext, logger: JobLogger = silentLogger): Promise<JobReport> {
  let failures = 0;
  const step = async <T, Nothing>(job: string, work: () => Promise<T>, nothing: Nothing, ids: Record<string, string> = {}): Promise<T | Nothing> => {
    try {
      return await work();
    } catch (error) {
      failures += 1;
      logger.error({ job, ...ids, ...errorDetails(error) }, 'background job step failed; going on with the next');
      return nothing;
    }
  };
  const activated = await step('activate_memberships', () => activateDueMemberships(context), 0);
  const collections = await step('collect_due_charges', () => collectDueCharges(context), { requested: 0 });
  const prepaid = await step('lapse_unpaid_prepaid', () => lapseUnpaidPrepaid(context), { lapsed: 0 });
  const postpaid = await step('lapse_uncollected', () => lapseUncollected(context), { lapsed: 0 });
  const resent = await step('resend_unsent_payments', () => resendUnsentPayments(context), { sent: 0 });
  const refunds = await step('retry_share_refunds', () => retryFailedShareRefunds(context), { requested: 0 });
  // Aid is paid plan by plan, each in its own transaction: one plan's failure leaves the others paid.
  await step('resend_aid_payouts', () => resendUnsentAidPayouts(context), { sent: 0 });
  const aid = { requested: 0, uncovered: 0 };
  for (const plan_id of await step('pay_due_aid', () => plansWithDueAid(context), [])) {
    const paid = await step('pay_due_aid', () => payDueAid(context, { plan_id, resend_unsent: false }), { requested: 0, uncovered: [] }, { plan_id });
    aid.requested += paid.requested;
    aid.uncovered += paid.uncovered.length;
  }
  const repayments = await step('repay_advances', () => repayAdvances(context), { repaid: [], failed: [] });
  for (const { plan_id, error } of repayments.failed) {
    failures += 1;
    logger.error({ job: 'repay_advances', plan_id, ...errorDetails(error) }, 'advance repayment failed; the other plans were repaid');
  }
  const onDeliveryFailure = (failure: DeliveryFailure) => {
    failures += 1;
    const { error, ...ids } = failure;
    logger.error({ job: 'deliver_webhooks', ...ids, ...errorDetails(error) }, 'webhook delivery failed; the other webhooks were delivered');
  };
  const gateway = context.gateway;
  const webhooks = deliversPending(gateway) ? await step('deliver_webhooks', () => gateway.deliverPending(onDeliveryFailure), { delivered: 0 }) : { delivered: 0 };
  const complaints = await step('escalate_overdue_complaints', () => escalateOverdueComplaints(context), { escalated: 0 });
  const reconciled = await step('reconcile_custody', () => reconcileRecentDays(context), { days: 0 });
  const alerts = await step('alert_old_breaks', () => alertOldBreaks(context), { alerted: 0 });
  const proposals = await step('close_due_proposals', () => closeDueProposals(context), { counted: 0, took_effect: 0 });
  const reports = await step('store_supervisor_reports', () => storeFinishedMonths(context), { stored: 0 });
  const idempotency_keys_purged = await step('purge_idempotency_keys', () => purgeExpiredIdempotencyKeys(context.store, context.clock.now()), 0);
  return {
    activated,
    collections_requested: collections.requested,
    prepaid_lapsed: prepaid.lapsed,
    postpaid_lapsed: postpaid.lapsed,
    payments_resent: resent.sent,
    share_refunds_retried: refunds.requested,
    aid_payouts_sent: aid.requested,
    aid_payouts_uncovered: aid.uncovered,
    advances_repaid: repayments.repaid.length,
    webhooks_delivered: webhooks.delivered,
    idempotency_keys_purged,
    complaints_escalated: complaints.escalated,
    reconciliation_days: reconciled.days,
    breaks_alerted: alerts.alerted,
    proposals_counted: proposals.counted,
    proposals_in_effect: proposals.took_effect,
    supervisor_reports_stored: reports.stored,
    failures,
  };
}
