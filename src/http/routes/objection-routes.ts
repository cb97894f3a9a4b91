import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { listOwnObjections } from '../../services/claims/objection-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const ownObjectionSchema = z.object({
  objection_id: idString,
  case_number: z.string(),
  plan_id: z.string(),
  membership_id: idString.describe('Your membership the objection was raised through'),
  member_code: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld', 'referred']),
  reason: z.string(),
  resolution: z.string().nullable().describe('The reviewer’s words when it was resolved'),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
  case_published: z.boolean().describe('Whether the case card is public now (GET /api/public/cases/{case_number})'),
});

/** The member's own objections ("I object" during a notice) and how each was resolved. */
export function objectionRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/objections/mine',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['claims'],
        summary: 'The objections raised through the memberships you pay for, newest first, with how each was resolved (reviewers are not named)',
        response: { 200: z.object({ objections: z.array(ownObjectionSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const objections = await listOwnObjections(context, currentUser(request).id);
      return { objections: objections.map((entry) => ({ ...entry, objection_id: entry.objection_id.toString(), membership_id: entry.membership_id.toString() })) };
    },
  );
}
