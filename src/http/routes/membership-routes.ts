import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberCodePattern } from '../../core/members/member-code.js';
import { membershipStates } from '../../core/members/membership-lifecycle.js';
import { hasAnyRole, type Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { getMembershipDetail, listMemberships, maxPageSize } from '../../services/member-queries.js';
import { changeMembershipStatus } from '../../services/membership-status.js';
import { currentUser, requireRoles } from '../auth.js';
import { maskedPersonJson, membershipDetailJson, membershipDetailSchema, membershipJson, membershipWithPersonSchema } from '../member-json.js';
import { errorResponses, idString } from '../schemas.js';

/** M and 3 to 12 characters of a member code: 32³ prefixes, so one matches about n / 32,768 of n members. */
const memberCodePrefixPattern = /^M[0-9A-HJKMNP-TV-Z]{3,12}$/;

/** Roles that see every membership (masked); anyone else sees only the memberships they pay for. */
const staff: Role[] = ['operator', 'auditor'];

/** The operator's view of memberships: masked personal data only, keyset-paged. */
export function membershipRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/memberships',
    {
      preHandler: requireRoles(...staff),
      schema: {
        tags: ['memberships'],
        summary: 'Memberships by id with masked person data, by plan, status, person or member code (exact or prefix), paged: pass next_after as after (operator, auditor)',
        querystring: z.object({
          plan_id: z.string().max(64).optional(),
          status: z.enum(membershipStates).optional(),
          person_id: idString.optional().describe('Only the memberships of this person'),
          member_code: z.string().regex(memberCodePattern).optional().describe('Exactly this member code (M and 12 characters)'),
          member_code_prefix: z
            .string()
            .regex(memberCodePrefixPattern)
            .optional()
            .describe('Member codes starting with this: M and at least 3 more characters, so a search matches a bounded number of members'),
          after: idString.optional().describe('The last membership_id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxPageSize).default(100),
        }),
        response: { 200: z.object({ memberships: z.array(membershipWithPersonSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { plan_id, status, person_id, member_code, member_code_prefix, after, limit } = request.query;
      const page = await listMemberships(context, {
        plan_id,
        status,
        member_code,
        member_code_prefix,
        person_id: person_id === undefined ? undefined : BigInt(person_id),
        after: after === undefined ? undefined : BigInt(after),
        limit,
      });
      return {
        memberships: page.memberships.map((membership) => ({ ...membershipJson(membership), person: maskedPersonJson(membership.person) })),
        next_after: page.next_after?.toString() ?? null,
      };
    },
  );

  api.get(
    '/api/memberships/:id',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['memberships'],
        summary: 'One membership with masked person data and its status history (operator, auditor, or the member who pays for it)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ membership: membershipDetailSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      // A member asking for someone else's membership gets the same 404 as for a missing one.
      const scope = hasAnyRole(user.roles, staff) ? {} : { payer_user_id: user.id };
      reply.header('cache-control', 'no-store');
      return { membership: membershipDetailJson(await getMembershipDetail(context, BigInt(request.params.id), scope)) };
    },
  );

  api.post(
    '/api/memberships/:id/terminate',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['memberships'],
        summary: 'Terminate a membership for fraud, with the reason kept in its history (operator)',
        params: z.object({ id: idString }),
        body: z.object({ reason: z.string().trim().min(3).max(2000).describe('Why: kept in the membership’s history and shown to the member') }),
        response: { 200: z.object({ membership: membershipDetailSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      await changeMembershipStatus(context, membership_id, 'fraud_found', request.body.reason, `operator:${user.id}`);
      request.log.warn({ membership_id: membership_id.toString(), user_id: user.id.toString() }, 'membership terminated for fraud');
      return { membership: membershipDetailJson(await getMembershipDetail(context, membership_id)) };
    },
  );
}
