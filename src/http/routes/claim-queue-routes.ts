import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimStates } from '../../core/claims/claim-lifecycle.js';
import { RejectionError, reject } from '../../core/rejection.js';
import { hasAnyRole, type Role } from '../../core/roles.js';
import type { BlobStore } from '../../services/blobs/blob-store.js';
import type { ServiceContext } from '../../services/context.js';
import {
  approveForNotice,
  assignInvestigator,
  claimRejectionReasons,
  endNotice,
  decideAppeal,
  publishNotice,
  recordFindings,
  recordFraud,
  rejectClaim,
  resolveObjection,
  startReview,
  type ClaimRow,
} from '../../services/claims/index.js';
import {
  assertObjectionOf,
  claimAuditTrail,
  countClaimQueue,
  evidenceOf,
  getClaimForStaff,
  isInvestigatorOf,
  listClaimQueue,
  maxClaimPageSize,
  resolveClaimId,
  type ClaimQueueFilter,
} from '../../services/claims/claim-queries.js';
import { addClaimNote, claimExtras, listClaimNotes, listInvestigators, maxClaimNoteLength, maxClaimNotesPage, type ClaimNote } from '../../services/claims/claim-workbench.js';
import type { User } from '../../services/users.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

/** Evidence types that may be shown inline, and their file extensions (the upload's allow-list). */
const inlineTypes: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
]);

/** Roles that see every claim in the queue and its staff view (masked). */
const queueRoles: Role[] = ['reviewer', 'investigator', 'operator', 'auditor'];
/** Roles that see the hospital, evidence file names and the files themselves. */
const privateRoles: Role[] = ['reviewer', 'investigator'];
/** Roles that write notes on a claim (an investigator on the claims assigned to them); auditors read them. */
const noteWriterRoles: Role[] = ['reviewer', 'investigator', 'operator'];
const rejectionReasonCodes = Object.keys(claimRejectionReasons).filter((code) => code !== 'FRAUD') as [string, ...string[]];

/** An investigator who holds no wider staff role sees only the claims assigned to them. */
function onlyOwnInvestigations(user: User): boolean {
  return !hasAnyRole(user.roles, ['reviewer', 'operator', 'auditor']) && user.roles.includes('investigator');
}

function notFound(claim: string): never {
  throw new RejectionError(reject('CLAIM_NOT_FOUND', 'No such claim.', { claim }).rejection);
}

/** The claim id of the path, checked against the investigator's scope (same 404 as a missing claim). */
async function claimInScope(context: ServiceContext, request: FastifyRequest, id: string): Promise<bigint> {
  const claim_id = await resolveClaimId(context, id);
  const user = currentUser(request);
  if (onlyOwnInvestigations(user) && !(await isInvestigatorOf(context, claim_id, user.id))) notFound(id);
  return claim_id;
}

const queueItemSchema = z.object({
  claim_id: idString,
  case_number: z.string(),
  plan_id: z.string(),
  member_code: z.string(),
  name_masked: z.string(),
  state: z.enum(claimStates),
  illness_code: z.string(),
  age_at_diagnosis_years: z.number().int(),
  aid_minor: minorAmount,
  submitted_at: z.string(),
  state_changed_at: z.string(),
  days_waiting: z.number().int().describe('Whole days since the claim entered its state, by the server clock'),
  assigned_to_user_id: idString.nullable(),
  assigned_to_name: z.string().nullable().describe('The display name of the investigator of the open investigation'),
  open_objections: z.number().int(),
});

/** The queue's filters, shared by the list and the counts. */
const queueFilterQuery = z.object({
  plan_id: z.string().max(64).optional(),
  illness_code: z.string().max(32).optional(),
  age_from: z.coerce.number().int().min(0).max(130).optional().describe('Age at diagnosis, at least (years); an aid band of the plan is age_from..age_to'),
  age_to: z.coerce.number().int().min(0).max(130).optional().describe('Age at diagnosis, at most (years)'),
  min_days_waiting: z.coerce.number().int().min(0).max(3650).optional().describe('Only claims in their state for at least this many whole days'),
  assigned_to: z.union([idString, z.literal('unassigned')]).optional().describe('The user id of the investigator of the open investigation, or "unassigned"'),
});

