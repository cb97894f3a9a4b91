import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  castVote,
  closeJury,
  decideAfterJury,
  juryClaimId,
  juryOverview,
  juryPhases,
  juryPublicRecord,
  listJuries,
  maxJuryPageSize,
  jurorStandingsOf,
  maxJuryWindowHours,
  openJury,
  panelSeatsOf,
  publicQuiz,
  takeJurorQuiz,
  type JuryOverview,
  type JuryPublicRecord,
} from '../../services/jury/index.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const text = z.object({ zh: z.string(), en: z.string() });

const publicRecordSchema = z.object({
  case_number: z.string(),
  status: z.enum(['voting', 'closed']),
  seed_hex: z.string(),
  seed_inputs: z.object({ case_number: z.string(), ledger_seq: z.string(), ledger_hash_hex: z.string() }),
  eligible_codes: z.array(z.string()),
  eligible_count: z.number().int(),
  quorum: z.number().int(),
  panel_size: z.number().int(),
  panel: z.array(z.string()),
  window: z.object({ opens_at: z.string(), closes_at: z.string() }),
  counts: z.object({ approve: z.number().int(), reject: z.number().int(), cast: z.number().int() }).nullable(),
  verdict: z.object({ outcome: z.enum(['approve', 'reject', 'operator_decides']), reason: z.string(), operator_decision: z.enum(['approve', 'reject']).nullable() }).nullable(),
  rules: z
    .object({ majority_bps: z.number().int(), on_tie: z.enum(['approve', 'reject']), on_missed_quorum: z.enum(['approve', 'reject', 'operator_decides']) })
    .describe('The plan’s jury rules when the jury opened: a side wins with more than majority_bps of the votes cast; otherwise on_tie; below the quorum on_missed_quorum'),
  ballot_commitments: z
    .array(z.string())
    .nullable()
    .describe('Once closed: SHA-256(case_number + "|" + receipt_hex) of every ballot counted, sorted; a juror finds their receipt’s commitment here. Null while voting'),
});

function recordJson(record: JuryPublicRecord): z.infer<typeof publicRecordSchema> {
  return {
    ...record,
    eligible_codes: [...record.eligible_codes],
    panel: [...record.panel],
    ballot_commitments: record.ballot_commitments === null ? null : [...record.ballot_commitments],
  };
}

const windowSchema = z.object({ opens_at: z.string(), closes_at: z.string() });

const standingSchema = z.object({
  membership_id: idString,
  member_code: z.string(),
  plan_id: z.string(),
  plan_name_zh: z.string(),
  plan_name_en: z.string(),
  name_masked: z.string(),
  relationship: z.string(),
  membership_status: z.string(),
  quiz_passed_at: z.string().nullable().describe('When this membership passed the quiz; null while it has not'),
  tenure_from: z.string().describe('When the membership reaches 30 days of tenure'),
  adult: z.boolean(),
  eligible: z.boolean().describe('Paying, 30+ days, adult, quiz passed, no fraud record: drawn for juries of the plan (except its own household’s cases)'),
});

const seatSchema = z.object({
  claim_id: idString,
  case_number: z.string(),
  plan_id: z.string(),
  member_code: z.string(),
  membership_id: idString,
  phase: z.enum(['open', 'counting', 'closed']).describe('open: voting; counting: the window is over, the count not yet published; closed: counts and verdict published'),
  window: windowSchema,
  voted: z.boolean().describe('Whether this seat has voted (never how)'),
  counts: z.object({ approve: z.number().int(), reject: z.number().int(), cast: z.number().int() }).nullable(),
  verdict: z.object({ outcome: z.enum(['approve', 'reject', 'operator_decides']), operator_decision: z.enum(['approve', 'reject']).nullable() }).nullable(),
});

