import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  listPersonalDataReads,
  maxReadPageSize,
  maxReadReasonLength,
  minReadReasonLength,
  personOfMemberCode,
  readPersonalData,
} from '../../services/personal-data-reads.js';
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

const readSchema = z.object({
  id: idString,
  at: z.string(),
  reader_user_id: idString,
  reader_username: z.string(),
  person_id: idString,
  member_code: z.string().nullable().describe('The member code the lookup started from; null when it started from the person id'),
  reason: z.string(),
});

const memberCode = z.string().min(1).max(64);

/**
 * The one place full personal data leaves the server: decrypted for an administrator who says
 * why, never cached, and every read written to personal_data_reads (who, whom, when, why) and
 * logged.
 */
export function personRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/admin/persons/:id',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'A person’s full, decrypted name, ID number and phone (admin only; needs a reason; every read is written to the audit log)',
        params: z.object({ id: idString }),
        querystring: z.object({
          reason: z
            .string()
            .max(4000)
            .optional()
            .describe(`Why you read it, ${minReadReasonLength}–${maxReadReasonLength} characters (PERSON_READ_REASON_REQUIRED without one)`),
          member_code: memberCode.optional().describe('The member code the lookup started from, recorded with the read'),
        }),
        response: { 200: z.object({ person: revealedPersonSchema, read_id: idString }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { reason, member_code } = request.query;
      const { person, read_id } = await readPersonalData(context, BigInt(request.params.id), user.id, reason, member_code ?? null);
      request.log.warn(
        { audit: 'personal_data_read', read_id: read_id.toString(), person_id: person.person_id.toString(), user_id: user.id.toString(), username: user.username },
        'admin read full personal data',
      );
      reply.header('cache-control', 'no-store');
      return {
        person: {
          ...person,
          person_id: person.person_id.toString(),
          payer_user_id: person.payer_user_id?.toString() ?? null,
          membership_ids: person.membership_ids.map((id) => id.toString()),
        },
        read_id: read_id.toString(),
      };
    },
  );

  api.get(
    '/api/admin/persons/by-member-code',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The person id behind a member code (admin only): where a lookup starts from the code a reviewer gives; no personal data',
        // Optional here so a caller without the admin role is refused (403) before any validation.
        querystring: z.object({ member_code: z.string().max(64).optional() }),
        response: { 200: z.object({ person_id: idString, membership_id: idString, member_code: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const found = await personOfMemberCode(context, request.query.member_code);
      return { person_id: found.person_id.toString(), membership_id: found.membership_id.toString(), member_code: found.member_code };
    },
  );

  api.get(
    '/api/admin/personal-data-reads',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The audit log of full personal-data reads, newest first: who read whom, when and why (admin only; pass next_before as before)',
        querystring: z.object({
          person_id: idString.optional(),
          before: idString.optional().describe('The last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxReadPageSize).default(50),
        }),
        response: { 200: z.object({ reads: z.array(readSchema), next_before: idString.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { person_id, before, limit } = request.query;
      const page = await listPersonalDataReads(context, {
        person_id: person_id === undefined ? undefined : BigInt(person_id),
        before: before === undefined ? undefined : BigInt(before),
        limit,
      });
      reply.header('cache-control', 'no-store');
      return {
        reads: page.reads.map((read) => ({ ...read, id: read.id.toString(), reader_user_id: read.reader_user_id.toString(), person_id: read.person_id.toString() })),
        next_before: page.next_before?.toString() ?? null,
      };
    },
  );
}
