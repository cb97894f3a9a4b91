import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClosureReportHeader } from '../../core/closure/closure-report.js';
import { hasAnyRole, type Role } from '../../core/roles.js';
import { announceClosure } from '../../services/closure/announce-closure.js';
import { closeMemberships } from '../../services/closure/close-memberships.js';
import { closureReportChunks, closureStatus, membershipClosureLine, type ClosureStatus } from '../../services/closure/closure-queries.js';
import { settleClosureReceivables } from '../../services/closure/closure-receivables.js';
import { runClosureRefunds } from '../../services/closure/closure-refunds.js';
import type { ClosureRow } from '../../services/closure/closure-rows.js';
import { finaliseClosure } from '../../services/closure/finalise-closure.js';
import type { ServiceContext } from '../../services/context.js';
import { assertPaysForMembership } from '../../services/member-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

const staff: Role[] = ['operator', 'auditor'];
const planParams = z.object({ plan_id: z.string().min(1).max(64) });
const steps = ['announced', 'closed', 'refunds_done', 'receivables_done', 'finalised'] as const;
const hex = z.string().regex(/^[0-9a-f]+$/);

const closureSchema = z.object({
  plan_id: z.string(),
  closure_date: z.string().describe('YYYY-MM-DD: cover ends at the start of this day'),
  last_cycles_paid_by: z.enum(['members', 'operator']),
  step: z.enum(steps).describe('announced → closed (memberships ended, wallets recorded) → refunds_done → receivables_done → finalised (report signed)'),
  announced_at: z.string(),
  closed_at: z.string().nullable(),
  refunds_done_at: z.string().nullable(),
  receivables_done_at: z.string().nullable(),
  finalised_at: z.string().nullable(),
  receivables_written_off_minor: minorAmount,
});

const headerSchema = z.object({
  format: z.literal('huzhu-closure/1'),
  plan_id: z.string(),
  currency: z.string(),
  closure_date: z.string(),
  announced_at: z.string(),
  finalised_at: z.string(),
  last_cycles_paid_by: z.enum(['members', 'operator']),
  member_count: z.number().int(),
  wallet_total_minor: minorAmount,
  refunded_total_minor: minorAmount,
  unclaimed_total_minor: minorAmount,
  custody_before_minor: minorAmount,
  custody_after_minor: minorAmount,
  claims_paid_count: z.number().int(),
  claims_paid_minor: minorAmount,
  claims_rejected_count: z.number().int(),
  receivables_written_off_minor: minorAmount,
  merkle_root_hex: hex,
  lines_sha256_hex: hex,
  public_key_hex: hex,
  signature_hex: hex,
});

const statusSchema = closureSchema.extend({
  refunds: z
    .array(z.object({ refund_state: z.string(), count: z.number().int(), wallet_minor: minorAmount }))
    .describe('Memberships by refund state (none, due, pending, refunded, unclaimed) with their wallets at closure'),
  last_claim_date: z.string().describe('YYYY-MM-DD: the last day a claim for a diagnosis before the closure date may be filed (the plan\'s claim window)'),
  finalise_from_date: z.string().describe('YYYY-MM-DD: the first day the closure can be finalised (CLOSURE_CLAIM_WINDOW_OPEN before it)'),
  header: headerSchema.nullable().describe('The signed report header, once finalised'),
});

function closureJson(row: ClosureRow) {
  return {
    plan_id: row.plan_id,
    closure_date: row.closure_date,
    last_cycles_paid_by: row.last_cycles_paid_by,
    step: row.step,
    announced_at: row.announced_at,
    closed_at: row.closed_at,
    refunds_done_at: row.refunds_done_at,
    receivables_done_at: row.receivables_done_at,
    finalised_at: row.finalised_at,
    receivables_written_off_minor: row.receivables_written_off_minor.toString(),
  };
}

