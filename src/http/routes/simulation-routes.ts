import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { publicForecast } from '../../services/sustainability/public-forecast.js';
import { maxListedRuns, maxQueuedRuns, type SimulationJobs } from '../../services/sustainability/simulation-jobs.js';
import { parseSimulationRequest, simulationOverridesSchema, simulationRequestSchema } from '../../services/sustainability/simulation-request.js';
import { simulationOptionBounds, simulationScenarios } from '../../services/sustainability/simulation-scenarios.js';
import { summaryToWire } from '../../services/sustainability/simulation-wire.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

const statuses = ['queued', 'running', 'done', 'failed'] as const;
const band = z.object({ p5: z.number(), p50: z.number(), p95: z.number() }).describe('P5, P50 and P95 over the paths');
const minorBand = z
  .object({ p5: minorAmount, p50: minorAmount, p95: minorAmount })
  .describe('P5, P50 and P95 over the paths, rounded to whole minor units');
const aidBand = z.object({ max_age_years: z.number().int(), aid_minor: minorAmount });

const recordSchema = z.object({
  scenario: z.string(),
  plan_id: z.string().nullable(),
  overrides: simulationOverridesSchema,
  options: z.object({ paths: z.number().int(), periods: z.number().int(), seed: z.number().int() }),
  publish: z.boolean(),
  as_of: z.string().describe('When the request was validated: a plan’s membership and rules are those of this time'),
  start_date: z.string(),
  periods_per_year: z.number().int(),
  currency: z.string(),
  plan_rules: z
    .object({ version: z.number().int(), fee_bps: z.number().int(), cap_per_year_minor: minorAmount.nullable(), aid_bands: z.array(aidBand), waiting_days: z.number().int() })
    .nullable()
    .describe('The plan’s rules taken into the scenario (a run from a plan), aid bands cut at the scenario’s oldest age'),
  initial_members: z.number().int(),
  members_outside_ages: z.number().int().describe('A plan’s members outside the scenario’s ages, left out'),
  forecast_year: z.number().int().nullable().describe('The first whole calendar year the run covers: the year a public forecast shows'),
});

const runSchema = z.object({
  id: z.string(),
  plan_id: z.string().nullable(),
  scenario_name: z.string(),
  status: z.enum(statuses),
  paths_done: z.number().int(),
  paths_total: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('SIM_INTERRUPTED: the server stopped before the run ended'),
  public: z.boolean().describe('The plan’s public forecast may show this run (the latest done public run of the plan)'),
  request: recordSchema,
  requested_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
});

const summarySchema = z.object({
  paths: z.number().int(),
  probability_cap_crossed_ever: z.number().describe('Share of paths in which the yearly cap was hit at least once'),
  probability_fell_below_threshold: z.number().describe('Share of paths that fell below the scenario’s member threshold after reaching it'),
  periods: z.array(
    z.object({
      period: z.number().int(),
      start_date: z.string(),
      year: z.number().int(),
      share_per_member_minor: minorBand,
      members: band,
      incidence_per_100k: band,
      cases: band,
      backstop_minor: minorBand,
      operator_margin_minor: minorBand,
      probability_cap_crossed: z.number(),
      probability_below_threshold: z.number(),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      periods: z.number().int(),
      cost_per_member_minor: minorBand.describe('What a member covered all year shared'),
      people_helped: band,
      members_end: band,
      backstop_minor: minorBand,
      operator_margin_minor: minorBand,
      share_of_cases_aged_40_plus: band,
    }),
  ),
});

const bounds = z.object({ min: z.number(), max: z.number() });
const weightsControl = z.object({ default: z.array(z.number()), length: z.number().int(), min: z.number(), max: z.number() });
const scenarioSchema = z.object({
  name: z.string(),
  description: z.string(),
  description_zh: z.string().nullable().describe('The description in Chinese, when the scenario has one'),
  sources: z.array(z.string()),
  start_date: z.string(),
  periods_per_year: z.number().int(),
  currency: z.string(),
  age_bands_years: z.array(z.number().int()),
  max_age_years: z.number().int(),
  risk_classes: z.array(z.string()),
  risk_classes_zh: z.array(z.string().nullable()).describe('Each risk class named in Chinese, when the scenario names it'),
  initial_members: z.number().int(),
  member_threshold: z.number().int(),
  what_if: z
    .object({
      fee_bps: bounds.extend({ default: z.number().int() }),
      cap_per_year_minor: z.object({ default: minorAmount.nullable(), max_digits: z.number().int() }),
      aid_bands: z.object({ default: z.array(aidBand), max_bands: z.number().int() }),
      age_weights: weightsControl,
      risk_weights: weightsControl,
      churn_elasticity: bounds.extend({ default: z.number() }),
      selection: z.object({ default: z.object({ initial_factor: z.number(), wear_off_days: z.number() }), initial_factor: bounds, wear_off_days: bounds }),
      waiting_days: bounds.extend({ default: z.number().int() }),
    })
    .describe('Each what-if field (the `overrides` of a run) with the scenario’s value as its default, and its bounds'),
});
const optionBound = bounds.extend({ default: z.number().int() });

