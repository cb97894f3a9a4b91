import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintOutcomes,
  complaintReplies,
  complaintStates,
  complaintSubjectKinds,
  complaintTextMaxChars,
  outcomeTextMaxChars,
  replyTextMaxChars,
} from '../../core/complaints/complaint-lifecycle.js';
import { hasAnyRole, type Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { assignComplaint, fileComplaint, replyToComplaint, respondToComplaint } from '../../services/complaints/complaint-actions.js';
import { listComplaintOwners } from '../../services/complaints/complaint-owners.js';
import { getComplaint, listComplaintQueue, listOwnComplaints, maxComplaintPageSize, type ComplaintView } from '../../services/complaints/complaint-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponses, idString } from '../schemas.js';

/** Staff who work the complaints queue (admins always may). */
const staffRoles: readonly Role[] = ['operator', 'reviewer'];

const eventSchema = z.object({ event: z.string(), from_state: z.string().nullable(), to_state: z.string(), at: z.string() });

/** What the member who filed a complaint sees: everything but which staff member did what. */
const memberComplaintSchema = z.object({
  complaint_id: idString,
  membership_id: idString,
  member_code: z.string(),
  subject_kind: z.enum(complaintSubjectKinds),
  subject_id: idString,
  subject_label: z.string().describe('A case number, a payment reference or a membership decision, as the member reads it'),
  text: z.string(),
  state: z.enum(complaintStates),
  response_days: z.number().int(),
  deadline_at: z.string().describe('The operator answers by this instant; after it the complaint is escalated'),
  overdue: z.boolean().describe('Still awaiting a response and past the deadline'),
  escalated_at: z.string().nullable(),
  assigned: z.boolean().describe('A staff member owns the complaint'),
  outcome: z.enum(complaintOutcomes).nullable(),
  outcome_text: z.string().nullable(),
  responded_at: z.string().nullable(),
  reply: z.enum(complaintReplies).nullable(),
  reply_text: z.string().nullable(),
  replied_at: z.string().nullable(),
  filed_at: z.string(),
  updated_at: z.string(),
  events: z.array(eventSchema),
});

const staffComplaintSchema = memberComplaintSchema.extend({
  owner_user_id: idString.nullable(),
  owner_name: z.string().nullable(),
  responded_by_user_id: idString.nullable(),
  events: z.array(eventSchema.extend({ actor: z.string() })),
});

type MemberComplaintJson = z.infer<typeof memberComplaintSchema>;
type StaffComplaintJson = z.infer<typeof staffComplaintSchema>;

function memberJson(view: ComplaintView): MemberComplaintJson {
  return {
    complaint_id: view.id.toString(),
    membership_id: view.membership_id.toString(),
    member_code: view.member_code,
    subject_kind: view.subject_kind,
    subject_id: view.subject_id.toString(),
    subject_label: view.subject_label,
    text: view.text,
    state: view.state,
    response_days: Number(view.response_days),
    deadline_at: view.deadline_at,
    overdue: view.overdue,
    escalated_at: view.escalated_at,
    assigned: view.owner_user_id !== null,
    outcome: view.outcome,
    outcome_text: view.outcome_text,
    responded_at: view.responded_at,
    reply: view.reply,
    reply_text: view.reply_text,
    replied_at: view.replied_at,
    filed_at: view.filed_at,
    updated_at: view.updated_at,
    events: view.events.map(({ event, from_state, to_state, at }) => ({ event, from_state, to_state, at })),
  };
}

function staffJson(view: ComplaintView, names: ReadonlyMap<bigint, string>): StaffComplaintJson {
  return {
    ...memberJson(view),
    owner_user_id: view.owner_user_id?.toString() ?? null,
    owner_name: view.owner_user_id === null ? null : (names.get(view.owner_user_id) ?? null),
    responded_by_user_id: view.responded_by_user_id?.toString() ?? null,
    events: view.events.map((event) => ({ event: event.event, from_state: event.from_state, to_state: event.to_state, at: event.at, actor: (event as { actor?: string }).actor ?? '' })),
  };
}

async function ownerNames(context: ServiceContext): Promise<Map<bigint, string>> {
  return new Map((await listComplaintOwners(context)).map((owner) => [owner.user_id, owner.display_name]));
}

/**
 * Complaints (issue 14, item 4): members file them about their own claims, payments and decisions,
 * follow them and reply to the outcome; staff work the queue, assign and respond. A member asking
 * for a complaint that is not theirs hears COMPLAINT_NOT_FOUND (404), as for one that does not exist.
 */
export function complaintRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/complaints',
    {
      ...idempotent(context, requireRoles()),
      schema: {
        tags: ['complaints'],
        summary: 'File a complaint about a claim, a share charge, a payment, a payout or a decision of a membership you pay for',
        description:
          'The response deadline is counted from the operator’s setting in force now. A subject that is not of a membership you pay for is 404 COMPLAINT_NOT_YOURS, whether it exists or not, and nothing is written.',
        headers: idempotencyHeaders,
        body: z.object({
          subject_kind: z.enum(complaintSubjectKinds),
          subject_id: idString,
          text: z.string().max(complaintTextMaxChars * 4).describe(`10 to ${complaintTextMaxChars} characters`),
        }),
        response: { 201: z.object({ complaint: memberComplaintSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const row = await fileComplaint(context, { filed_by_user_id: user.id, subject_kind: request.body.subject_kind, subject_id: BigInt(request.body.subject_id), text: request.body.text });
      const view = await getComplaint(context, row.id, { user_id: user.id, staff: false });
      return reply.status(201).send({ complaint: memberJson(view) });
    },
  );

  api.get(
    '/api/complaints/mine',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: `The complaints you filed, newest first (at most ${maxComplaintPageSize}), with their deadlines and history`,
        response: { 200: z.object({ complaints: z.array(memberComplaintSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { complaints: (await listOwnComplaints(context, currentUser(request).id)).map(memberJson) };
    },
  );

  api.get(
    '/api/complaints/owners',
    {
      preHandler: requireRoles(...staffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'Who a complaint may be assigned to: active operators, reviewers and admins (staff)',
        response: { 200: z.object({ owners: z.array(z.object({ user_id: idString, display_name: z.string() })) }), ...errorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { owners: (await listComplaintOwners(context)).map((owner) => ({ user_id: owner.user_id.toString(), display_name: owner.display_name })) };
    },
  );

  api.get(
    '/api/complaints',
    {
      preHandler: requireRoles(...staffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'The complaints queue (staff): those awaiting a response first, by deadline (the overdue lead), then the answered, newest first',
        querystring: z.object({
          state: z.enum(complaintStates).optional(),
          overdue: z.enum(['true', 'false']).optional().describe('true: only those past their deadline without a response; false: only the others'),
          owner: z.union([idString, z.literal('unassigned'), z.literal('me')]).optional().describe('An owner’s user id, "me" or "unassigned"'),
          limit: z.coerce.number().int().min(1).max(maxComplaintPageSize).default(100),
        }),
        response: { 200: z.object({ complaints: z.array(staffComplaintSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { state, overdue, owner, limit } = request.query;
      const owner_filter = owner === undefined || owner === 'unassigned' ? owner : owner === 'me' ? currentUser(request).id : BigInt(owner);
      const views = await listComplaintQueue(context, { state, overdue: overdue === undefined ? undefined : overdue === 'true', owner: owner_filter, limit });
      const names = await ownerNames(context);
      reply.header('cache-control', 'no-store');
      return { complaints: views.map((view) => staffJson(view, names)) };
    },
  );

  api.get(
    '/api/complaints/:id',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: 'One complaint with its trail: yours, or any for staff (who also see who did what)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ complaint: z.union([staffComplaintSchema, memberComplaintSchema]) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const staff = hasAnyRole(user.roles, staffRoles);
      const view = await getComplaint(context, BigInt(request.params.id), { user_id: user.id, staff });
      reply.header('cache-control', 'no-store');
      return { complaint: staff ? staffJson(view, await ownerNames(context)) : memberJson(view) };
    },
  );

  api.post(
    '/api/complaints/:id/reply',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: 'Accept or dispute the outcome of your complaint, once, after it is answered',
        params: z.object({ id: idString }),
        body: z.object({ reply: z.enum(complaintReplies), reply_text: z.string().max(replyTextMaxChars * 4).optional().describe(`At most ${replyTextMaxChars} characters`) }),
        response: { 200: z.object({ complaint: memberComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await replyToComplaint(context, BigInt(request.params.id), request.body, user.id);
      return { complaint: memberJson(await getComplaint(context, row.id, { user_id: user.id, staff: false })) };
    },
  );

  api.post(
    '/api/complaints/:id/assign',
    {
      preHandler: requireRoles(...staffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'Give the complaint an owner, or hand it over, until it is answered (staff)',
        params: z.object({ id: idString }),
        body: z.object({ owner_user_id: idString.describe('An active operator, reviewer or admin') }),
        response: { 200: z.object({ complaint: staffComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await assignComplaint(context, BigInt(request.params.id), BigInt(request.body.owner_user_id), user.id);
      const view = await getComplaint(context, row.id, { user_id: user.id, staff: true });
      return { complaint: staffJson(view, await ownerNames(context)) };
    },
  );

  api.post(
    '/api/complaints/:id/respond',
    {
      preHandler: requireRoles(...staffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'Answer the complaint with an outcome and its text, once (staff); the member is told in the app',
        params: z.object({ id: idString }),
        body: z.object({ outcome: z.enum(complaintOutcomes), outcome_text: z.string().max(outcomeTextMaxChars * 4).describe(`1 to ${outcomeTextMaxChars} characters`) }),
        response: { 200: z.object({ complaint: staffComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await respondToComplaint(context, BigInt(request.params.id), request.body, user.id);
      const view = await getComplaint(context, row.id, { user_id: user.id, staff: true });
      return { complaint: staffJson(view, await ownerNames(context)) };
    },
  );
}
