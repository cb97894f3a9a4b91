import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasAnyRole, type Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { diagnoseInWaitingPeriod, requestTopUp, requestWalletRefund } from '../../services/funding/index.js';
import { walletStatement } from '../../services/funding/wallet-statement.js';
import { assertPaysForMembership } from '../../services/member-queries.js';
import type { PaymentRequest } from '../../services/payments/payment-rows.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent, requestKeyHex } from '../idempotency.js';
import { defaultMoneyRateLimit, moneyRateLimiter, type MoneyRateLimit } from '../money-rate-limit.js';
import { errorResponses, idString, minorAmount, positiveMinorAmount } from '../schemas.js';

const staff: Role[] = ['operator', 'auditor'];

const rateLimitNote = 'Each user may make a limited number of top-ups and refunds per minute (30 by default); more are refused with 429 RATE_LIMITED.';
const topUpAmountDescription =
  "Minor units, at least the plan version's min_top_up_minor (FUNDING_TOP_UP_BELOW_MINIMUM) and at most its max_top_up_minor (FUNDING_TOP_UP_TOO_LARGE); never above 10^15";
const topUpDescription = `Refused before any payment is asked for when the amount is outside the plan version's bounds, or when the wallet with its pending top-ups and this one would hold more than max_wallet_balance_minor (422 FUNDING_WALLET_LIMIT); from the plan's closure date on (409 FUNDING_PLAN_CLOSED). ${rateLimitNote}`;
const refundDescription = `The amount leaves the wallet at once and is paid out by the provider. After the plan's closure date, while the closure refund of the wallet is due or out, a refund is refused with FUNDING_CLOSURE_REFUND_DUE (the closure pays the balance itself). ${rateLimitNote}`;

const paymentRequestSchema = z.object({
  payment_id: idString,
  reference: z.string(),
  amount_minor: minorAmount,
  currency: z.string(),
  status: z.literal('pending'),
  sent: z.boolean().describe('False when the provider could not be reached; it is resent automatically'),
});

function paymentRequestJson(request: PaymentRequest) {
  return { ...request, payment_id: request.payment_id.toString(), amount_minor: request.amount_minor.toString(), status: 'pending' as const };
}

/** A member acts on the memberships they pay for; others get 404, so ids cannot be probed. */
async function ownMembership(context: ServiceContext, request: FastifyRequest, id: string): Promise<bigint> {
  const membership_id = BigInt(id);
  await assertPaysForMembership(context, membership_id, currentUser(request).id);
  return membership_id;
}

/** Prepaid wallets (top-ups, refunds), the money view of a membership, and the waiting-period diagnosis. */
export function fundingRoutes(app: FastifyInstance, context: ServiceContext, moneyRateLimit: MoneyRateLimit = defaultMoneyRateLimit): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: idString });
  const limitMoneyRequests = moneyRateLimiter(app, moneyRateLimit);

  api.post(
    '/api/memberships/:id/top-ups',
    {
      ...idempotent(context, [requireRoles(), limitMoneyRequests]),
      schema: {
        tags: ['funding'],
        summary: 'Top up a prepaid wallet (the payer); the money is credited when the provider confirms it',
        description: topUpDescription,
        params,
        headers: idempotencyHeaders,
        body: z.object({ amount_minor: positiveMinorAmount.describe(topUpAmountDescription) }),
        response: { 202: z.object({ payment: paymentRequestSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const membership_id = await ownMembership(context, request, request.params.id);
      const payment = await requestTopUp(context, membership_id, BigInt(request.body.amount_minor), { request_key_hex: requestKeyHex(request) });
      return reply.status(202).send({ payment: paymentRequestJson(payment) });
    },
  );

  api.post(
    '/api/memberships/:id/wallet-refunds',
    {
      ...idempotent(context, [requireRoles(), limitMoneyRequests]),
      schema: {
        tags: ['funding'],
        summary: 'Refund money from a prepaid wallet to the payer, at any time (the payer)',
        description: refundDescription,
        params,
        headers: idempotencyHeaders,
        body: z.object({ amount_minor: positiveMinorAmount.describe('At most what the wallet holds (FUNDING_REFUND_ABOVE_BALANCE) and at most 10^15 minor units') }),
        response: { 202: z.object({ payment: paymentRequestSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const membership_id = await ownMembership(context, request, request.params.id);
      const payment = await requestWalletRefund(context, membership_id, BigInt(request.body.amount_minor), { request_key_hex: requestKeyHex(request) });
      return reply.status(202).send({ payment: paymentRequestJson(payment) });
    },
  );

  api.get(
    '/api/memberships/:id/money',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['funding'],
        summary: 'Wallet balance, share charges and payments of a membership (the payer, operator, auditor)',
        params,
        response: {
          200: z.object({
            funding_model: z.enum(['post_paid', 'prepaid']),
            balance_minor: minorAmount.nullable(),
            charges: z.array(z.object({ id: idString, reference: z.string(), amount_minor: minorAmount, status: z.string(), created_at: z.string(), paid_at: z.string().nullable() })),
            payments: z.array(
              z.object({
                id: idString,
                reference: z.string(),
                kind: z.string(),
                amount_minor: minorAmount,
                status: z.string(),
                failure_reason: z.string().nullable(),
                created_at: z.string(),
                settled_at: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      if (!hasAnyRole(user.roles, staff)) await assertPaysForMembership(context, membership_id, user.id);
      const statement = await walletStatement(context, membership_id);
      return {
        funding_model: statement.funding_model,
        balance_minor: statement.balance_minor?.toString() ?? null,
        charges: statement.charges.map((charge) => ({ ...charge, id: charge.id.toString(), amount_minor: charge.amount_minor.toString() })),
        payments: statement.payments.map((payment) => ({ ...payment, id: payment.id.toString(), amount_minor: payment.amount_minor.toString() })),
      };
    },
  );

  api.post(
    '/api/memberships/:id/waiting-period-diagnosis',
    {
      ...idempotent(context, requireRoles('reviewer', 'operator')),
      schema: {
        tags: ['funding'],
        summary: 'Record a diagnosis inside the waiting period: the membership ends and the shares paid are refunded (reviewer, operator)',
        params,
        headers: idempotencyHeaders,
        body: z.object({ reason: z.string().min(1).max(500) }),
        response: { 200: z.object({ membership_id: idString, refunded_minor: minorAmount }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      const refund = await diagnoseInWaitingPeriod(context, membership_id, { reason: request.body.reason, actor: `staff:${user.id}` });
      return { membership_id: membership_id.toString(), refunded_minor: refund.refunded_minor.toString() };
    },
  );
}
