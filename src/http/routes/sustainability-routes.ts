import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ageBands, tenureBands } from '../../core/sustainability/metric-bands.js';
import { alertKinds } from '../../core/sustainability/sustainability-alerts.js';
import type { ServiceContext } from '../../services/context.js';
import { getPlan } from '../../services/plans.js';
import { toWire } from '../../services/sustainability/metrics-json.js';
import { publicPlanHealth } from '../../services/sustainability/public-health.js';
import { maxMetricCycles, planAlerts, planMetrics } from '../../services/sustainability/read-metrics.js';
import { recomputePlanMetrics } from '../../services/sustainability/record-metrics.js';
import { requireRoles } from '../auth.js';
import { errorResponses, minorAmount } from '../schemas.js';

/** A count as a string of digits, as the operator dashboard sends counts. */
const countString = z.string().regex(/^\d{1,19}$/);
const bps = z.number().int().nullable().describe('Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with');
const per100k = z.number().nullable().describe('Cases per 100,000 members a year (two decimals); null without covered members');
const ageBand = z.enum(ageBands.map((band) => band.band) as [string, ...string[]]);
const tenureBand = z.enum(tenureBands.map((band) => band.band) as [string, ...string[]]);

const groupRisk = z.object({ members: countString, expected_per_100k: per100k });
const selectionSchema = z
  .object({
    joiners: groupRisk,
    leavers: groupRisk,
    stayers: groupRisk.describe('Covered at the end and members already at the start'),
    joiners_index_bps: bps,
    leavers_index_bps: bps,
    adverse_selection_index_bps: bps.describe('Joiners’ mean expected incidence over leavers’: above 10,000 those who come are riskier than those who go'),
  })
  .describe('Mean expected incidence (from the plan’s table and the members’ ages) of joiners, leavers and stayers');

const cycleMetricsSchema = z.object({
  cycle_id: z.string(),
  sequence: z.number().int(),
  snapshot_at: z.string(),
  period_start_at: z.string().describe('The previous cycle’s snapshot, or the schedule’s previous notice day for a first cycle'),
  period_days: z.number().int(),
  members_covered: countString,
  joins: countString,
  exits: countString,
  exits_ever_claimed: countString,
  cases: countString,
  cases_aged_40_plus: countString,
  cases_aged_40_plus_bps: bps,
  member_days: countString,
  incidence_per_100k: per100k.describe('cases × 365 × 100,000 ÷ (covered × period days)'),
  expected_incidence_per_100k: per100k,
  expected_per_1000_sum: z.number(),
  incidence_vs_expected_bps: bps,
  by_age_band: z.array(
    z.object({
      band: ageBand,
      covered: countString,
      joins: countString,
      exits: countString,
      exits_ever_claimed: countString,
      cases: countString,
      member_days: countString,
      incidence_per_100k: per100k,
      expected_per_100k: per100k,
    }),
  ),
  by_tenure_band: z.array(z.object({ band: tenureBand, covered: countString, cases: countString, member_days: countString, incidence_per_100k: per100k })),
  share: z.object({ aid_total_minor: minorAmount, total_minor: minorAmount, share_total_minor: minorAmount, share_per_member_minor: minorAmount }),
  caps: z.object({ members_capped: countString, members_at_year_cap: countString.nullable(), members_at_year_cap_bps: bps, backstop_minor: minorAmount }),
  operator: z.object({ fee_income_minor: minorAmount, operating_cost_minor: minorAmount, margin_minor: minorAmount, break_even_members: countString.nullable() }),
  selection: selectionSchema,
});

const rollingSchema = z.object({
  since_at: z.string().describe('Exclusive start: the snapshot time 12 months before'),
  until_at: z.string(),
  cycles: z.number().int(),
  period_days: z.number().int(),
  reference_cycle_id: z.string().nullable().describe('The cycle “12 months before” the trends compare with; null for a younger plan'),
  yearly_share_per_member_minor: minorAmount.describe('Σ of the share per member of the cycles in the 12 months'),
  yearly_share_12m_before_minor: minorAmount.nullable(),
  yearly_share_change_bps: bps,
  members_covered: countString,
  members_12m_before: countString.nullable(),
  members_change_bps: bps,
  joins: countString,
  exits: countString,
  exits_ever_claimed: countString,
  cases: countString,
  cases_aged_40_plus_bps: bps,
  member_days: countString,
  incidence_per_100k: per100k,
  expected_incidence_per_100k: per100k,
  incidence_vs_expected_bps: bps,
  by_age_band: z.array(
    z.object({ band: ageBand, joins: countString, exits: countString, exits_ever_claimed: countString, cases: countString, member_days: countString, incidence_per_100k: per100k }),
  ),
  backstop_minor: minorAmount,
  operator: z.object({
    fee_income_minor: minorAmount,
    fee_income_per_year_minor: minorAmount,
    operating_cost_per_year_minor: minorAmount,
    margin_per_year_minor: minorAmount,
    break_even_members: countString.nullable(),
  }),
  selection: selectionSchema,
});