const overviewSchema = z.object({
  claim_id: idString,
  case_number: z.string(),
  plan_id: z.string(),
  claim_state: z.string(),
  phase: z.enum(['to_open', 'voting', 'counting', 'closed']).describe('to_open: in_jury without a jury; voting; counting: the window is over, not closed yet; closed'),
  window: windowSchema.nullable(),
  eligible_count: z.number().int().nullable(),
  panel_size: z.number().int().nullable(),
  votes_cast: z.number().int().nullable().describe('How many seats have voted (never who, never how); null before the jury opens'),
  verdict: z.enum(['approve', 'reject', 'operator_decides']).nullable(),
  operator_decision: z.enum(['approve', 'reject']).nullable(),
  awaiting_operator: z.boolean().describe('Closed without a quorum where the plan leaves it to the operator, not decided yet'),
});

function overviewJson(overview: JuryOverview): z.infer<typeof overviewSchema> {
  return { ...overview, claim_id: overview.claim_id.toString() };
}

/**
 * The members' jury: the qualification quiz, the public record of a jury (anyone may recompute
 * the draw from it), opening and closing (reviewer, operator), the operator's decision after a
 * missed quorum, and one secret vote per juror. No route returns who voted what.
 */
export function juryRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const claimParams = z.object({ id: idString });

  api.get(
    '/api/jury/quiz',
    {
      schema: {
        tags: ['jury'],
        summary: 'The juror qualification quiz: five questions about the plan rules (the answer key stays on the server)',
        security: [],
        response: {
          200: z.object({ pass_mark: z.number().int(), questions: z.array(z.object({ id: z.string(), question: text, options: z.array(text) })) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ pass_mark: 4, questions: publicQuiz().map((question) => ({ ...question, options: [...question.options] })) }),
  );

  api.post(
    '/api/jury/quiz',
    {
      preHandler: requireRoles('member', 'juror'),
      schema: {
        tags: ['jury'],
        summary: 'Take the quiz for a membership you pay for; 4 of 5 correct qualifies it for juries',
        body: z.object({ membership_id: idString, answers: z.array(z.number().int().min(0).max(3)).length(5) }),
        response: {
          200: z.object({ correct_answers: z.number().int(), questions: z.number().int(), passed: z.boolean(), passed_at: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => takeJurorQuiz(context, currentUser(request).id, BigInt(request.body.membership_id), request.body.answers),
  );

  api.get(
    '/api/jury/jurors/mine',
    {
      preHandler: requireRoles('member', 'juror'),
      schema: {
        tags: ['jury'],
        summary: 'Your juror standing for each membership you pay for: quiz passed, tenure, age, whether it is drawn for juries',
        response: { 200: z.object({ jurors: z.array(standingSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const standings = await jurorStandingsOf(context, currentUser(request).id);
      reply.header('cache-control', 'no-store');
      return { jurors: standings.map((standing) => ({ ...standing, membership_id: standing.membership_id.toString() })) };
    },
  );

  api.get(
    '/api/jury/panels/mine',
    {
      preHandler: requireRoles('member', 'juror'),
      schema: {
        tags: ['jury'],
        summary: 'The jury panels the memberships you pay for were drawn on (open first), with the window, whether each seat voted (never how) and, once closed, counts and verdict',
        response: { 200: z.object({ panels: z.array(seatSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const seats = await panelSeatsOf(context, currentUser(request).id);
      reply.header('cache-control', 'no-store');
      return { panels: seats.map((seat) => ({ ...seat, claim_id: seat.claim_id.toString(), membership_id: seat.membership_id.toString() })) };
    },
  );

  api.get(
    '/api/claims/:id/jury',
    {
      schema: {
        tags: ['jury'],
        summary: 'The public record of a claim’s jury (by claim id or case number): seed, eligible codes, panel, window; counts and verdict only once closed',
        security: [],
        params: z.object({ id: z.string().regex(/^(\d{1,19}|C[0-9A-Z]{4,40})$/, 'a claim id or case number') }),
        response: { 200: publicRecordSchema, ...errorResponses },
      },
    },
    async (request) => recordJson(await juryPublicRecord(context, await juryClaimId(context, request.params.id))),
  );

  api.get(
    '/api/juries',
    {
      preHandler: requireRoles('reviewer', 'operator'),
      schema: {
        tags: ['jury'],
        summary: 'Juries for the staff console, newest claim first, paged (pass next_after as after): claims in in_jury to open a jury for, open juries with their window and votes cast (a count only), closed ones with the verdict',
        querystring: z.object({
          phase: z.enum(juryPhases as [string, ...string[]]).optional(),
          after: idString.optional().describe('The last claim_id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxJuryPageSize).default(50),
        }),
        response: { 200: z.object({ juries: z.array(overviewSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { phase, after, limit } = request.query;
      const page = await listJuries(context, { phase: phase as (typeof juryPhases)[number] | undefined, after: after === undefined ? undefined : BigInt(after), limit });
      reply.header('cache-control', 'no-store');
      return { juries: page.juries.map(overviewJson), next_after: page.next_after?.toString() ?? null };
    },
  );

  api.get(
    '/api/juries/:id',
    {
      preHandler: requireRoles('reviewer', 'operator'),
      schema: {
        tags: ['jury'],
        summary: 'One claim’s jury for the staff console: its phase, window, panel size and votes cast (a count only); to_open while the claim waits in in_jury',
        params: claimParams,
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return overviewJson(await juryOverview(context, BigInt(request.params.id)));
    },
  );

  api.post(
    '/api/claims/:id/jury/open',
    {
      preHandler: requireRoles('reviewer', 'operator'),
      schema: {
        tags: ['jury'],
        summary: 'Open the jury of a claim in in_jury: fix the seed, snapshot the eligible jurors, draw the panel, start the voting window',
        params: claimParams,
        body: z.object({ window_hours: z.number().int().min(1).max(maxJuryWindowHours).optional() }).optional(),
        response: { 201: publicRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const window_hours = request.body?.window_hours;
      const record = await openJury(context, BigInt(request.params.id), `user:${currentUser(request).id}`, window_hours === undefined ? {} : { window_hours });
      return reply.status(201).send(recordJson(record));
    },
  );

  api.post(
    '/api/claims/:id/jury/close',
    {
      preHandler: requireRoles('reviewer', 'operator'),
      schema: {
        tags: ['jury'],
        summary: 'Close the vote after its window: count, decide by the plan’s jury rules, move the claim',
        params: claimParams,
        response: { 200: publicRecordSchema, ...errorResponses },
      },
    },
    async (request) => recordJson(await closeJury(context, BigInt(request.params.id), `user:${currentUser(request).id}`)),
  );

  api.post(
    '/api/claims/:id/jury/decision',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['jury'],
        summary: 'The operator decides a claim whose jury missed its quorum when the plan leaves that to the operator',
        params: claimParams,
        body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().min(1).max(4000) }),
        response: { 200: publicRecordSchema, ...errorResponses },
      },
    },
    async (request) => recordJson(await decideAfterJury(context, BigInt(request.params.id), request.body.decision, request.body.reason, `user:${currentUser(request).id}`)),
  );

  api.post(
    '/api/claims/:id/votes',
    {
      preHandler: requireRoles('member', 'juror'),
      schema: {
        tags: ['jury'],
        summary: 'Cast your one secret vote as a juror on this claim’s panel (name the member code if you pay for several jurors on it); the answer holds your receipt, given once',
        params: claimParams,
        body: z.object({ vote: z.enum(['approve', 'reject']), member_code: z.string().min(1).max(64).optional() }),
        // The answer confirms the vote was taken; it never echoes the choice.
        response: {
          201: z.object({
            member_code: z.string(),
            voted_at: z.string(),
            receipt_hex: z
              .string()
              .describe('Given once, kept nowhere: once the jury closes, SHA-256(case_number + "|" + receipt_hex) is among its ballot_commitments if your ballot was counted'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { vote, member_code } = request.body;
      const receipt = await castVote(context, BigInt(request.params.id), currentUser(request).id, vote, member_code === undefined ? {} : { member_code });
      return reply.status(201).send(receipt);
    },
  );
}
