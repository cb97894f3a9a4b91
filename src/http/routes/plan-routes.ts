import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planRulesSchema } from '../../core/plans/plan-rules.js';
import { RejectionError, reject } from '../../core/rejection.js';
import { closureDates } from '../../services/closure/closure-dates.js';
import type { ServiceContext } from '../../services/context.js';
import { addPlanVersion, createPlan, getPlan, listPlans, previewPlanVersion, setPlanStatus, versionAt, type Plan, type PlanVersion } from '../../services/plans.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses } from '../schemas.js';

const versionSchema = z.object({
  version: z.number().int(),
  effective_at: z.string(),
  note: z.string(),
  created_at: z.string(),
  rules: planRulesSchema,
});

const upcomingSchema = z.object({ version: z.number().int(), effective_at: z.string(), note: z.string() });

const illnessSchema = z.object({ code: z.string(), name_zh: z.string(), name_en: z.string() });

const planSchema = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  currency: z.string(),
  status: z.enum(['open', 'closed']),
  closure_date: z
    .string()
    .nullable()
    .describe('The closure date announced for the plan (YYYY-MM-DD), or null: from the announcement on, joins are refused with PLAN_CLOSING.'),
  created_at: z.string(),
  /** The version in force now. */
  current_version: versionSchema,
  /** The next version already announced, if any: it takes effect at its effective_at. */
  next_version: upcomingSchema.nullable(),
  illnesses: z.array(illnessSchema),
});

const planWithHistorySchema = planSchema.extend({ versions: z.array(versionSchema) });

/** Plans are public reference data; the rules a member accepts must be readable before joining. */
const publicAccess = { security: [] };

// A plan id in a path: the service answers PLAN_NOT_FOUND for any id it does not know.
const planParams = z.object({ id: z.string().min(1).max(64) });

const rulesBody = z.unknown().optional().describe('The plan rules, shaped as `rules` in the response of GET /api/plans/{id}; money as strings of digits in minor units. Invalid rules are refused with PLAN_BAD_RULES and the issues in details.');

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function versionJson(version: PlanVersion) {
  return { version: version.version, effective_at: version.effective_at, note: version.note, created_at: version.created_at, rules: version.rules };
}

function planJson(plan: Plan, now: string, closure_date: string | null) {
  const current = versionAt(plan, now);
  const next = plan.versions.find((version) => version.effective_at > now);
  return {
    id: plan.id,
    name_zh: plan.name_zh,
    name_en: plan.name_en,
    currency: plan.currency,
    status: plan.status,
    closure_date,
    created_at: plan.created_at,
    current_version: versionJson(current),
    next_version: next === undefined ? null : { version: next.version, effective_at: next.effective_at, note: next.note },
    illnesses: current.rules.illnesses.map((illness) => ({ ...illness })),
  };
}

function planWithHistoryJson(plan: Plan, now: string, closure_date: string | null) {
  return { ...planJson(plan, now, closure_date), versions: plan.versions.map(versionJson) };
}

/**
 * The effective time as the service compares it: ISO 8601 with a zone, normalized to UTC, so a
 * "+08:00" time is ordered correctly against the stored versions.
 */
function normalizedEffectiveAt(text: string): string {
  const time = new Date(text);
  if (!isoTime.test(text) || Number.isNaN(time.getTime())) {
    throw new RejectionError(reject('PLAN_BAD_EFFECTIVE_DATE', 'effective_at must be an ISO 8601 time with a zone, e.g. 2027-01-01T00:00:00+08:00.', { effective_at: text }).rejection);
  }
  return time.toISOString();
}

