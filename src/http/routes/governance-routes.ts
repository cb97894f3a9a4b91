import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { governanceSchema } from '../../core/governance/governance-rules.js';
import { proposalStates, voteChoices } from '../../core/governance/proposal-lifecycle.js';
import type { ServiceContext } from '../../services/context.js';
import { leaveBeforeChange } from '../../services/governance/leave-before-change.js';
import { createProposal, maxProposalNoteChars, openProposal, previewProposal } from '../../services/governance/proposal-actions.js';
import { getMemberProposal, listMemberProposals, listProposals, listPublicProposals, type MemberProposal } from '../../services/governance/proposal-queries.js';
import type { Proposal } from '../../services/governance/proposal-rows.js';
import { castProposalVote } from '../../services/governance/proposal-votes.js';
import { getPlan } from '../../services/plans.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponses, idString } from '../schemas.js';

const changeSchema = z
  .object({ path: z.string(), from: z.unknown(), to: z.unknown() })
  .describe('One changed value at a dotted path into the rules (e.g. fee_bps, caps.per_year_minor, aid_bands.0.aid_minor); null on the side where it is absent. Money as strings of minor units, rates in basis points');

const countSchema = z
  .object({
    eligible: z.number().int(),
    voted: z.number().int(),
    yes: z.number().int(),
    no: z.number().int(),
    abstain: z.number().int(),
    quorum_votes: z.number().int(),
    result: z.enum(['passed', 'failed', 'no_quorum']),
    counted_at: z.string(),
  })
  .describe('The published count; null until the vote closes (no running tally is shown)');

const proposalSchema = z.object({
  id: z.string(),
  plan_id: z.string(),
  base_version: z.number().int().describe('The version the proposal was written over; the diff is against its rules'),
  note: z.string(),
  status: z.enum(proposalStates),
  changes: z.array(changeSchema),
  settings: governanceSchema.nullable().describe('How this vote is decided: copied when it opened (for a draft, the plan’s settings now)'),
  created_at: z.string(),
  opened_at: z.string().nullable(),
  closes_at: z.string().nullable(),
  eligible_count: z.number().int().nullable(),
  count: countSchema.nullable(),
  effective_at: z.string().nullable().describe('When a passed change takes effect; members may leave with a full refund until then'),
  plan_version: z.number().int().nullable(),
});

const memberProposalSchema = proposalSchema.extend({
  eligible: z.boolean().describe('You pay for a membership on the voter roll'),
  voted: z.boolean().describe('One of your memberships has voted (never how)'),
  can_vote: z.boolean(),
  can_leave: z.boolean().describe('The change passed and has not taken effect, and you pay for a live membership of the plan'),
  left: z.boolean(),
  memberships: z.array(z.object({ membership_id: z.string(), member_code: z.string(), eligible: z.boolean(), voted: z.boolean(), live: z.boolean(), left: z.boolean() })),
});

function proposalJson(proposal: Proposal): z.infer<typeof proposalSchema> {
  return {
    ...proposal,
    id: proposal.id.toString(),
    changes: proposal.changes.map((change) => ({ ...change })),
  };
}

function memberProposalJson(proposal: MemberProposal): z.infer<typeof memberProposalSchema> {
  return { ...proposalJson(proposal), eligible: proposal.eligible, voted: proposal.voted, can_vote: proposal.can_vote, can_leave: proposal.can_leave, left: proposal.left, memberships: proposal.memberships.map((membership) => ({ ...membership, membership_id: membership.membership_id.toString() })) };
}

const rulesBody = z.unknown().describe('The whole proposed rules, shaped as `rules` in GET /api/plans/{id}; invalid rules are refused with PLAN_BAD_RULES and the issues in details');
const planParams = z.object({ id: z.string().max(64) });
const proposalParams = z.object({ id: idString });
const membershipChoice = idString.optional().describe('Which membership, when you pay for more than one on this plan (else GOV_MEMBERSHIP_REQUIRED)');

