import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimStates } from '../../core/claims/claim-lifecycle.js';
import { complaintStates } from '../../core/complaints/complaint-lifecycle.js';
import { claimAgeBuckets, maxReportDays } from '../../core/reports/report-period.js';
import type { Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { supervisorReportCsv } from '../../services/reports/report-csv.js';
import { reportLanguages, supervisorReportHtml } from '../../services/reports/report-html.js';
import { supervisorReportToPlain } from '../../services/reports/report-json.js';
import { reportPeriodOf } from '../../services/reports/report-request.js';
import { listStoredReports, readSupervisorReport } from '../../services/reports/stored-reports.js';
import { requireRoles } from '../auth.js';
import { errorResponses, minorAmount } from '../schemas.js';

// Admins pass every role check. Reports hold aggregates and the operator's public details only.
const readers: Role[] = ['auditor', 'operator'];

const count = z.string().regex(/^\d+$/).describe('A count, as a string of digits');
const signedMinor = minorAmount;

const querystring = z.object({
  month: z.string().max(7).optional().describe('A calendar month, YYYY-MM (the stored report as issued, once the month is finished)'),
  from: z.string().max(10).optional().describe(`First day, YYYY-MM-DD (with to; at most ${maxReportDays} days, computed now)`),
  to: z.string().max(10).optional().describe('Last day, included, YYYY-MM-DD'),
  plan_id: z.string().min(1).max(64).optional().describe('One plan only (default: all plans)'),
});

const reportSchema = z.object({
  format: z.literal('huzhu-supervisor-report/1'),
  period: z.object({
    kind: z.enum(['month', 'range']),
    month: z.string().nullable(),
    from: z.iso.date(),
    to: z.iso.date(),
    from_at: z.string(),
    to_at: z.string().describe('Exclusive: midnight (UTC) after the last day'),
    days: z.number().int(),
  }),
  plan_id: z.string().nullable(),
  generated_at: z.string(),
  operator: z
    .object({
      operator_name: z.string(),
      licence_number: z.string(),
      supervisor: z.string(),
      custodian_bank: z.string(),
      custodian_account_masked: z.string(),
      complaint_phone: z.string(),
      complaint_email: z.string(),
      complaint_response_days: z.number().int(),
      changed_at: z.string(),
    })
    .nullable()
    .describe('The licence and custodian details in force when the report was made; null before any are saved'),
  plans: z.array(z.object({ plan_id: z.string(), name_zh: z.string(), name_en: z.string(), currency: z.string(), status: z.string() })),
  members: z.array(
    z.object({ plan_id: z.string(), start: count, joined: count, withdrawn: count, lapsed: count, terminated: count, ended: count, end: count }).describe('start + joined − withdrawn − lapsed − terminated − ended = end'),
  ),
  funds: z.array(
    z.object({
      currency: z.string(),
      wallets_minor: signedMinor,
      custody_minor: signedMinor,
      custody_less_wallets_minor: signedMinor,
      bank_statement_last_on: z.string().nullable(),
      bank_closing_minor: signedMinor.nullable(),
      custody_at_bank_date_minor: signedMinor.nullable(),
      bank_less_custody_minor: signedMinor.nullable(),
    }),
  ),
  claims_by_state: z.array(z.object({ plan_id: z.string(), state: z.enum(claimStates), claims: count, aid_minor: signedMinor })),
  open_claims_by_age: z.array(z.object({ plan_id: z.string(), bucket: z.enum(claimAgeBuckets.map((bucket) => bucket.bucket) as [string, ...string[]]), claims: count, aid_minor: signedMinor })),
  complaints: z.object({
    filed: z.number().int(),
    by_state: z.object(Object.fromEntries(complaintStates.map((state) => [state, z.number().int()])) as Record<(typeof complaintStates)[number], z.ZodNumber>),
    escalated: z.number().int(),
    overdue_now: z.number().int(),
    response_time: z.object({ responded: z.number().int(), median_ms: z.number().nullable(), p95_ms: z.number().nullable(), max_ms: z.number().nullable() }),
    responded_within_deadline: z.number().int(),
  }),
  alerts: z.array(z.object({ plan_id: z.string(), cycle_code: z.string(), snapshot_at: z.string(), kind: z.string(), value: z.string().regex(/^-?\d+$/), threshold: z.string().regex(/^-?\d+$/) })),
  operator_accounts: z.array(
    z.object({
      plan_id: z.string(),
      currency: z.string(),
      backstop_used_minor: signedMinor,
      advances_drawn_minor: signedMinor,
      advances_repaid_minor: signedMinor,
      advances_outstanding_minor: signedMinor,
      fee_income_minor: signedMinor,
    }),
  ),
});

function fileName(period: { from: string; to: string; month: string | null }, plan_id: string | undefined, extension: string): string {
  const span = period.month ?? `${period.from}_${period.to}`;
  return `supervisor-report-${span}${plan_id === undefined ? '' : `-${plan_id}`}.${extension}`;
}

/**
 * The supervisors' and auditors' report (issue 14, item 6): JSON for the page, a CSV of every
 * table and the printable HTML page. A month that the background jobs stored is read as issued.
 */
export function reportRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/reports/supervisor',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['reports'],
        summary: 'The supervisor report of a month or a period (auditor, operator)',
        querystring,
        response: { 200: z.object({ stored_at: z.string().nullable().describe('When the month was issued; null when computed now'), report: reportSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const reading = await readSupervisorReport(context, reportPeriodOf(request.query), request.query.plan_id ?? null);
      return { stored_at: reading.stored_at, report: supervisorReportToPlain(reading.report) as z.infer<typeof reportSchema> };
    },
  );

  api.get(
    '/api/reports/supervisor.csv',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['reports'],
        summary: 'The report as CSV: a `section,<name>` line per table, its header of documented columns, its records, an empty line; amounts in minor units (auditor, operator)',
        querystring,
        response: { 200: { description: 'The report as CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const period = reportPeriodOf(request.query);
      const { report } = await readSupervisorReport(context, period, request.query.plan_id ?? null);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename=${fileName(period, request.query.plan_id, 'csv')}`);
      reply.header('cache-control', 'no-store, private');
      return reply.send(supervisorReportCsv(report));
    },
  );

  api.get(
    '/api/reports/supervisor.html',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['reports'],
        summary: 'The report as a self-contained printable HTML page, in Chinese or English (auditor, operator)',
        querystring: querystring.extend({ lang: z.enum(reportLanguages).default('zh-CN').describe('zh-CN or en') }),
        response: { 200: { description: 'The printable page', content: { 'text/html': { schema: z.string() } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { report } = await readSupervisorReport(context, reportPeriodOf(request.query), request.query.plan_id ?? null);
      reply.header('content-type', 'text/html; charset=utf-8');
      reply.header('cache-control', 'no-store, private');
      return reply.send(supervisorReportHtml(report, request.query.lang));
    },
  );

  api.get(
    '/api/reports/supervisor/stored',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['reports'],
        summary: 'The monthly reports stored as issued, newest first (auditor, operator)',
        response: {
          200: z.object({ reports: z.array(z.object({ month: z.string(), plan_id: z.string().nullable().describe('null: all plans'), generated_at: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ reports: await listStoredReports(context) }),
  );
}