const alertSchema = z.object({
  kind: z.enum(alertKinds),
  cycle_id: z.string(),
  snapshot_at: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  body_zh: z.string(),
  body_en: z.string(),
});
const staffAlertSchema = alertSchema.extend({
  value: z.string().regex(/^-?\d{1,19}$/).describe('The figure that reached the threshold: basis points, or minor units a year for fee_below_cost'),
  threshold: z.string().regex(/^-?\d{1,19}$/),
  public: z.boolean().describe('Shown on the public health page'),
  created_at: z.string(),
});

const planParams = z.object({ plan_id: z.string().min(1).max(64) });
const staffRoles = requireRoles('operator', 'auditor');

/** The wire form: every bigint as a string of digits; the response schemas are the whitelist. */
function wire<T>(value: unknown): T {
  return toWire(value) as T;
}

export function sustainabilityRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/sustainability/plans/:plan_id/metrics',
    {
      preHandler: staffRoles,
      schema: {
        tags: ['sustainability'],
        summary: 'The stored sustainability metrics of the plan’s last cycles, each with its 12 months, oldest first (operator, auditor)',
        params: planParams,
        querystring: z.object({ cycles: z.coerce.number().int().min(1).max(maxMetricCycles).default(24).describe('How many of the last cycles') }),
        response: {
          200: z.object({
            plan_id: z.string(),
            currency: z.string(),
            cycles: z.array(z.object({ cycle: cycleMetricsSchema, rolling: rollingSchema })),
            latest_rolling: rollingSchema.nullable().describe('The 12 months to the latest cycle'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const metrics = await planMetrics(context, request.params.plan_id, { cycles: request.query.cycles });
      return wire({ ...metrics, latest_rolling: metrics.cycles.at(-1)?.rolling ?? null });
    },
  );

  api.get(
    '/api/sustainability/plans/:plan_id/alerts',
    {
      preHandler: staffRoles,
      schema: {
        tags: ['sustainability'],
        summary: 'The alerts the plan’s metrics raised, newest cycle first, with their texts (operator, auditor)',
        params: planParams,
        response: { 200: z.object({ alerts: z.array(staffAlertSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return wire({ alerts: await planAlerts(context, request.params.plan_id, { public_only: false }) });
    },
  );

  api.post(
    '/api/sustainability/plans/:plan_id/recompute',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['sustainability'],
        summary: 'Recomputes the metrics of every completed cycle of the plan, oldest first; moves no money, and alerts already raised are not raised again (operator)',
        params: planParams,
        response: { 200: z.object({ plan_id: z.string(), cycles: z.number().int().describe('Cycles computed') }), ...errorResponses },
      },
    },
    async (request) => {
      await getPlan(context, request.params.plan_id);
      return { plan_id: request.params.plan_id, cycles: await recomputePlanMetrics(context, request.params.plan_id) };
    },
  );

  api.get(
    '/api/public/plans/:plan_id/health',
    {
      schema: {
        tags: ['public'],
        summary: 'The plan’s health in figures anyone can read: share and membership trends, age mix and public alerts (aggregates only)',
        security: [],
        params: planParams,
        response: {
          200: z.object({
            health: z.object({
              plan_id: z.string(),
              name_zh: z.string(),
              name_en: z.string(),
              currency: z.string(),
              as_of: z.string().nullable(),
              share_trend: z.array(z.object({ cycle_id: z.string(), snapshot_at: z.string(), share_per_member_minor: minorAmount, yearly_share_minor: minorAmount })),
              yearly_share_minor: minorAmount.nullable(),
              yearly_share_change_bps: bps,
              membership_trend: z.array(z.object({ cycle_id: z.string(), snapshot_at: z.string(), members_covered: countString, joins: countString, exits: countString })),
              members_covered: countString.nullable(),
              members_change_bps: bps,
              age_mix: z.array(z.object({ band: ageBand, members: countString, share_bps: bps })),
              alerts: z.array(alertSchema),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => wire({ health: await publicPlanHealth(context, request.params.plan_id) }),
  );
}
