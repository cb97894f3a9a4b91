import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxResponseDays, minResponseDays } from '../../core/complaints/complaint-lifecycle.js';
import type { ServiceContext } from '../../services/context.js';
import { currentPublicOperatorInfo, getOperatorInfo, operatorInfoHistory, saveOperatorInfo, type OperatorInfoVersion } from '../../services/operator-info.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

/** The fields an admin sets; the checks (lengths, account digits, phone, e-mail) are the core's. */
const operatorInfoFields = {
  operator_name: z.string().max(800),
  licence_number: z.string().max(800),
  supervisor: z.string().max(800).describe('The authority that licensed and supervises the operator'),
  custodian_bank: z.string().max(800),
  custodian_account: z.string().max(800).describe('The segregated custody account: digits, spaces and dashes'),
  complaint_phone: z.string().max(800).describe('The operator’s complaint line, never a person’s own'),
  complaint_email: z.string().max(800),
  complaint_response_days: z.number().int().min(minResponseDays).max(maxResponseDays).describe('Days the operator has to answer a complaint'),
};

const versionSchema = z.object({
  ...operatorInfoFields,
  version: idString,
  changed_by_user_id: idString,
  changed_by_name: z.string().describe('The display name of the admin who saved this version'),
  changed_at: z.string(),
});

const publicSchema = z.object({
  operator_name: z.string(),
  licence_number: z.string(),
  supervisor: z.string(),
  custodian_bank: z.string(),
  custodian_account_masked: z.string().describe('The last 4 digits only'),
  complaint_phone: z.string(),
  complaint_email: z.string(),
  complaint_response_days: z.number().int(),
  changed_at: z.string(),
});

function versionJson(version: OperatorInfoVersion): z.infer<typeof versionSchema> {
  return { ...version, version: version.version.toString(), changed_by_user_id: version.changed_by_user_id.toString() };
}

/**
 * The operator's licence and custodian details (issue 14, item 5). Admins read and change them;
 * every change is a new version kept with who made it and when (the audit trail). The public sees
 * them with the custody account masked.
 */
export function operatorInfoRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/settings/operator',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['settings'],
        summary: 'The operator’s licence, supervisor, custodian and complaint contact in full, and their past versions, newest first (admin)',
        response: { 200: z.object({ current: versionSchema.nullable(), history: z.array(versionSchema) }), ...errorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const current = await getOperatorInfo(context);
      const history = await operatorInfoHistory(context);
      return { current: current === null ? null : versionJson(current), history: history.map(versionJson) };
    },
  );

  api.put(
    '/api/settings/operator',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['settings'],
        summary: 'Save the operator’s details as a new version (admin); the old versions stay as the audit trail',
        description: 'A malformed field is 400 OPERATOR_INFO_BAD_FIELD naming it (details.field). Complaints filed after the change get the new response deadline.',
        body: z.object(operatorInfoFields),
        response: { 200: z.object({ current: versionSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const admin = currentUser(request);
      const saved = await saveOperatorInfo(context, request.body, admin.id);
      request.log.info({ user_id: admin.id.toString(), version: saved.version.toString() }, 'operator details changed');
      return { current: versionJson(saved) };
    },
  );

  api.get(
    '/api/public/operator',
    {
      schema: {
        tags: ['public'],
        summary: 'Who runs this platform: licence number, supervisor, custodian bank with the account masked, and the complaint contact; null until an admin sets them',
        security: [],
        response: { 200: z.object({ operator: publicSchema.nullable() }), ...errorResponses },
      },
    },
    async () => ({ operator: await currentPublicOperatorInfo(context) }),
  );
}
