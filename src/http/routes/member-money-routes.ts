import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { billsOf, retryCollection } from '../../services/funding/member-bills.js';
import { assertPaysForMembership } from '../../services/member-queries.js';
import { shareHistoryOf } from '../../services/member-shares.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { defaultMoneyRateLimit, moneyRateLimiter, type MoneyRateLimit } from '../money-rate-limit.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

const shareLineSchema = z.object({
  membership_id: idString,
  member_code: z.string(),
  plan_id: z.string(),
  person_id: idString,
  cycle_id: z.string().describe('The public cycle id: GET /api/memberships/{id}/cycles/{cycle_id}/proof gives the share line and its Merkle proof'),
  snapshot_at: z.string(),
  collection_at: z.string(),
  currency: z.string(),
  share_minor: minorAmount,
  capped_minor: minorAmount.describe('What the caps held back from this share (borne by the backstop or cut from the aid)'),
  case_count: z.number().int().describe('Cases the cycle shared'),
  charge_status: z.enum(['due', 'paid', 'written_off', 'refunded']).nullable().describe('The share’s charge; null when nothing was charged (a zero share)'),
});

const shareYearSchema = z.object({
  year: z.string(),
  currency: z.string(),
  shared_minor: minorAmount.describe('Σ of the year’s shares of every membership you pay for'),
  cases_helped: z.number().int().describe('Distinct cases of the year in which at least one of your memberships paid a share'),
  cycle_count: z.number().int(),
});

const billSchema = z.object({
  charge_id: idString,
  reference: z.string(),
  cycle_id: z.string().nullable(),
  collection_at: z.string().nullable().describe('The cycle’s collection day, when the first attempt is made'),
  amount_minor: minorAmount,
  currency: z.string(),
  status: z.enum(['due', 'paid', 'written_off', 'refunded']),
  attempts: z.number().int().describe('Collection attempts that failed so far'),
  retry_until: z.string().describe('After this moment an unpaid share lapses the membership'),
  next_attempt_at: z.string().nullable().describe('The next automatic attempt; null while one is with the provider'),
  paid_at: z.string().nullable(),
  created_at: z.string(),
  last_failure_reason: z.string().nullable(),
  in_flight: z.boolean(),
  retryable: z.boolean().describe('POST …/charges/{charge_id}/collect is accepted now'),
});

const paymentRequestSchema = z.object({
  payment_id: idString,
  reference: z.string(),
  amount_minor: minorAmount,
  currency: z.string(),
  status: z.literal('pending'),
  sent: z.boolean().describe('False when the provider could not be reached; it is resent automatically'),
});

/** A member's own money pages: share history across the household, post-paid bills, and a retry of a failed collection. */
export function memberMoneyRoutes(app: FastifyInstance, context: ServiceContext, moneyRateLimit: MoneyRateLimit = defaultMoneyRateLimit): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limitMoneyRequests = moneyRateLimiter(app, moneyRateLimit);

  api.get(
    '/api/members/me/shares',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['members'],
        summary: 'Your share history: per membership you pay for and published cycle its share line, and per year the total and the cases helped',
        response: { 200: z.object({ lines: z.array(shareLineSchema), years: z.array(shareYearSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const history = await shareHistoryOf(context, currentUser(request).id);
      reply.header('cache-control', 'no-store');
      return {
        lines: history.lines.map((line) => ({
          ...line,
          membership_id: line.membership_id.toString(),
          person_id: line.person_id.toString(),
          share_minor: line.share_minor.toString(),
          capped_minor: line.capped_minor.toString(),
          charge_status: line.charge_status as z.infer<typeof shareLineSchema>['charge_status'],
        })),
        years: history.years.map((year) => ({ ...year, shared_minor: year.shared_minor.toString() })),
      };
    },
  );

  api.get(
    '/api/memberships/:id/bills',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['funding'],
        summary: 'The share charges of a membership you pay for, newest first: cycle, collection day, deadline, status, and whether you may retry a failed collection',
        params: z.object({ id: idString }),
        response: { 200: z.object({ bills: z.array(billSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const membership_id = BigInt(request.params.id);
      // Someone else's membership answers MEMBERSHIP_NOT_FOUND, as a missing one does.
      await assertPaysForMembership(context, membership_id, currentUser(request).id);
      reply.header('cache-control', 'no-store');
      const bills = await billsOf(context, membership_id);
      return { bills: bills.map((bill) => ({ ...bill, charge_id: bill.charge_id.toString(), amount_minor: bill.amount_minor.toString() })) };
    },
  );

  api.post(
    '/api/memberships/:id/charges/:charge_id/collect',
    {
      ...idempotent(context, [requireRoles(), limitMoneyRequests]),
      schema: {
        tags: ['funding'],
        summary: 'Ask for the collection of a post-paid share whose last attempt failed, now rather than at the next automatic attempt (the payer)',
        description:
          'Accepted for a due share whose last collection failed, before its deadline, with no attempt under way; otherwise 409 FUNDING_CHARGE_NOT_RETRYABLE (details.reason: not_due, in_flight, not_failed, past_deadline). The outcome arrives from the provider like any collection.',
        params: z.object({ id: idString, charge_id: idString }),
        headers: idempotencyHeaders,
        response: { 202: z.object({ payment: paymentRequestSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      await assertPaysForMembership(context, membership_id, user.id);
      const payment = await retryCollection(context, membership_id, BigInt(request.params.charge_id));
      request.log.info({ membership_id: membership_id.toString(), charge_id: request.params.charge_id, user_id: user.id.toString() }, 'collection retried by the member');
      return reply.status(202).send({ payment: { ...payment, payment_id: payment.payment_id.toString(), amount_minor: payment.amount_minor.toString(), status: 'pending' as const } });
    },
  );
}
