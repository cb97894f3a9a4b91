import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { advanceAid, advanceKeyFor, listAdvances, listPayouts, retryFailedAidPayout, type OperatorAdvanceRow, type PayoutListEntry } from '../../services/payouts/index.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotencyKeyOf, idempotent } from '../idempotency.js';
import { errorResponses, idString, minorAmount, positiveMinorAmount } from '../schemas.js';

const payoutStatuses = ['due', 'in_flight', 'paid', 'failed'] as const;

const payoutSchema = z.object({
  id: idString,
  case_number: z.string().describe('The public case number of the claim; payouts carry no personal data'),
  plan_id: z.string(),
  cycle_id: idString,
  cycle_code: z.string().describe('the public id of the cycle that scheduled it'),
  amount_minor: minorAmount,
  currency: z.string(),
  status: z.enum(payoutStatuses).describe('due: waiting for cash or for its next attempt; in_flight: sent, waiting for the provider; paid; failed: attempts used up, waits for the operator'),
  attempts: z.string(),
  attempt_limit: z.string(),
  next_attempt_at: z.string().nullable(),
  last_failure_reason: z.string().nullable(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
  attempt_history: z
    .array(
      z.object({
        attempt: z.string(),
        status: z.enum(['pending', 'succeeded', 'failed']).describe('pending: sent, the provider has not answered yet'),
        failure_reason: z.string().nullable(),
        created_at: z.string().describe('when the attempt was sent'),
        settled_at: z.string().nullable().describe("when the provider's answer came"),
      }),
    )
    .describe('every try to pay it, first to last'),
});

const advanceSchema = z.object({
  id: idString,
  plan_id: z.string(),
  kind: z.enum(['advance', 'repayment']),
  amount_minor: minorAmount,
  currency: z.string(),
  actor: z.string(),
  ledger_transaction_id: idString,
  created_at: z.string(),
});

function payoutJson(payout: PayoutListEntry) {
  return {
    ...payout,
    id: payout.id.toString(),
    cycle_id: payout.cycle_id.toString(),
    amount_minor: payout.amount_minor.toString(),
    attempts: payout.attempts.toString(),
    attempt_limit: payout.attempt_limit.toString(),
    attempt_history: payout.attempt_history.map((attempt) => ({ ...attempt, attempt: attempt.attempt.toString() })),
  };
}

function advanceJson(row: OperatorAdvanceRow) {
  return {
    id: row.id.toString(),
    plan_id: row.plan_id,
    kind: row.kind,
    amount_minor: row.amount_minor.toString(),
    currency: row.currency,
    actor: row.actor,
    ledger_transaction_id: row.ledger_transaction_id.toString(),
    created_at: row.created_at,
  };
}

/** Aid payouts and the operator's advances: operators act, auditors read. */
export function payoutRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const planParams = z.object({ plan_id: z.string().min(1).max(64) });

  api.get(
    '/api/payouts',
    {
      preHandler: requireRoles('operator', 'auditor'),
      schema: {
        tags: ['payouts'],
        summary: 'Aid payouts, newest first, with their status and attempts (operator, auditor)',
        querystring: z.object({
          plan_id: z.string().min(1).max(64).optional(),
          status: z.enum(payoutStatuses).optional(),
          before_id: idString.optional().describe('Page on: the last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ payouts: z.array(payoutSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { plan_id, status, before_id, limit } = request.query;
      const payouts = await listPayouts(context, {
        limit,
        ...(plan_id === undefined ? {} : { plan_id }),
        ...(status === undefined ? {} : { status }),
        ...(before_id === undefined ? {} : { before_id: BigInt(before_id) }),
      });
      return { payouts: payouts.map(payoutJson) };
    },
  );

  api.post(
    '/api/payouts/:id/retry',
    {
      ...idempotent(context, requireRoles('operator')),
      schema: {
        tags: ['payouts'],
        summary:
          'Requeue a payout: one whose attempts are used up (failed) is due again with one more attempt, e.g. after the bank details were corrected; ' +
          'one whose last attempt failed and waits for its next try is due now. PAYOUT_NOT_FAILED for any other (operator)',
        params: z.object({ id: idString }),
        headers: idempotencyHeaders,
        response: { 200: z.object({ payout: z.object({ id: idString, status: z.enum(payoutStatuses), attempts: z.string(), attempt_limit: z.string() }) }), ...errorResponses },
      },
    },
    async (request) => {
      const payout = await retryFailedAidPayout(context, BigInt(request.params.id));
      return { payout: { id: payout.id.toString(), status: payout.status, attempts: payout.attempts.toString(), attempt_limit: payout.attempt_limit.toString() } };
    },
  );

  api.post(
    '/api/plans/:plan_id/advances',
    {
      ...idempotent(context, requireRoles('operator')),
      schema: {
        tags: ['payouts'],
        summary: "Advance the operator's own money to a plan so aid can be paid before collection catches up; repaid from later collections (operator)",
        params: planParams,
        headers: idempotencyHeaders,
        body: z.object({
          amount_minor: positiveMinorAmount,
          idempotency_key: z
            .string()
            .min(1)
            .max(100)
            .optional()
            .describe('Deprecated, the Idempotency-Key header does this: a key of the advance itself, shared by every operator; without it the advance is keyed by your header key'),
        }),
        response: { 200: z.object({ advance: advanceSchema, replayed: z.literal(true) }), 201: z.object({ advance: advanceSchema, replayed: z.literal(false) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const result = await advanceAid(context, {
        plan_id: request.params.plan_id,
        amount_minor: BigInt(request.body.amount_minor),
        actor: `staff:${user.id}`,
        // The header key goes down to the advance itself, which keeps it for good: a retry after the
        // key's retention (also after a crash left the key unanswered until then) finds the first
        // advance instead of making a second one.
        idempotency_key: request.body.idempotency_key ?? advanceKeyFor(user.id, idempotencyKeyOf(request)),
      });
      return result.replayed
        ? reply.status(200).send({ advance: advanceJson(result.advance), replayed: true as const })
        : reply.status(201).send({ advance: advanceJson(result.advance), replayed: false as const });
    },
  );

  api.get(
    '/api/plans/:plan_id/advances',
    {
      preHandler: requireRoles('operator', 'auditor'),
      schema: {
        tags: ['payouts'],
        summary: "The operator's advances to a plan and their repayments, newest first, with what is still owed (operator, auditor)",
        params: planParams,
        response: {
          200: z.object({
            plan_id: z.string(),
            currency: z.string(),
            outstanding_minor: minorAmount,
            available_minor: minorAmount.describe('What the plan can pay aid with now: aid payable − shares not yet collected + advances'),
            entries: z.array(advanceSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const statement = await listAdvances(context, request.params.plan_id);
      return {
        plan_id: statement.plan_id,
        currency: statement.currency,
        outstanding_minor: statement.outstanding_minor.toString(),
        available_minor: statement.available_minor.toString(),
        entries: statement.entries.map(advanceJson),
      };
    },
  );
}
