import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { settleCollection } from '../funding/collections.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { settleTopUp } from '../funding/top-ups.js';
import { settleShareRefund } from '../funding/waiting-period-refunds.js';
import { settleWalletRefund } from '../funding/wallet-refunds.js';
import { isClosureRefundReference, settleClosureRefundIn } from '../closure/closure-refunds.js';
import { lockAidPayoutAttemptIn, settleAidPayoutAttemptIn } from '../payouts/payout-settlement.js';
import type { GatewayEvent } from './payment-gateway.js';
import { dispatchPayments } from './payment-dispatch.js';
import { paymentRejection } from './payment-rejections.js';
import type { PaymentKind } from './payment-rows.js';
import type { Settlement, SettlementOutcome } from './payment-settlement.js';

export type WebhookResult =
  /** This event_id was received before: nothing changed. */
  | { readonly duplicate: true }
  | {
      readonly duplicate: false;
      /** The payment's id; for an aid payout, the id of its attempt (aid_payout_id is then set). */
      readonly payment_id: bigint;
      /** `ignored`: the payment was settled already by another event; this one changed nothing. */
      readonly outcome: 'succeeded' | 'failed' | 'ignored';
      /** Set when the event was for an aid payout attempt (src/services/payouts) rather than a payment. */
      readonly aid_payout_id?: bigint;
    };

/** Bodies above this size are not a provider's event. */
const maxBodyLength = 64 * 1024;

const eventSchema = z.object({
  event_id: z.string().min(1).max(200),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  gateway_payment_id: z.string().min(1).max(200),
  reference: z.string().min(1).max(200),
  amount_minor: z.string().regex(/^\d{1,16}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  failure_reason: z.string().max(500).optional(),
  occurred_at: z.string().max(64),
});

/** A closure refund is a wallet refund (the same postings) whose outcome the plan's closure also records. */
async function settleAnyWalletRefund(settlement: Settlement): Promise<SettlementOutcome> {
  const outcome = await settleWalletRefund(settlement);
  if (isClosureRefundReference(settlement.payment.reference)) await settleClosureRefundIn(settlement.trx, settlement.payment, settlement.succeeded);
  return outcome;
}

const settlements: Readonly<Record<PaymentKind, (settlement: Settlement) => Promise<SettlementOutcome>>> = {
  top_up: settleTopUp,
  wallet_refund: settleAnyWalletRefund,
  collection: settleCollection,
  share_refund: settleShareRefund,
};

/**
 * Takes a provider's webhook as it arrived. The signature is checked over the raw body before
 * anything is parsed; then, in one transaction, the event is recorded by its event_id (a second
 * delivery of it finds the record and changes nothing), the payment is marked succeeded or
 * failed, and its kind's settlement posts the money and updates its rows. Any rejection rolls it
 * all back, the event record included, so a corrected retry by the provider is still processed.
 */
export async function handleGatewayWebhook(context: ServiceContext, rawBody: string, signature: string | undefined): Promise<WebhookResult> {
  if (typeof rawBody !== 'string' || !context.gateway.verifyWebhook(rawBody, signature)) {
    paymentRejection('PAYMENT_BAD_SIGNATURE', 'The webhook signature is missing or does not verify.');
  }
  const event = parseEvent(rawBody);
  const amount_minor = BigInt(event.amount_minor);
  const payload_sha256 = createHash('sha256').update(rawBody, 'utf8').digest('hex');
  const at = context.clock.now().toISOString();

  const { result, follow_up_payment_ids } = await context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    const recorded = await trx
      .insertInto('webhook_deliveries')
      .values({ event_id: event.event_id, payload_sha256, received_at: at })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .returning('event_id')
      .execute();
    if (recorded.length === 0) return { result: { duplicate: true } as const, follow_up_payment_ids: [] };

    // Locks the payment row, so two different events for one payment settle one after the other.
    const payment = await trx
      .updateTable('payments')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('reference', '=', event.reference)
      .returningAll()
      .executeTakeFirst();
    const succeeded = event.type === 'payment.succeeded';
    if (payment === undefined) {
      // Not a payment: aid payouts keep their attempts in their own table (0007).
      const attempt = await lockAidPayoutAttemptIn(trx, event.reference);
      if (attempt === undefined) paymentRejection('PAYMENT_UNKNOWN_REFERENCE', `No payment with reference ${event.reference}.`, { reference: event.reference });
      checkEventMatches(event, amount_minor, attempt);
      if (attempt.status !== 'pending') {
        return { result: { duplicate: false, payment_id: attempt.id, outcome: 'ignored', aid_payout_id: attempt.payout_id } as const, follow_up_payment_ids: [] };
      }
      const failure_reason = succeeded ? null : (event.failure_reason ?? 'unspecified');
      await settleAidPayoutAttemptIn(trx, attempt, { succeeded, failure_reason, gateway_payment_id: event.gateway_payment_id, at });
      return {
        result: { duplicate: false, payment_id: attempt.id, outcome: succeeded ? 'succeeded' : 'failed', aid_payout_id: attempt.payout_id } as const,
        follow_up_payment_ids: [],
      };
    }
    checkEventMatches(event, amount_minor, payment);
    if (payment.status !== 'pending') {
      return { result: { duplicate: false, payment_id: payment.id, outcome: 'ignored' } as const, follow_up_payment_ids: [] };
    }
    await trx
      .updateTable('payments')
      .set({
        status: succeeded ? 'succeeded' : 'failed',
        failure_reason: succeeded ? null : (event.failure_reason ?? 'unspecified'),
        settled_at: at,
        gateway_payment_id: event.gateway_payment_id,
      })
      .where('id', '=', payment.id)
      .execute();
    const settled = await settlements[payment.kind]({ trx, context, payment, succeeded, at });
    return {
      result: { duplicate: false, payment_id: payment.id, outcome: succeeded ? 'succeeded' : 'failed' } as const,
      follow_up_payment_ids: settled.follow_up_payment_ids,
    };
  });
  if (follow_up_payment_ids.length > 0) await dispatchPayments(context, follow_up_payment_ids);
  return result;
}

/** The event must name the amount, currency and provider payment our record has. */
function checkEventMatches(
  event: GatewayEvent,
  amount_minor: bigint,
  record: { readonly amount_minor: bigint; readonly currency: string; readonly gateway_payment_id: string | null },
): void {
  if (record.amount_minor !== amount_minor || record.currency !== event.currency) {
    paymentRejection('PAYMENT_AMOUNT_MISMATCH', `The event is for ${event.amount_minor} ${event.currency}; the payment is for ${record.amount_minor} ${record.currency}.`, {
      reference: event.reference,
      event_amount_minor: event.amount_minor,
      event_currency: event.currency,
      payment_amount_minor: record.amount_minor.toString(),
      payment_currency: record.currency,
    });
  }
  if (record.gateway_payment_id !== null && record.gateway_payment_id !== event.gateway_payment_id) {
    paymentRejection('PAYMENT_UNKNOWN_REFERENCE', `Reference ${event.reference} belongs to another provider payment.`, { reference: event.reference });
  }
}

function parseEvent(rawBody: string): GatewayEvent {
  if (rawBody.length > maxBodyLength) paymentRejection('PAYMENT_BAD_WEBHOOK', 'The webhook body is too large.');
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    paymentRejection('PAYMENT_BAD_WEBHOOK', 'The webhook body is not JSON.');
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    paymentRejection('PAYMENT_BAD_WEBHOOK', `The webhook body is not a payment event: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const { failure_reason, ...rest } = parsed.data;
  return failure_reason === undefined ? rest : { ...rest, failure_reason };
}
