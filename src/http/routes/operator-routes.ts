import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimStates } from '../../core/claims/claim-lifecycle.js';
import type { ServiceContext } from '../../services/context.js';
import { maxDashboardCycles, operatorDashboard, type OperatorDashboard } from '../../services/operator-dashboard.js';
import { requireRoles } from '../auth.js';
import { errorResponses, minorAmount } from '../schemas.js';

/** A count as a string of digits: member counts can pass what a JSON number holds exactly. */
const countString = z.string().regex(/^\d{1,19}$/);

const exitsByStatusSchema = z.object({ lapsed: countString, withdrawn: countString, terminated: countString, ended: countString });

const dashboardSchema = z.object({
  plan_id: z.string(),
  currency: z.string(),
  at: z.string(),
  members: z.object({ covered: countString.describe('Live and past the waiting period now'), waiting: countString.describe('Live and still in the waiting period') }),
  flows: z
    .array(
      z.object({
        cycle_id: z.string(),
        since_at: z.string().nullable(),
        until_at: z.string(),
        member_count: countString.nullable(),
        joins: countString,
        exits: countString,
        exits_by_status: exitsByStatusSchema,
      }),
    )
    .describe('Joins and exits between the snapshots of the last cycles, oldest first; the last window runs from the last snapshot to now'),
  claims_by_state: z.record(z.enum(claimStates), countString),
  next_cycle: z.object({
    cycle_id: z.string(),
    snapshot_at: z.string(),
    collection_at: z.string(),
    due: z.boolean().describe('The snapshot is past and the cycle waits for its run'),
    plan_version: z.number().int(),
    cases: z.array(z.object({ case_number: z.string(), aid_minor: minorAmount })).describe('The cases it would share, at most 200 (case_count counts them all)'),
    case_count: z.number().int(),
    aid_total_minor: minorAmount,
    fee_bps: z.number().int(),
    fee_minor: minorAmount,
    surplus_in_minor: minorAmount,
    total_minor: minorAmount,
    surplus_out_minor: minorAmount,
    cap_policy: z.enum(['backstop', 'reduce_aid']),
    member_count: countString,
    weight_total: countString,
    share_per_weight_minor: minorAmount,
    per_member_cap_minor: minorAmount.nullable(),
    estimated_share_minor: minorAmount.describe('What a member of weight 1 with nothing paid this year would pay, after the caps'),
    members_at_cap: countString,
    capped_estimate_minor: minorAmount,
  }),
  cash: z.object({
    in_collection_minor: minorAmount,
    in_collection_count: countString,
    shares_receivable_minor: minorAmount,
    custody_minor: minorAmount.describe('The currency’s custody account, for every plan in that currency'),
    payouts_due_minor: minorAmount,
    payouts_due_count: countString,
    payouts_failed_count: countString,
    advances_outstanding_minor: minorAmount,
  }),
});

/** bigint → string, everywhere in the dashboard. */
function dashboardJson(dashboard: OperatorDashboard): z.infer<typeof dashboardSchema> {
  return JSON.parse(JSON.stringify(dashboard, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as z.infer<typeof dashboardSchema>;
}

export function operatorRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/operator/dashboard',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['operator'],
        summary: 'One plan at a glance: members covered, joins and exits per cycle, claims by state, the next cycle’s preview and cash (operator)',
        querystring: z.object({
          plan_id: z.string().min(1).max(64),
          cycles: z.coerce.number().int().min(1).max(maxDashboardCycles).default(12).describe('How many past cycles the joins and exits cover'),
        }),
        response: { 200: z.object({ dashboard: dashboardSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { dashboard: dashboardJson(await operatorDashboard(context, request.query.plan_id, { cycles: request.query.cycles })) };
    },
  );
}
