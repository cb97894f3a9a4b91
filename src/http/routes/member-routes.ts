import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unwrap } from '../../core/rejection.js';
import type { ServiceContext } from '../../services/context.js';
import { assertPaysForMembership, assertPaysForPerson, getMembershipDetail, householdOf } from '../../services/member-queries.js';
import { enrolMembers, joinExistingPerson, relationships } from '../../services/members.js';
import { changeMembershipStatus } from '../../services/membership-status.js';
import { currentUser, requireRoles } from '../auth.js';
import { eventJson, maskedPersonJson, maskedPersonSchema, membershipDetailSchema, membershipDetailJson, membershipEventSchema, membershipJson, membershipSchema } from '../member-json.js';
import { errorResponses, idString } from '../schemas.js';

// Lengths are bounded here; the service checks the content and answers with MEMBER_BAD_* codes.
const personBody = z.object({
  name: z.string().max(100).describe('Real name as on the ID card'),
  id_number: z.string().max(40).describe('Mainland resident ID number (18 characters); stored encrypted, shown masked'),
  birth_date: z.string().max(20).describe('YYYY-MM-DD; must agree with the ID number'),
  gender: z.enum(['female', 'male']),
  province: z.string().max(20),
  phone: z.string().max(30).describe('Mainland mobile number; stored encrypted, shown masked'),
  relationship: z.enum(relationships).default('self').describe('The person’s relation to you, the account holder who pays'),
});

const answersBody = z.record(z.string().max(64), z.boolean()).describe('Answers to the plan’s health questions by code: true is a “yes”. A “yes” refuses joining.');

const enrolmentSchema = z.object({
  person_id: idString,
  membership_id: idString,
  member_code: z.string(),
  status: z.literal('waiting'),
  waiting_until: z.string().describe('First day of cover (YYYY-MM-DD)'),
});

function enrolmentJson(enrolment: { person_id: bigint; membership_id: bigint; member_code: string; waiting_until: string }) {
  return {
    person_id: enrolment.person_id.toString(),
    membership_id: enrolment.membership_id.toString(),
    member_code: enrolment.member_code,
    status: 'waiting' as const,
    waiting_until: enrolment.waiting_until,
  };
}

const householdSchema = z.object({
  persons: z.array(maskedPersonSchema.extend({ memberships: z.array(membershipSchema.extend({ events: z.array(membershipEventSchema) })) })),
});

/** What a logged-in account holder does for themselves and the family members they pay for. */
export function memberRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const loggedIn = requireRoles();

  api.post(
    '/api/members/enrol',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['members'],
        summary: 'Register a person (yourself or a family member you pay for) and join them to a plan',
        body: z.object({ plan_id: z.string().max(64), person: personBody, answers: answersBody }),
        response: { 201: enrolmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const [result] = await enrolMembers(context, [{ plan_id: request.body.plan_id, payer_user_id: user.id, person: request.body.person, answers: request.body.answers }]);
      if (result === undefined) throw new Error('enrolMembers returned no result for one input');
      const enrolment = unwrap(result);
      request.log.info({ membership_id: enrolment.membership_id.toString(), plan_id: request.body.plan_id, user_id: user.id.toString() }, 'member enrolled');
      return reply.status(201).send(enrolmentJson(enrolment));
    },
  );

  api.post(
    '/api/members/persons/:person_id/join',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['members'],
        summary: 'Join (or rejoin, with a new waiting period) a plan for a person you pay for',
        params: z.object({ person_id: idString }),
        body: z.object({ plan_id: z.string().max(64), answers: answersBody }),
        response: { 201: enrolmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const person_id = BigInt(request.params.person_id);
      // Someone else's person answers exactly like an unknown one, so ids cannot be probed.
      await assertPaysForPerson(context, person_id, user.id);
      const enrolment = await joinExistingPerson(context, { plan_id: request.body.plan_id, person_id, payer_user_id: user.id, answers: request.body.answers });
      request.log.info({ membership_id: enrolment.membership_id.toString(), plan_id: request.body.plan_id, user_id: user.id.toString() }, 'member joined');
      return reply.status(201).send(enrolmentJson(enrolment));
    },
  );

  api.get(
    '/api/members/me',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['members'],
        summary: 'The people you pay for, with their memberships and status histories (masked personal data)',
        response: { 200: householdSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const household = await householdOf(context, currentUser(request).id);
      reply.header('cache-control', 'no-store');
      return {
        persons: household.map((person) => ({
          ...maskedPersonJson(person),
          memberships: person.memberships.map((membership) => ({ ...membershipJson(membership), events: membership.events.map(eventJson) })),
        })),
      };
    },
  );

  api.post(
    '/api/memberships/:id/withdraw',
    {
      preHandler: loggedIn,
      schema: {
        tags: ['members'],
        summary: 'Withdraw a membership you pay for',
        params: z.object({ id: idString }),
        body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
        response: { 200: z.object({ membership: membershipDetailSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      await assertPaysForMembership(context, membership_id, user.id);
      const reason = request.body?.reason || 'Withdrawn by the member';
      await changeMembershipStatus(context, membership_id, 'member_withdrew', reason, 'member');
      request.log.info({ membership_id: membership_id.toString(), user_id: user.id.toString() }, 'membership withdrawn');
      return { membership: membershipDetailJson(await getMembershipDetail(context, membership_id, { payer_user_id: user.id })) };
    },
  );
}