/** The claim version the staff member saw: refused with 409 CLAIM_CHANGED when the claim changed since. */
const expectedField = {
  expected_state_changed_at: z
    .string()
    .max(40)
    .optional()
    .describe('The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it)'),
};
const seenBody = z.object(expectedField);

const ruleCheckSchema = z.object({
  code: z.enum(['covered_at_diagnosis', 'waiting_period_over', 'within_claim_window', 'illness_covered', 'aid_limit', 'age_band']),
  pass: z.boolean(),
  figures: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

const noteSchema = z.object({ note_id: idString, author_user_id: idString, author_name: z.string(), body: z.string(), created_at: z.string() });

const staffClaimSchema = z.object({
  claim_id: idString,
  case_number: z.string(),
  membership_id: idString,
  member_code: z.string(),
  plan_id: z.string(),
  plan_version: z.number().int(),
  state: z.enum(claimStates),
  illness_code: z.string(),
  diagnosis_date: z.string(),
  hospital: z.string().optional().describe('Reviewers, investigators and admins only'),
  age_at_diagnosis_years: z.number().int(),
  aid_minor: minorAmount,
  rejection_code: z.string().nullable(),
  rejection_text: z.string().nullable(),
  submitted_at: z.string(),
  state_changed_at: z.string(),
  notice_starts_at: z.string().nullable(),
  notice_ends_at: z.string().nullable(),
  person: z.object({ name_masked: z.string(), id_number_masked: z.string(), phone_masked: z.string(), gender: z.enum(['female', 'male']), province: z.string() }),
  evidence: z.array(
    z.object({
      kind: z.enum(['claimant', 'investigation']),
      sha256: z.string(),
      content_type: z.string(),
      size_bytes: z.number().int(),
      uploaded_at: z.string(),
      file_name: z.string().optional().describe('Reviewers, investigators and admins only'),
    }),
  ),
  investigations: z.array(
    z.object({
      investigator_user_id: idString,
      investigator_name: z.string(),
      assigned_at: z.string(),
      findings: z.string().nullable(),
      recommendation: z.enum(['approve', 'reject']).nullable(),
      completed_at: z.string().nullable(),
    }),
  ),
  objections: z.array(z.object({ objection_id: idString, status: z.string(), reason: z.string(), resolution: z.string().nullable(), created_at: z.string(), resolved_at: z.string().nullable() })),
  checks: z.array(ruleCheckSchema).describe('The plan’s rules at diagnosis, each checked with its figures'),
  membership: z.object({
    status: z.string(),
    joined_at: z.string(),
    waiting_until: z.string(),
    history: z.array(z.object({ event: z.string(), from_status: z.string().nullable(), to_status: z.string(), reason: z.string(), at: z.string() })),
  }),
  appeal: z.object({ reason: z.string(), at: z.string() }).nullable(),
  fraud_finding: z.object({ finding: z.string(), recorded_by: z.string(), at: z.string() }).nullable(),
});

const transitionResponseSchema = z.object({
  claim: z.object({ claim_id: idString, case_number: z.string(), state: z.enum(claimStates), state_changed_at: z.string(), notice_ends_at: z.string().nullable(), rejection_code: z.string().nullable() }),
});

function transitionJson(claim: ClaimRow) {
  return { claim: { claim_id: claim.id.toString(), case_number: claim.case_number, state: claim.state, state_changed_at: claim.state_changed_at, notice_ends_at: claim.notice_ends_at, rejection_code: claim.rejection_code } };
}

const params = z.object({ id: idString });

function noteJson(note: ClaimNote) {
  return { note_id: note.note_id.toString(), author_user_id: note.author_user_id.toString(), author_name: note.author_name, body: note.body, created_at: note.created_at };
}

/** Reviewers', investigators', operators' and auditors' side of claims: queues, the staff view, evidence, transitions, the audit trail. */
export function claimQueueRoutes(app: FastifyInstance, context: ServiceContext, blobStore: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The query's filters; an investigator with no wider role is held to the claims assigned to them. */
  const queueFilter = (request: FastifyRequest, query: z.infer<typeof queueFilterQuery>): ClaimQueueFilter => {
    const user = currentUser(request);
    const assigned = onlyOwnInvestigations(user) ? user.id : query.assigned_to === undefined ? undefined : query.assigned_to === 'unassigned' ? 'unassigned' : BigInt(query.assigned_to);
    return { plan_id: query.plan_id, illness_code: query.illness_code, age_from_years: query.age_from, age_to_years: query.age_to, min_days_waiting: query.min_days_waiting, assigned_to: assigned };
  };
  /** Investigators' display names by user id (staff users are few: one bounded query per page). */
  const investigatorNames = async () => new Map((await listInvestigators(context)).map((entry) => [entry.user_id, entry.display_name]));

  api.get(
    '/api/claims/queue',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary:
          'The claims work queue by id, filtered (state, plan, illness, age at diagnosis, days waiting, assignee), paged: pass next_after as after (reviewer, operator, auditor; an investigator sees the claims assigned to them)',
        querystring: queueFilterQuery.extend({
          state: z.enum(claimStates).optional(),
          after: idString.optional().describe('The last claim_id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxClaimPageSize).default(50),
        }),
        response: { 200: z.object({ claims: z.array(queueItemSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { state, after, limit } = request.query;
      const page = await listClaimQueue(context, { ...queueFilter(request, request.query), state, after: after === undefined ? undefined : BigInt(after), limit });
      const names = await investigatorNames();
      reply.header('cache-control', 'no-store');
      return {
        claims: page.claims.map((claim) => ({
          ...claim,
          claim_id: claim.claim_id.toString(),
          aid_minor: claim.aid_minor.toString(),
          assigned_to_user_id: claim.assigned_to_user_id?.toString() ?? null,
          assigned_to_name: claim.assigned_to_user_id === null ? null : (names.get(claim.assigned_to_user_id) ?? null),
        })),
        next_after: page.next_after?.toString() ?? null,
      };
    },
  );

  api.get(
    '/api/claims/queue/counts',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary: 'How many claims are in each state under the queue’s filters (the same roles and scope as the queue)',
        querystring: queueFilterQuery,
        response: { 200: z.object({ counts: z.record(z.string(), z.number().int()), total: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const counts = await countClaimQueue(context, queueFilter(request, request.query));
      reply.header('cache-control', 'no-store');
      return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
    },
  );

  api.get(
    '/api/claims/investigators',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'The active investigators a reviewer may assign a claim to: user id and display name only (reviewer)',
        response: { 200: z.object({ investigators: z.array(z.object({ user_id: idString, display_name: z.string() })) }), ...errorResponses },
      },
    },
    async (_request, reply) => {
      const investigators = await listInvestigators(context);
      reply.header('cache-control', 'no-store');
      return { investigators: investigators.map((entry) => ({ user_id: entry.user_id.toString(), display_name: entry.display_name })) };
    },
  );

  api.get(
    '/api/claims/:id',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary:
          'One claim as staff see it (the workbench): masked person data, membership history, the rules checked with their figures, investigations, objections, appeal, fraud finding; hospital and evidence file names for reviewers and investigators only (reviewer, investigator if assigned, operator, auditor)',
        params,
        response: { 200: z.object({ claim: staffClaimSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const claim_id = await claimInScope(context, request, request.params.id);
      const claim = await getClaimForStaff(context, claim_id, { private_details: hasAnyRole(user.roles, privateRoles) });
      const extras = await claimExtras(context, claim_id);
      const names = await investigatorNames();
      reply.header('cache-control', 'no-store');
      return {
        claim: {
          ...claim,
          ...extras,
          checks: [...extras.checks],
          membership: { ...extras.membership, history: [...extras.membership.history] },
          claim_id: claim.claim_id.toString(),
          membership_id: claim.membership_id.toString(),
          aid_minor: claim.aid_minor.toString(),
          evidence: [...claim.evidence],
          investigations: claim.investigations.map((entry) => ({
            ...entry,
            investigator_user_id: entry.investigator_user_id.toString(),
            investigator_name: names.get(entry.investigator_user_id) ?? `user:${entry.investigator_user_id}`,
          })),
          objections: claim.objections.map((entry) => ({ ...entry, objection_id: entry.objection_id.toString() })),
        },
      };
    },
  );

  api.get(
    '/api/claims/:id/evidence/:sha256',
    {
      preHandler: requireRoles(...privateRoles),
      schema: {
        tags: ['claims'],
        summary: 'The bytes of one evidence file of the claim, as an attachment, or with inline=1 for the workbench to show (PDF, PNG, JPEG) (reviewer, investigator if assigned); never public',
        params: z.object({ id: idString, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256') }),
        querystring: z.object({ inline: z.enum(['0', '1']).optional().describe('1: Content-Disposition inline, to show in an <img> or <iframe> of this origin') }),
        response: { 200: z.unknown().describe('The file bytes (application/pdf, image/jpeg or image/png)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const claim_id = await claimInScope(context, request, request.params.id);
      const { content_type } = await evidenceOf(context, claim_id, request.params.sha256);
      const bytes = await blobStore.get(request.params.sha256);
      if (bytes === undefined) {
        request.log.error({ sha256: request.params.sha256 }, 'evidence blob missing from the blob store');
        throw new RejectionError(reject('CLAIM_EVIDENCE_NOT_FOUND', 'The file is missing from storage.', { sha256: request.params.sha256 }).rejection);
      }
      const extension = inlineTypes.get(content_type);
      // Stored types are checked by their bytes at upload; anything else is never sent inline.
      const inline = request.query.inline === '1' && extension !== undefined;
      // The uploaded file name is not sent: it may name the patient, and the sha256 names the file.
      return reply
        .header('cache-control', 'no-store, private')
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${request.params.sha256}.${extension ?? 'bin'}"`)
        .header('x-content-type-options', 'nosniff')
        // Shown only inside this origin's pages; the file itself may load nothing and run nothing.
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
        .header('x-frame-options', 'SAMEORIGIN')
        .type(inline ? content_type : (extension === undefined ? 'application/octet-stream' : content_type))
        .send(Buffer.from(bytes));
    },
  );

  api.get(
    '/api/claims/:id/audit',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary: 'The audit trail of a claim: every action with who, when, what, and the claim before and after (auditor, operator, reviewer, investigator if assigned)',
        params,
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: idString,
                event: z.string(),
                from_state: z.string().nullable(),
                to_state: z.string(),
                actor: z.string(),
                reason: z.string(),
                at: z.string(),
                before: z.record(z.string(), z.unknown()).nullable(),
                after: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const events = await claimAuditTrail(context, await claimInScope(context, request, request.params.id));
      reply.header('cache-control', 'no-store');
      return { events: events.map((entry) => ({ ...entry, id: entry.id.toString() })) };
    },
  );

  const actor = (request: FastifyRequest) => `user:${currentUser(request).id}`;
  const seen = (body: { expected_state_changed_at?: string | undefined } | null | undefined) => ({ expected_state_changed_at: body?.expected_state_changed_at });
  const transition = (path: string, roles: Role[], summary: string, run: (claim_id: bigint, request: FastifyRequest, expected: { expected_state_changed_at?: string | undefined }) => Promise<ClaimRow>) =>
    api.post(
      `/api/claims/:id/${path}`,
      { preHandler: requireRoles(...roles), schema: { tags: ['claims'], summary, params, body: seenBody.nullish(), response: { 200: transitionResponseSchema, ...errorResponses } } },
      async (request) => transitionJson(await run(BigInt(request.params.id), request, seen(request.body))),
    );

  transition('start-review', ['reviewer'], 'Start the initial review of a submitted claim (reviewer)', (claim_id, request, expected) => startReview(context, claim_id, actor(request), expected));
  transition('approve-for-notice', ['reviewer'], 'Approve a reviewed claim for public notice (reviewer)', (claim_id, request, expected) => approveForNotice(context, claim_id, actor(request), expected));
  transition('publish-notice', ['reviewer', 'operator'], 'Publish the case card for the plan’s notice days (reviewer, operator)', (claim_id, request, expected) =>
    publishNotice(context, claim_id, actor(request), expected),
  );
  transition('end-notice', ['reviewer', 'operator'], 'End the notice once it is over with no open objection: the claim is approved (reviewer, operator)', (claim_id, request, expected) =>
    endNotice(context, claim_id, actor(request), expected),
  );

  api.post(
    '/api/claims/:id/investigation',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Assign a third-party investigator to a claim under review (reviewer)',
        params,
        body: z.object({ investigator_user_id: idString, ...expectedField }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await assignInvestigator(context, BigInt(request.params.id), BigInt(request.body.investigator_user_id), actor(request), seen(request.body))),
  );

  api.post(
    '/api/claims/:id/findings',
    {
      preHandler: requireRoles('investigator'),
      schema: {
        tags: ['claims'],
        summary: 'Record the findings and recommendation of the investigation assigned to you (investigator)',
        params,
        body: z.object({ findings: z.string().min(1).max(20_000), recommendation: z.enum(['approve', 'reject']), ...expectedField }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await recordFindings(context, BigInt(request.params.id), currentUser(request).id, request.body)),
  );

  api.post(
    '/api/claims/:id/appeal/decision',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Decide a member’s appeal of a rejection: refer it to the members’ jury, or close the rejection as final, with a reason (reviewer)',
        params,
        body: z.object({ decision: z.enum(['refer_to_jury', 'close_rejection']), reason: z.string().min(1).max(4000), ...expectedField }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await decideAppeal(context, BigInt(request.params.id), request.body.decision, request.body.reason, actor(request), seen(request.body))),
  );

  api.post(
    '/api/claims/:id/reject',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Reject a claim with a reason from the fixed list and a case-specific text (reviewer); fraud goes through /fraud',
        params,
        body: z.object({ reason_code: z.enum(rejectionReasonCodes), reason_text: z.string().min(1).max(4000), ...expectedField }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await rejectClaim(context, BigInt(request.params.id), request.body.reason_code, request.body.reason_text, actor(request), seen(request.body))),
  );

  api.post(
    '/api/claims/:id/fraud',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['claims'],
        summary: 'Record fraud on a claim: the claim is finally rejected, the membership terminated, the finding kept (operator)',
        params,
        body: z.object({ finding: z.string().min(1).max(20_000), ...expectedField }),
        response: { 200: transitionResponseSchema.extend({ membership_status: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const result = await recordFraud(context, BigInt(request.params.id), request.body.finding, actor(request), seen(request.body));
      return { ...transitionJson(result.claim), membership_status: result.membership_status };
    },
  );

  api.post(
    '/api/claims/:id/objections/:objection_id/resolve',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Resolve one objection: dismiss (the notice goes on), uphold (back to review) or refer to the jury (reviewer)',
        params: z.object({ id: idString, objection_id: idString }),
        body: z.object({ decision: z.enum(['dismiss', 'uphold', 'refer_to_jury']), resolution: z.string().min(1).max(4000), ...expectedField }),
        response: { 200: transitionResponseSchema.extend({ objection: z.object({ objection_id: idString, status: z.string() }) }), ...errorResponses },
      },
    },
    async (request) => {
      const claim_id = BigInt(request.params.id);
      const objection_id = BigInt(request.params.objection_id);
      await assertObjectionOf(context, claim_id, objection_id);
      const result = await resolveObjection(context, objection_id, request.body.decision, request.body.resolution, actor(request), seen(request.body));
      return { ...transitionJson(result.claim), objection: { objection_id: result.objection.id.toString(), status: result.objection.status } };
    },
  );

  api.get(
    '/api/claims/:id/notes',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary: 'The staff notes on a claim, oldest first, paged: pass next_after as after (reviewer, investigator if assigned, operator, auditor)',
        params,
        querystring: z.object({ after: idString.optional(), limit: z.coerce.number().int().min(1).max(maxClaimNotesPage).default(maxClaimNotesPage) }),
        response: { 200: z.object({ notes: z.array(noteSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const claim_id = await claimInScope(context, request, request.params.id);
      const page = await listClaimNotes(context, claim_id, { after: request.query.after === undefined ? undefined : BigInt(request.query.after), limit: request.query.limit });
      reply.header('cache-control', 'no-store');
      return { notes: page.notes.map(noteJson), next_after: page.next_after?.toString() ?? null };
    },
  );

  api.post(
    '/api/claims/:id/notes',
    {
      preHandler: requireRoles(...noteWriterRoles),
      schema: {
        tags: ['claims'],
        summary: `Add a note to a claim for colleagues, 1–${maxClaimNoteLength} characters; notes are never edited (reviewer, investigator if assigned, operator)`,
        params,
        body: z.object({ body: z.string().max(maxClaimNoteLength * 2).describe(`1–${maxClaimNoteLength} characters once trimmed`) }),
        response: { 201: z.object({ note: noteSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const claim_id = await claimInScope(context, request, request.params.id);
      const note = await addClaimNote(context, claim_id, currentUser(request).id, request.body.body);
      return reply.status(201).send({ note: noteJson(note) });
    },
  );
}
