import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintOutcomes,
  complaintReplies,
  complaintStates,
  complaintSubjectKinds,
  complaintTextMaxChars,
  complaintTextMinChars,
  outcomeTextMaxChars,
  replyTextMaxChars,
} from '../../core/complaints/complaint-lifecycle.js';
import { hasAnyRole, type Role } from '../../core/roles.js';
import { assignComplaint, fileComplaint, replyToComplaint, respondToComplaint } from '../../services/complaints/complaint-actions.js';
import { getComplaint, listComplaintQueue, listOwnComplaints, maxComplaintPageSize, type ComplaintView } from '../../services/complaints/complaint-queries.js';
import { complaintOwnerCandidates, ownerNamesOf } from '../../services/complaints/complaint-owners.js';
import { listOwnSubjects } from '../../services/complaints/complaint-subjects.js';
import type { ServiceContext } from '../../services/context.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

/** Who works the complaints queue; auditors read it (for their reports) but do not answer. */
const complaintStaffRoles: readonly Role[] = ['operator', 'reviewer', 'admin'];
const queueReaderRoles: readonly Role[] = [...complaintStaffRoles, 'auditor'];

const eventSchema = z.object({ event: z.string(), from_state: z.string().nullable(), to_state: z.string(), at: z.string() });

const memberComplaintSchema = z.object({
  complaint_id: idString,
  member_code: z.string(),
  subject_kind: z.enum(complaintSubjectKinds),
  subject_id: idString,
  subject_label: z.string().describe('The case number, payment reference or membership decision complained about'),
  text: z.string(),
  state: z.enum(complaintStates),
  response_days: z.number().int(),
  deadline_at: z.string().describe('The answer is due by then'),
  overdue: z.boolean().describe('Still unanswered past the deadline'),
  escalated: z.boolean().describe('The deadline passed unanswered and the operator’s managers were told'),
  outcome: z.enum(complaintOutcomes).nullable(),
  outcome_text: z.string().nullable(),
  responded_at: z.string().nullable(),
  reply: z.enum(complaintReplies).nullable(),
  reply_text: z.string().nullable(),
  replied_at: z.string().nullable(),
  filed_at: z.string(),
  events: z.array(eventSchema),
});

const staffComplaintSchema = memberComplaintSchema.extend({
  owner_user_id: idString.nullable(),
  owner_name: z.string().nullable(),
  escalated_at: z.string().nullable(),
  events: z.array(eventSchema.extend({ actor: z.string() })),
});

type MemberComplaint = z.infer<typeof memberComplaintSchema>;

function memberView(view: ComplaintView): MemberComplaint {
  return {
    complaint_id: view.id.toString(),
    member_code: view.member_code,
    subject_kind: view.subject_kind,
    subject_id: view.subject_id.toString(),
    subject_label: view.subject_label,
    text: view.text,
    state: view.state,
    response_days: Number(view.response_days),
    deadline_at: view.deadline_at,
    overdue: view.overdue,
    escalated: view.escalated_at !== null,
    outcome: view.outcome,
    outcome_text: view.outcome_text,
    responded_at: view.responded_at,
    reply: view.reply,
    reply_text: view.reply_text,
    replied_at: view.replied_at,
    filed_at: view.filed_at,
    // Members see what happened and when, never which staff member did it.
    events: view.events.map(({ event, from_state, to_state, at }) => ({ event, from_state, to_state, at })),
  };
}

function staffView(view: ComplaintView, names: ReadonlyMap<bigint, string>): z.infer<typeof staffComplaintSchema> {
  const owner = view.owner_user_id;
  return {
    ...memberView(view),
    owner_user_id: owner?.toString() ?? null,
    owner_name: owner === null ? null : (names.get(owner) ?? null),
    escalated_at: view.escalated_at,
    events: view.events.map((event) => ({ event: event.event, from_state: event.from_state, to_state: event.to_state, at: event.at, actor: 'actor' in event ? String(event.actor) : '' })),
  };
}

function ownerNames(context: ServiceContext, views: readonly ComplaintView[]): Promise<Map<bigint, string>> {
  return ownerNamesOf(context, views.flatMap((view) => (view.owner_user_id === null ? [] : [view.owner_user_id])));
}

const complaintParams = z.object({ id: idString });

/**
 * Complaints (issue 14, item 4): a member files one about a claim, a payment, a share, a payout or
 * a membership decision of their own, and replies to the answer; staff assign, answer, and see the
 * queue with the overdue first. Another member's complaint is a 404, as if it did not exist.
 */