function headerJson(header: ClosureReportHeader) {
  return JSON.parse(JSON.stringify(header, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as z.infer<typeof headerSchema>;
}

function statusJson(status: ClosureStatus) {
  return {
    plan_id: status.plan_id,
    closure_date: status.closure_date,
    last_cycles_paid_by: status.last_cycles_paid_by,
    step: status.step,
    announced_at: status.announced_at,
    closed_at: status.closed_at,
    refunds_done_at: status.refunds_done_at,
    receivables_done_at: status.receivables_done_at,
    finalised_at: status.finalised_at,
    receivables_written_off_minor: status.receivables_written_off_minor.toString(),
    refunds: status.refunds.map((row) => ({ ...row, wallet_minor: row.wallet_minor.toString() })),
    last_claim_date: status.last_claim_date,
    finalise_from_date: status.finalise_from_date,
    header: status.header === null ? null : headerJson(status.header),
  };
}

/** A plan's orderly wind-down: the operator announces and runs the steps; anyone reads the status and the signed report. */
export function closureRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/plans/:plan_id/closure',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['closure'],
        summary:
          'Announce the plan\'s closure: joins stop at once (PLAN_CLOSING), every live member is told in the app and by e-mail. One per plan (PLAN_CLOSING), ' +
          'not in the past (CLOSURE_DATE_PAST) (operator)',
        params: planParams,
        body: z.object({
          closure_date: z.string().describe('YYYY-MM-DD, today or later: cover ends at the start of this day'),
          last_cycles_paid_by: z.enum(['members', 'operator']).describe('who pays the shares of the cycles run until the memberships end'),
        }),
        response: { 201: z.object({ closure: closureSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const closure = await announceClosure(context, { plan_id: request.params.plan_id, ...request.body, announced_by: user.id });
      return reply.status(201).send({ closure: closureJson(closure) });
    },
  );

  api.post(
    '/api/plans/:plan_id/closure/close',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['closure'],
        summary:
          'On or after the closure date: record every wallet at closure and end the live memberships (CLOSURE_NOT_DUE before it). Run again, nothing changes (operator)',
        params: planParams,
        response: { 200: z.object({ closure: closureSchema }), ...errorResponses },
      },
    },
    async (request) => ({ closure: closureJson(await closeMemberships(context, request.params.plan_id)) }),
  );

  api.post(
    '/api/plans/:plan_id/closure/refunds',
    {
      ...idempotent(context, requireRoles('operator')),
      schema: {
        tags: ['closure'],
        summary:
          'Refund every wallet at closure through the payment provider; run again after the outcomes to retry failed refunds, up to the bound, after which the ' +
          'balance is listed as unclaimed. Done when no refund is due or pending (operator)',
        params: planParams,
        headers: idempotencyHeaders,
        response: { 200: z.object({ closure: closureSchema, requested: z.number().int(), pending: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      const run = await runClosureRefunds(context, request.params.plan_id);
      return { closure: closureJson(run.closure), requested: run.requested, pending: run.pending };
    },
  );

  api.post(
    '/api/plans/:plan_id/closure/receivables',
    {
      ...idempotent(context, requireRoles('operator')),
      schema: {
        tags: ['closure'],
        summary: 'After the refunds: write off the shares members still owe, borne by the operator (collections in flight are waited for) (operator)',
        params: planParams,
        headers: idempotencyHeaders,
        response: {
          200: z.object({ closure: closureSchema, written_off: z.number().int(), written_off_minor: minorAmount, collecting: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const run = await settleClosureReceivables(context, request.params.plan_id);
      return { closure: closureJson(run.closure), written_off: run.written_off, written_off_minor: run.written_off_minor.toString(), collecting: run.collecting };
    },
  );

  api.post(
    '/api/plans/:plan_id/closure/finalise',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['closure'],
        summary:
          'Build, sign and publish the closure report (huzhu-closure/1); CLOSURE_REFUNDS_OPEN while a refund is open, CLOSURE_CLAIM_WINDOW_OPEN until the claim ' +
          'window is over (details.finalise_from_date), CLOSURE_CLAIMS_OPEN while a claim is undecided. Finalised, it returns the same report (operator)',
        params: planParams,
        response: { 200: z.object({ closure: closureSchema }), ...errorResponses },
      },
    },
    async (request) => ({ closure: closureJson(await finaliseClosure(context, request.params.plan_id)) }),
  );

  api.get(
    '/api/public/plans/:plan_id/closure',
    {
      schema: {
        tags: ['public'],
        summary: "A plan's closure: its date, the step reached, the refunds by state and, once finalised, the signed report header (CLOSURE_NOT_FOUND when none)",
        security: [],
        params: planParams,
        response: { 200: z.object({ closure: statusSchema }), ...errorResponses },
      },
    },
    async (request) => ({ closure: statusJson(await closureStatus(context, request.params.plan_id)) }),
  );

  api.get(
    '/api/public/plans/:plan_id/closure/report',
    {
      schema: {
        tags: ['public'],
        summary: "The plan's signed closure report (huzhu-closure/1, JSON Lines): check it with `huzhu verify`",
        security: [],
        params: planParams,
        response: { 200: z.string().describe('JSON Lines'), ...errorResponses },
      },
    },
    async (request, reply) => {
      // Fails here, before the stream starts, for a plan without a finalised report.
      const chunks = await closureReportChunks(context, request.params.plan_id);
      reply.header('content-type', 'application/jsonl; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${request.params.plan_id}-closure.jsonl"`);
      return reply.send(Readable.from(chunks) as unknown as string);
    },
  );

  api.get(
    '/api/memberships/:id/closure',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['closure'],
        summary: "A membership's own line of its plan's closure report with its Merkle proof (huzhu-closure-proof/1) and the signed header (the member who pays for it, operator, auditor)",
        params: z.object({ id: idString }),
        response: {
          200: z.object({
            proof: z.object({
              format: z.literal('huzhu-closure-proof/1'),
              plan_id: z.string(),
              member_code: z.string(),
              wallet_at_closure_minor: minorAmount,
              refunded_minor: minorAmount,
              unclaimed_minor: minorAmount,
              leaf_index: z.number().int(),
              tree_size: z.number().int(),
              merkle_root_hex: hex,
              proof_hex: z.array(hex),
            }),
            signed_header_json: z.string().describe('The report\'s signed header line, to check the root against the operator\'s key'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      if (!hasAnyRole(user.roles, staff)) await assertPaysForMembership(context, membership_id, user.id);
      reply.header('cache-control', 'no-store');
      return membershipClosureLine(context, membership_id);
    },
  );
}