export function planRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const operators = requireRoles('operator');
  const now = () => context.clock.now().toISOString();
  const withHistory = async (plan: Plan) => planWithHistoryJson(plan, now(), (await closureDates(context, [plan.id])).get(plan.id) ?? null);

  api.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Every plan with the rules in force now and its covered illnesses (public)',
        ...publicAccess,
        response: { 200: z.object({ plans: z.array(planSchema) }), ...errorResponses },
      },
    },
    async () => {
      const at = now();
      const plans = await listPlans(context);
      const dates = await closureDates(context, plans.map((plan) => plan.id));
      return { plans: plans.map((plan) => planJson(plan, at, dates.get(plan.id) ?? null)) };
    },
  );

  api.get(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'One plan with its full version history (public)',
        ...publicAccess,
        params: planParams,
        response: { 200: z.object({ plan: planWithHistorySchema }), ...errorResponses },
      },
    },
    async (request) => ({ plan: await withHistory(await getPlan(context, request.params.id)) }),
  );

  api.post(
    '/api/plans',
    {
      preHandler: operators,
      schema: {
        tags: ['plans'],
        summary: 'Create a plan; its version 1 applies from now (operator)',
        body: z.object({ id: z.string().max(64), name_zh: z.string().max(200), name_en: z.string().max(200), rules: rulesBody }),
        response: { 201: z.object({ plan: planWithHistorySchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const plan = await createPlan(context, { ...request.body, rules: request.body.rules }, currentUser(request).id);
      request.log.info({ plan_id: plan.id, user_id: currentUser(request).id.toString() }, 'plan created');
      return reply.status(201).send({ plan: await withHistory(plan) });
    },
  );

  const versionBody = z.object({
    effective_at: z.string().max(64).describe('ISO 8601 time with a zone, after now and after the latest version'),
    note: z.string().max(4000).describe('What changes and why, shown to members'),
    rules: rulesBody,
  });

  api.post(
    '/api/plans/:id/versions/preview',
    {
      preHandler: operators,
      schema: {
        tags: ['plans'],
        summary: 'Check a new rule version as announcing it would, and show the notice members would get; writes nothing (operator)',
        params: planParams,
        body: versionBody,
        response: {
          200: z.object({
            preview: z.object({
              version: z.number().int(),
              effective_at: z.string(),
              notice: z.object({ title_zh: z.string(), title_en: z.string(), body_zh: z.string(), body_en: z.string() }),
              recipient_count: z.number().int().min(0).describe('Payers of live memberships the notice would go to now'),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { effective_at, note, rules } = request.body;
      const preview = await previewPlanVersion(context, request.params.id, { rules, note, effective_at: normalizedEffectiveAt(effective_at) });
      return { preview: { ...preview, notice: { ...preview.notice } } };
    },
  );

  api.post(
    '/api/plans/:id/versions',
    {
      preHandler: operators,
      schema: {
        tags: ['plans'],
        summary: 'Announce a new rule version that takes effect in the future; members of the plan are notified (operator)',
        params: planParams,
        body: versionBody,
        response: { 201: z.object({ plan: planWithHistorySchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { effective_at, note, rules } = request.body;
      const plan = await addPlanVersion(context, request.params.id, { rules, note, effective_at: normalizedEffectiveAt(effective_at) }, currentUser(request).id);
      request.log.info({ plan_id: plan.id, version: plan.versions.length, user_id: currentUser(request).id.toString() }, 'plan version added');
      return reply.status(201).send({ plan: await withHistory(plan) });
    },
  );

  api.post(
    '/api/plans/:id/status',
    {
      preHandler: operators,
      schema: {
        tags: ['plans'],
        summary: 'Open a plan to new members or close it to them; existing memberships are unchanged. A plan with an announced closure cannot be opened again (PLAN_CLOSING) (operator)',
        params: planParams,
        body: z.object({ status: z.enum(['open', 'closed']) }),
        response: { 200: z.object({ plan: planWithHistorySchema }), ...errorResponses },
      },
    },
    async (request) => {
      const plan = await setPlanStatus(context, request.params.id, request.body.status);
      request.log.info({ plan_id: plan.id, status: plan.status, user_id: currentUser(request).id.toString() }, 'plan status set');
      return { plan: await withHistory(plan) };
    },
  );
}