export function complaintRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/complaints/subjects',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: 'What you may complain about: the newest claims, payments, shares, payouts and membership decisions of the memberships you pay for',
        response: {
          200: z.object({
            subjects: z.array(
              z.object({
                kind: z.enum(complaintSubjectKinds),
                subject_id: idString,
                member_code: z.string(),
                label: z.string(),
                amount_minor: minorAmount.nullable(),
                status: z.string(),
                at: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const subjects = await listOwnSubjects(context, currentUser(request).id);
      return { subjects: subjects.map((entry) => ({ ...entry, subject_id: entry.subject_id.toString(), amount_minor: entry.amount_minor?.toString() ?? null })) };
    },
  );

  api.post(
    '/api/complaints',
    {
      ...idempotent(context, requireRoles()),
      schema: {
        tags: ['complaints'],
        summary: 'File a complaint about a claim, payment, share, payout or membership decision of a membership you pay for',
        description: `The subject must be yours, else 404 COMPLAINT_NOT_YOURS and nothing is written. The text is ${complaintTextMinChars}–${complaintTextMaxChars} characters (COMPLAINT_BAD_TEXT). The answer is due within the operator's response days, counted from now and kept with the complaint.`,
        headers: idempotencyHeaders,
        body: z.object({ subject_kind: z.enum(complaintSubjectKinds), subject_id: idString, text: z.string().max(complaintTextMaxChars * 2) }),
        response: { 201: z.object({ complaint: memberComplaintSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const row = await fileComplaint(context, { filed_by_user_id: user.id, subject_kind: request.body.subject_kind, subject_id: BigInt(request.body.subject_id), text: request.body.text });
      const view = await getComplaint(context, row.id, { user_id: user.id, staff: false });
      return reply.status(201).send({ complaint: memberView(view) });
    },
  );

  api.get(
    '/api/complaints/mine',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: `The complaints you filed, newest first (at most ${maxComplaintPageSize}), with their deadlines and trail (staff are not named)`,
        response: { 200: z.object({ complaints: z.array(memberComplaintSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const views = await listOwnComplaints(context, currentUser(request).id);
      return { complaints: views.map(memberView) };
    },
  );

  api.get(
    '/api/complaints/owners',
    {
      preHandler: requireRoles(...complaintStaffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'The active operators and reviewers a complaint can be assigned to',
        response: { 200: z.object({ owners: z.array(z.object({ user_id: idString, display_name: z.string(), roles: z.array(z.string()) })) }), ...errorResponses },
      },
    },
    async () => {
      const owners = await complaintOwnerCandidates(context);
      return { owners: owners.map((owner) => ({ user_id: owner.user_id.toString(), display_name: owner.display_name, roles: [...owner.roles] })) };
    },
  );

  api.get(
    '/api/complaints',
    {
      preHandler: requireRoles(...queueReaderRoles),
      schema: {
        tags: ['complaints'],
        summary: 'The complaints queue: those awaiting an answer first, by deadline (so the overdue lead), then the answered ones, newest first',
        querystring: z.object({
          state: z.enum(complaintStates).optional(),
          overdue: z.enum(['true', 'false']).optional().describe('true: only unanswered past the deadline; false: only the others'),
          owner: z.union([idString, z.literal('unassigned')]).optional().describe('An owner’s user id, or unassigned'),
          limit: z.coerce.number().int().min(1).max(maxComplaintPageSize).default(100),
        }),
        response: { 200: z.object({ complaints: z.array(staffComplaintSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const query = request.query;
      const views = await listComplaintQueue(context, {
        state: query.state,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        owner: query.owner === undefined ? undefined : query.owner === 'unassigned' ? 'unassigned' : BigInt(query.owner),
        limit: query.limit,
      });
      const names = await ownerNames(context, views);
      return { complaints: views.map((view) => staffView(view, names)) };
    },
  );

  api.get(
    '/api/complaints/:id',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: 'One complaint: your own (another member’s is 404 COMPLAINT_NOT_FOUND), or any for complaint staff and auditors, who also see its owner and who did what',
        params: complaintParams,
        response: { 200: z.object({ complaint: z.union([staffComplaintSchema, memberComplaintSchema]) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = currentUser(request);
      const staff = hasAnyRole(user.roles, queueReaderRoles);
      const view = await getComplaint(context, BigInt(request.params.id), { user_id: user.id, staff });
      return { complaint: staff ? staffView(view, await ownerNames(context, [view])) : memberView(view) };
    },
  );

  api.post(
    '/api/complaints/:id/reply',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['complaints'],
        summary: 'Accept or dispute the answer to your complaint, once, after it is answered (COMPLAINT_NOT_RESPONDED before, COMPLAINT_ALREADY_REPLIED after)',
        params: complaintParams,
        body: z.object({ reply: z.enum(complaintReplies), reply_text: z.string().max(replyTextMaxChars * 2).optional() }),
        response: { 200: z.object({ complaint: memberComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = BigInt(request.params.id);
      await replyToComplaint(context, id, { reply: request.body.reply, reply_text: request.body.reply_text }, user.id);
      return { complaint: memberView(await getComplaint(context, id, { user_id: user.id, staff: false })) };
    },
  );

  api.post(
    '/api/complaints/:id/assign',
    {
      preHandler: requireRoles(...complaintStaffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'Give a complaint an owner (an active operator or reviewer), or hand it over, until it is answered',
        params: complaintParams,
        body: z.object({ owner_user_id: idString }),
        response: { 200: z.object({ complaint: staffComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = BigInt(request.params.id);
      await assignComplaint(context, id, BigInt(request.body.owner_user_id), user.id);
      const view = await getComplaint(context, id, { user_id: user.id, staff: true });
      return { complaint: staffView(view, await ownerNames(context, [view])) };
    },
  );

  api.post(
    '/api/complaints/:id/respond',
    {
      preHandler: requireRoles(...complaintStaffRoles),
      schema: {
        tags: ['complaints'],
        summary: 'Answer a complaint with an outcome and its text, once; the member is told and may accept or dispute it',
        params: complaintParams,
        body: z.object({ outcome: z.enum(complaintOutcomes), outcome_text: z.string().max(outcomeTextMaxChars * 2) }),
        response: { 200: z.object({ complaint: staffComplaintSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = BigInt(request.params.id);
      await respondToComplaint(context, id, request.body, user.id);
      const view = await getComplaint(context, id, { user_id: user.id, staff: true });
      return { complaint: staffView(view, await ownerNames(context, [view])) };
    },
  );
}
