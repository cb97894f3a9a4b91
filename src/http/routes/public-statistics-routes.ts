import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseBreakdowns, type CaseBreakdown } from '../../services/cycles/case-breakdowns.js';
import type { ServiceContext } from '../../services/context.js';
import { errorResponses } from '../schemas.js';

const count = z.number().int().min(0);

/** Aggregate counts only: the schema is the whitelist, so no field naming a case or a person can leave. */
const breakdownSchema = z.object({
  period: z.string().describe('A cycle id, or a year (YYYY) in per_year'),
  plan_id: z.string(),
  cases: count,
  by_illness: z.array(z.object({ code: z.string(), name_zh: z.string(), name_en: z.string(), cases: count })),
  by_age_band: z.array(
    z.object({
      band: z.string().describe('0-17, 18-29, 30-39, 40-49, 50-59, 60-69 or 70+'),
      min_age_years: count,
      max_age_years: count.nullable(),
      cases: count,
    }),
  ),
  by_province: z.array(z.object({ province: z.string(), cases: count })),
});

function breakdownJson(breakdown: CaseBreakdown): z.infer<typeof breakdownSchema> {
  return {
    period: breakdown.period,
    plan_id: breakdown.plan_id,
    cases: breakdown.cases,
    by_illness: breakdown.by_illness.map((entry) => ({ ...entry })),
    by_age_band: breakdown.by_age_band.map((entry) => ({ ...entry })),
    by_province: breakdown.by_province.map((entry) => ({ ...entry })),
  };
}

/** The cycle reports' breakdowns of shared cases, for everyone without logging in. */
export function publicStatisticsRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/public/statistics/cases',
    {
      schema: {
        tags: ['public'],
        summary: 'The cases shared by each completed cycle and each year, counted by illness, age band at diagnosis and province (aggregate counts only)',
        security: [],
        querystring: z.object({ plan_id: z.string().max(64).optional() }),
        response: { 200: z.object({ per_cycle: z.array(breakdownSchema), per_year: z.array(breakdownSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const breakdowns = await caseBreakdowns(context, request.query);
      return { per_cycle: breakdowns.per_cycle.map(breakdownJson), per_year: breakdowns.per_year.map(breakdownJson) };
    },
  );
}
