import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { revealPerson } from '../../services/member-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const revealedPersonSchema = z.object({
  person_id: idString,
  name: z.string(),
  id_number: z.string(),
  phone: z.string(),
  birth_date: z.string(),
  gender: z.enum(['female', 'male']),
  province: z.string(),
  relationship: z.string(),
  payer_user_id: idString.nullable(),
  created_at: z.string(),
  membership_ids: z.array(idString),
});

/**
 * The one place full personal data leaves the server: decrypted for an administrator, never
 * cached, and every read logged with who read whom.
 */
export function personRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/admin/persons/:id',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'A person’s full, decrypted name, ID number and phone (admin only; every read is logged)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ person: revealedPersonSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const person = await revealPerson(context, BigInt(request.params.id));
      request.log.warn({ audit: 'personal_data_read', person_id: person.person_id.toString(), user_id: user.id.toString(), username: user.username }, 'admin read full personal data');
      reply.header('cache-control', 'no-store');
      return {
        person: {
          ...person,
          person_id: person.person_id.toString(),
          payer_user_id: person.payer_user_id?.toString() ?? null,
          membership_ids: person.membership_ids.map((id) => id.toString()),
        },
      };
    },
  );
}