const planParams = z.object({ plan_id: z.string().min(1).max(64) });
const readers = requireRoles('operator', 'auditor');

/** Simulation jobs (issue 13, item 4): operators ask for runs, auditors read them, anyone reads a plan's published forecast. */
export function simulationRoutes(app: FastifyInstance, context: ServiceContext, jobs: SimulationJobs): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/sustainability/scenarios',
    {
      preHandler: readers,
      schema: {
        tags: ['sustainability'],
        summary: 'The simulator’s scenarios: names, descriptions, the what-if fields with their defaults and bounds, and the run options’ bounds (operator, auditor)',
        response: {
          200: z.object({ scenarios: z.array(scenarioSchema), options: z.object({ paths: optionBound, periods: optionBound, seed: optionBound }) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ scenarios: simulationScenarios(), options: simulationOptionBounds }),
  );

  api.post(
    '/api/sustainability/simulations',
    {
      ...idempotent(context, requireRoles('operator')),
      // The service names the bad parameter with SIM_BAD_SCENARIO or SIM_BAD_OPTIONS (below), not VALIDATION_FAILED.
      attachValidation: true,
      schema: {
        tags: ['sustainability'],
        summary:
          'Ask for a simulation run: 202 at once with its id (and URL, also in Location); it runs in the background, one run at a time, ' +
          `at most ${maxQueuedRuns} waiting. Everything is checked first: a bad scenario or override is 400 SIM_BAD_SCENARIO, bad options ` +
          '400 SIM_BAD_OPTIONS, each naming the parameter; nothing is written then. With plan_id the run starts from the plan’s membership ' +
          'now and takes its rules (operator)',
        headers: idempotencyHeaders,
        body: simulationRequestSchema,
        response: { 202: z.object({ id: z.string(), status: z.enum(statuses), url: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.validationError !== undefined) {
        // The same schema: the service's parse throws the refusal that names the parameter.
        parseSimulationRequest(request.body);
        throw request.validationError;
      }
      const run = await jobs.request(request.body, `user:${currentUser(request).id}`);
      const url = `/api/sustainability/simulations/${run.id}`;
      return reply.code(202).header('location', url).send({ id: run.id, status: run.status, url });
    },
  );

  api.get(
    '/api/sustainability/simulations',
    {
      preHandler: readers,
      schema: {
        tags: ['sustainability'],
        summary: 'Simulation runs, newest first, without their summaries (GET the run for it); of one plan or all, paged by id (operator, auditor)',
        querystring: z.object({
          plan_id: z.string().min(1).max(64).optional(),
          before_id: idString.optional().describe('page on: the last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxListedRuns).default(20),
        }),
        response: { 200: z.object({ runs: z.array(runSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { plan_id, before_id, limit } = request.query;
      const runs = await jobs.list({ limit, ...(plan_id === undefined ? {} : { plan_id }), ...(before_id === undefined ? {} : { before_id }) });
      return { runs };
    },
  );

  api.get(
    '/api/sustainability/simulations/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['sustainability'],
        summary:
          'A simulation run: status, progress, the request, and when done the summary: per period P5/P50/P95 of the share per member, members, ' +
          'incidence, cases, backstop and operator margin; per year; the probabilities of crossing the cap and of falling below the member threshold (operator, auditor)',
        params: z.object({ id: idString }),
        response: { 200: runSchema.extend({ summary: summarySchema.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { summary, ...run } = await jobs.get(request.params.id);
      return { ...run, summary: summary === null ? null : summaryToWire(summary) };
    },
  );

  api.post(
    '/api/sustainability/simulations/:id/publish',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['sustainability'],
        summary:
          'Mark a run from a plan as the plan’s public forecast (the latest done public run is shown), or take the mark away; ' +
          'SIM_NOT_A_PLAN_RUN for a run without a plan, SIM_NO_FULL_YEAR for one that covers no whole calendar year (operator)',
        params: z.object({ id: idString }),
        body: z.object({ public: z.boolean() }),
        response: { 200: runSchema, ...errorResponses },
      },
    },
    async (request) => jobs.setPublic(request.params.id, request.body.public),
  );

  api.get(
    '/api/public/plans/:plan_id/forecast',
    {
      schema: {
        tags: ['public'],
        summary: 'The plan’s published forecast: the band (P5/P50/P95) of next year’s share per member from the latest run an operator published; null when none (aggregates only)',
        security: [],
        params: planParams,
        response: {
          200: z.object({
            plan_id: z.string(),
            currency: z.string(),
            forecast: z
              .object({
                year: z.number().int(),
                share_per_member_minor: minorBand.describe('What a member covered all that year would share'),
                paths: z.number().int(),
                as_of: z.string(),
                finished_at: z.string(),
              })
              .nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => publicForecast(context, request.params.plan_id),
  );
}
