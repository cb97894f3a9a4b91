import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { listInAppMessages, markMessageRead, maxPageSize, type InAppMessage } from '../../services/member-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const messageSchema = z.object({
  id: idString,
  kind: z.string(),
  membership_id: idString.nullable(),
  title_zh: z.string(),
  title_en: z.string(),
  body_zh: z.string(),
  body_en: z.string(),
  created_at: z.string(),
  read_at: z.string().nullable(),
});

function messageJson(message: InAppMessage) {
  return { ...message, id: message.id.toString(), membership_id: message.membership_id?.toString() ?? null };
}

/** The logged-in user's in-app messages: reminders, lapse warnings, rule changes. */
export function notificationRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const loggedIn = requireRoles();

  api.get(
    '/api/notifications',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Your in-app messages, newest first, paged: pass next_before as before',
        querystring: z.object({
          before: idString.optional().describe('The last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxPageSize).default(50),
        }),
        response: { 200: z.object({ notifications: z.array(messageSchema), next_before: idString.nullable(), unread: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      const { before, limit } = request.query;
      const page = await listInAppMessages(context, currentUser(request).id, { before: before === undefined ? undefined : BigInt(before), limit });
      return { notifications: page.messages.map(messageJson), next_before: page.next_before?.toString() ?? null, unread: page.unread };
    },
  );

  api.post(
    '/api/notifications/:id/read',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your messages read (reading it again keeps the first time)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ notification: messageSchema }), ...errorResponses },
      },
    },
    async (request) => ({ notification: messageJson(await markMessageRead(context, currentUser(request).id, BigInt(request.params.id))) }),
  );
}
