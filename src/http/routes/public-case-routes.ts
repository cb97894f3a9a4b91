import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaseCard } from '../../services/claims/case-card.js';
import { listPublicCases, maxPublicPageSize, publicCase } from '../../services/claims/claim-queries.js';
import type { ServiceContext } from '../../services/context.js';
import { errorResponses, minorAmount } from '../schemas.js';

const caseNumber = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{12}$/, 'a case number');

/**
 * The public case card. The schema is the whitelist (the serializer drops anything else): no
 * ids, ID numbers, phones, birth dates, hospitals or file names; the name masked.
 */
export const caseCardSchema = z.object({
  case_number: z.string(),
  plan_name_zh: z.string(),
  plan_name_en: z.string(),
  state: z.string(),
  name_masked: z.string(),
  age_at_diagnosis_years: z.number().int(),
  gender: z.enum(['female', 'male']),
  province: z.string(),
  illness: z.object({ code: z.string(), name_zh: z.string(), name_en: z.string() }),
  aid_minor: minorAmount,
  currency: z.string(),
  days_as_member: z.number().int(),
  shares_paid_minor: minorAmount,
  people_helped: z.number().int(),
  notice_starts_at: z.string().nullable(),
  notice_ends_at: z.string().nullable(),
});

export function caseCardJson(card: CaseCard) {
  return {
    case_number: card.case_number,
    plan_name_zh: card.plan_name_zh,
    plan_name_en: card.plan_name_en,
    state: card.state,
    name_masked: card.name_masked,
    age_at_diagnosis_years: card.age_at_diagnosis_years,
    gender: card.gender,
    province: card.province,
    illness: { code: card.illness.code, name_zh: card.illness.name_zh, name_en: card.illness.name_en },
    aid_minor: card.aid_minor.toString(),
    currency: card.currency,
    days_as_member: card.days_as_member,
    shares_paid_minor: card.shares_paid_minor.toString(),
    people_helped: card.people_helped,
    notice_starts_at: card.notice_starts_at,
    notice_ends_at: card.notice_ends_at,
  };
}

/** Published cases, for everyone without logging in: the anonymized case cards only. */
export function publicCaseRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/public/cases',
    {
      schema: {
        tags: ['public'],
        summary: 'Published case cards (in notice, objected, with the jury, approved, scheduled, paid), newest notice first, paged: pass next_after as after',
        security: [],
        querystring: z.object({
          plan_id: z.string().max(64).optional(),
          after: caseNumber.optional().describe('The last case_number of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxPublicPageSize).default(20),
        }),
        response: { 200: z.object({ cases: z.array(caseCardSchema), next_after: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const page = await listPublicCases(context, request.query);
      return { cases: page.cases.map(caseCardJson), next_after: page.next_after };
    },
  );

  api.get(
    '/api/public/cases/:case_number',
    {
      schema: {
        tags: ['public'],
        summary: 'One published case card by its case number',
        security: [],
        params: z.object({ case_number: caseNumber }),
        response: { 200: z.object({ case: caseCardSchema }), ...errorResponses },
      },
    },
    async (request) => ({ case: caseCardJson(await publicCase(context, request.params.case_number)) }),
  );
}
