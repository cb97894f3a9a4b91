import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxResponseDays, minResponseDays } from '../../core/complaints/complaint-lifecycle.js';
import type { ServiceContext } from '../../services/context.js';
import { getOperatorInfo, getPublicOperatorInfo, operatorInfoHistory, saveOperatorInfo, type OperatorInfoVersion } from '../../services/operator-info.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const fieldsSchema = z.object({
  operator_name: z.string().max(400),
  licence_number: z.string().max(400),
  supervisor: z.string().max(400).describe('The authority that licensed and supervises the operator'),
  custodian_bank: z.string().max(400).describe('The bank holding the segregated custody account'),
  custodian_account: z.string().max(400),
  complaint_phone: z.string().max(400).describe('The operator’s complaint line, never a person’s own'),
  complaint_email: z.string().max(400),
  complaint_response_days: z.number().int().describe(`Days within which a complaint is answered, ${minResponseDays}–${maxResponseDays}`),
});

const versionSchema = fieldsSchema.extend({ version: idString, changed_by_user_id: idString, changed_at: z.string() });

const publicSchema = fieldsSchema
  .omit({ custodian_account: true })
  .extend({ custodian_account_masked: z.string().describe('The last 4 digits of the custody account'), changed_at: z.string() });

function versionJson(version: OperatorInfoVersion): z.infer<typeof versionSchema> {
  return { ...version, version: version.version.toString(), changed_by_user_id: version.changed_by_user_id.toString() };
}

/**
 * The operator's licence and custodian details (issue 14, item 5): admins keep them (every save is
 * a new version, the trail of who changed what), everyone reads the public form with the account
 * masked. Before the first save the public answer says there are none rather than invent any.
 */
export function operatorInfoRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/public/operator',
    {
      schema: {
        tags: ['public'],
        summary: 'Who runs this platform: the licence, the supervisor, the custodian bank and the masked custody account, and where to complain',
        response: { 200: z.object({ operator: publicSchema.nullable() }), ...errorResponses },
      },
    },
    async () => ({ operator: await getPublicOperatorInfo(context) }),
  );

  api.get(
    '/api/settings/operator',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The operator’s licence and custodian details in full, and their past versions (who changed them, when)',
        response: { 200: z.object({ current: versionSchema.nullable(), history: z.array(versionSchema) }), ...errorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const [current, history] = await Promise.all([getOperatorInfo(context), operatorInfoHistory(context)]);
      return { current: current === null ? null : versionJson(current), history: history.map(versionJson) };
    },
  );

  api.put(
    '/api/settings/operator',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Save new licence and custodian details as a new version (OPERATOR_INFO_BAD_FIELD names a wrong field)',
        body: fieldsSchema,
        response: { 200: z.object({ current: versionSchema }), ...errorResponses },
      },
    },
    async (request) => ({ current: versionJson(await saveOperatorInfo(context, request.body, currentUser(request).id)) }),
  );
}