/** Proposals to change plan rules, the members' secret vote on them, and leaving before a change (issue 14, item 3). */
export function governanceRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireRoles('operator', 'admin');

  api.post(
    '/api/plans/:id/proposals',
    {
      ...idempotent(context, staff),
      schema: {
        tags: ['governance'],
        summary: 'Write a draft proposal to change the plan’s rules, with its diff against the latest version (operator, admin)',
        description: `A proposal with no change is GOV_NO_CHANGE; invalid rules, another currency or funding model PLAN_BAD_RULES; the note is 1–${maxProposalNoteChars} characters (GOV_BAD_NOTE).`,
        params: planParams,
        headers: idempotencyHeaders,
        body: z.object({ rules: rulesBody, note: z.string().max(4000) }),
        response: { 201: z.object({ proposal: proposalSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const proposal = await createProposal(context, request.params.id, { rules: request.body.rules, note: request.body.note }, currentUser(request).id);
      return reply.status(201).send({ proposal: proposalJson(proposal) });
    },
  );

  api.post(
    '/api/plans/:id/proposals/preview',
    {
      preHandler: staff,
      schema: {
        tags: ['governance'],
        summary: 'The diff a proposal with these rules would show, after the same checks; writes nothing (operator, admin)',
        params: planParams,
        body: z.object({ rules: rulesBody }),
        response: { 200: z.object({ base_version: z.number().int(), changes: z.array(changeSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const preview = await previewProposal(context, request.params.id, { rules: request.body.rules });
      return { base_version: preview.base_version, changes: preview.changes.map((change) => ({ ...change })) };
    },
  );

  api.get(
    '/api/plans/:id/proposals',
    {
      preHandler: requireRoles('operator', 'auditor', 'admin'),
      schema: {
        tags: ['governance'],
        summary: 'The plan’s proposals, drafts too, newest first (operator, auditor, admin)',
        params: planParams,
        response: { 200: z.object({ proposals: z.array(proposalSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      await getPlan(context, request.params.id);
      return { proposals: (await listProposals(context, { plan_id: request.params.id })).map(proposalJson) };
    },
  );

  api.post(
    '/api/proposals/:id/open',
    {
      preHandler: staff,
      schema: {
        tags: ['governance'],
        summary: 'Open the vote: the voter roll (every waiting or covered membership with a payer) is fixed and each payer told (operator, admin)',
        description: 'Once only (GOV_BAD_TRANSITION); GOV_PLAN_CHANGED when a version came after the one the proposal was written over; GOV_NO_ELIGIBLE_MEMBERS when nobody can vote.',
        params: proposalParams,
        response: { 200: z.object({ proposal: proposalSchema }), ...errorResponses },
      },
    },
    async (request) => ({ proposal: proposalJson(await openProposal(context, BigInt(request.params.id), currentUser(request).id)) }),
  );

  api.get(
    '/api/proposals',
    {
      preHandler: requireRoles('member'),
      schema: {
        tags: ['governance'],
        summary: 'Proposals in the plans you pay a membership of (not drafts), newest first, with whether you voted',
        response: { 200: z.object({ proposals: z.array(memberProposalSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { proposals: (await listMemberProposals(context, currentUser(request).id)).map(memberProposalJson) };
    },
  );

  api.get(
    '/api/proposals/:id',
    {
      preHandler: requireRoles('member'),
      schema: {
        tags: ['governance'],
        summary: 'One proposal of your plans: its diff, deadline, whether you voted (never how), the count once closed, and whether you may leave',
        params: proposalParams,
        response: { 200: z.object({ proposal: memberProposalSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { proposal: memberProposalJson(await getMemberProposal(context, BigInt(request.params.id), currentUser(request).id)) };
    },
  );

  api.post(
    '/api/proposals/:id/vote',
    {
      preHandler: requireRoles('member'),
      schema: {
        tags: ['governance'],
        summary: 'Your one secret vote on an open proposal: yes, no or abstain',
        description:
          'A second vote is GOV_ALREADY_VOTED, after the deadline GOV_VOTE_CLOSED, not on the roll GOV_NOT_ELIGIBLE. The answer does not repeat the choice. No Idempotency-Key: a stored request hash would tie you to your choice; a retried vote is answered GOV_ALREADY_VOTED.',
        params: proposalParams,
        body: z.object({ choice: z.enum(voteChoices), membership_id: membershipChoice }),
        response: { 200: z.object({ voted: z.literal(true), membership_id: z.string(), member_code: z.string(), voted_at: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const options = request.body.membership_id === undefined ? {} : { membership_id: BigInt(request.body.membership_id) };
      const voted = await castProposalVote(context, BigInt(request.params.id), currentUser(request).id, request.body.choice, options);
      return { voted: true as const, membership_id: voted.membership_id.toString(), member_code: voted.member_code, voted_at: voted.voted_at };
    },
  );

  api.post(
    '/api/proposals/:id/leave',
    {
      ...idempotent(context, requireRoles('member')),
      schema: {
        tags: ['governance'],
        summary: 'Leave the plan before a passed change takes effect, with your whole wallet refunded (no exit fee)',
        description: 'Before the change passed GOV_LEAVE_NOT_OPEN, after it took effect GOV_LEAVE_WINDOW_CLOSED, while a top-up of the wallet is still with the provider GOV_LEAVE_PAYMENTS_PENDING; asked again, the first leave is returned and nothing is refunded twice.',
        params: proposalParams,
        headers: idempotencyHeaders,
        body: z.object({ membership_id: membershipChoice }).nullish(),
        response: {
          200: z.object({ leave: z.object({ proposal_id: z.string(), membership_id: z.string(), left_at: z.string(), refund_minor: z.string(), refund_reference: z.string().nullable() }) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const membership_id = request.body?.membership_id;
      const leave = await leaveBeforeChange(context, BigInt(request.params.id), currentUser(request).id, membership_id === undefined ? {} : { membership_id: BigInt(membership_id) });
      return { leave: { ...leave, proposal_id: leave.proposal_id.toString(), membership_id: leave.membership_id.toString(), refund_minor: leave.refund_minor.toString() } };
    },
  );

  api.get(
    '/api/public/plans/:id/proposals',
    {
      schema: {
        tags: ['public'],
        summary: 'The plan’s closed votes: each proposal’s diff and count (no names, no member codes)',
        security: [],
        params: planParams,
        response: { 200: z.object({ proposals: z.array(proposalSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ proposals: (await listPublicProposals(context, request.params.id)).map(proposalJson) }),
  );
}
