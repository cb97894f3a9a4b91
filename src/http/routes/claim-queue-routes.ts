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
  publishNotice,
  recordFindings,
  recordFraud,
  rejectClaim,
  resolveObjection,
  startReview,
  type ClaimRow,
} from '../../services/claims/index.js';
import { assertObjectionOf, claimAuditTrail, evidenceOf, getClaimForStaff, isInvestigatorOf, listClaimQueue, maxClaimPageSize, resolveClaimId } from '../../services/claims/claim-queries.js';
import type { User } from '../../services/users.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';

/** Roles that see every claim in the queue and its staff view (masked). */
const queueRoles: Role[] = ['reviewer', 'investigator', 'operator', 'auditor'];
/** Roles that see the hospital, evidence file names and the files themselves. */
const privateRoles: Role[] = ['reviewer', 'investigator'];
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
  aid_minor: minorAmount,
  submitted_at: z.string(),
  state_changed_at: z.string(),
  assigned_to_user_id: idString.nullable(),
  open_objections: z.number().int(),
});

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
    z.object({ investigator_user_id: idString, assigned_at: z.string(), findings: z.string().nullable(), recommendation: z.enum(['approve', 'reject']).nullable(), completed_at: z.string().nullable() }),
  ),
  objections: z.array(z.object({ objection_id: idString, status: z.string(), reason: z.string(), resolution: z.string().nullable(), created_at: z.string(), resolved_at: z.string().nullable() })),
});

const transitionResponseSchema = z.object({
  claim: z.object({ claim_id: idString, case_number: z.string(), state: z.enum(claimStates), state_changed_at: z.string(), notice_ends_at: z.string().nullable(), rejection_code: z.string().nullable() }),
});

function transitionJson(claim: ClaimRow) {
  return { claim: { claim_id: claim.id.toString(), case_number: claim.case_number, state: claim.state, state_changed_at: claim.state_changed_at, notice_ends_at: claim.notice_ends_at, rejection_code: claim.rejection_code } };
}

const params = z.object({ id: idString });

/** Reviewers', investigators', operators' and auditors' side of claims: queues, the staff view, evidence, transitions, the audit trail. */
export function claimQueueRoutes(app: FastifyInstance, context: ServiceContext, blobStore: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/claims/queue',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary: 'The claims work queue by id, paged: pass next_after as after (reviewer, operator, auditor; an investigator sees the claims assigned to them)',
        querystring: z.object({
          state: z.enum(claimStates).optional(),
          plan_id: z.string().max(64).optional(),
          assigned_to: idString.optional().describe('The user id of the investigator of the open investigation'),
          after: idString.optional().describe('The last claim_id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxClaimPageSize).default(50),
        }),
        response: { 200: z.object({ claims: z.array(queueItemSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { state, plan_id, assigned_to, after, limit } = request.query;
      const assigned = onlyOwnInvestigations(user) ? user.id : assigned_to === undefined ? undefined : BigInt(assigned_to);
      const page = await listClaimQueue(context, { state, plan_id, assigned_to: assigned, after: after === undefined ? undefined : BigInt(after), limit });
      reply.header('cache-control', 'no-store');
      return {
        claims: page.claims.map((claim) => ({ ...claim, claim_id: claim.claim_id.toString(), aid_minor: claim.aid_minor.toString(), assigned_to_user_id: claim.assigned_to_user_id?.toString() ?? null })),
        next_after: page.next_after?.toString() ?? null,
      };
    },
  );

  api.get(
    '/api/claims/:id',
    {
      preHandler: requireRoles(...queueRoles),
      schema: {
        tags: ['claims'],
        summary: 'One claim as staff see it: masked person data; hospital and evidence file names for reviewers and investigators only (reviewer, investigator if assigned, operator, auditor)',
        params,
        response: { 200: z.object({ claim: staffClaimSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const claim_id = await claimInScope(context, request, request.params.id);
      const claim = await getClaimForStaff(context, claim_id, { private_details: hasAnyRole(user.roles, privateRoles) });
      reply.header('cache-control', 'no-store');
      return {
        claim: {
          ...claim,
          claim_id: claim.claim_id.toString(),
          membership_id: claim.membership_id.toString(),
          aid_minor: claim.aid_minor.toString(),
          evidence: [...claim.evidence],
          investigations: claim.investigations.map((entry) => ({ ...entry, investigator_user_id: entry.investigator_user_id.toString() })),
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
        summary: 'The bytes of one evidence file of the claim, as an attachment (reviewer, investigator if assigned); never public',
        params: z.object({ id: idString, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256') }),
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
      const extension = content_type === 'application/pdf' ? 'pdf' : content_type === 'image/png' ? 'png' : 'jpg';
      // The uploaded file name is not sent: it may name the patient, and the sha256 names the file.
      return reply
        .header('cache-control', 'no-store, private')
        .header('content-disposition', `attachment; filename="${request.params.sha256}.${extension}"`)
        .type(content_type)
        .send(Buffer.from(bytes));
    },
  );

  api.get(
    '/api/claims/:id/audit',
    {
      preHandler: requireRoles('auditor', 'operator'),
      schema: {
        tags: ['claims'],
        summary: 'The audit trail of a claim: every action with who, when, what, and the claim before and after (auditor, operator)',
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
      const events = await claimAuditTrail(context, BigInt(request.params.id));
      reply.header('cache-control', 'no-store');
      return { events: events.map((entry) => ({ ...entry, id: entry.id.toString() })) };
    },
  );

  const actor = (request: FastifyRequest) => `user:${currentUser(request).id}`;
  const transition = (path: string, roles: Role[], summary: string, run: (claim_id: bigint, request: FastifyRequest) => Promise<ClaimRow>) =>
    api.post(
      `/api/claims/:id/${path}`,
      { preHandler: requireRoles(...roles), schema: { tags: ['claims'], summary, params, response: { 200: transitionResponseSchema, ...errorResponses } } },
      async (request) => transitionJson(await run(BigInt(request.params.id), request)),
    );

  transition('start-review', ['reviewer'], 'Start the initial review of a submitted claim (reviewer)', (claim_id, request) => startReview(context, claim_id, actor(request)));
  transition('approve-for-notice', ['reviewer'], 'Approve a reviewed claim for public notice (reviewer)', (claim_id, request) => approveForNotice(context, claim_id, actor(request)));
  transition('publish-notice', ['reviewer', 'operator'], 'Publish the case card for the plan’s notice days (reviewer, operator)', (claim_id, request) => publishNotice(context, claim_id, actor(request)));
  transition('end-notice', ['reviewer', 'operator'], 'End the notice once it is over with no open objection: the claim is approved (reviewer, operator)', (claim_id, request) =>
    endNotice(context, claim_id, actor(request)),
  );

  api.post(
    '/api/claims/:id/investigation',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Assign a third-party investigator to a claim under review (reviewer)',
        params,
        body: z.object({ investigator_user_id: idString }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await assignInvestigator(context, BigInt(request.params.id), BigInt(request.body.investigator_user_id), actor(request))),
  );

  api.post(
    '/api/claims/:id/findings',
    {
      preHandler: requireRoles('investigator'),
      schema: {
        tags: ['claims'],
        summary: 'Record the findings and recommendation of the investigation assigned to you (investigator)',
        params,
        body: z.object({ findings: z.string().min(1).max(20_000), recommendation: z.enum(['approve', 'reject']) }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await recordFindings(context, BigInt(request.params.id), currentUser(request).id, request.body)),
  );

  api.post(
    '/api/claims/:id/reject',
    {
      preHandler: requireRoles('reviewer'),
      schema: {
        tags: ['claims'],
        summary: 'Reject a claim with a reason from the fixed list and a case-specific text (reviewer); fraud goes through /fraud',
        params,
        body: z.object({ reason_code: z.enum(rejectionReasonCodes), reason_text: z.string().min(1).max(4000) }),
        response: { 200: transitionResponseSchema, ...errorResponses },
      },
    },
    async (request) => transitionJson(await rejectClaim(context, BigInt(request.params.id), request.body.reason_code, request.body.reason_text, actor(request))),
  );

  api.post(
    '/api/claims/:id/fraud',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['claims'],
        summary: 'Record fraud on a claim: the claim is finally rejected, the membership terminated, the finding kept (operator)',
        params,
        body: z.object({ finding: z.string().min(1).max(20_000) }),
        response: { 200: transitionResponseSchema.extend({ membership_status: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const result = await recordFraud(context, BigInt(request.params.id), request.body.finding, actor(request));
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
        body: z.object({ decision: z.enum(['dismiss', 'uphold', 'refer_to_jury']), resolution: z.string().min(1).max(4000) }),
        response: { 200: transitionResponseSchema.extend({ objection: z.object({ objection_id: idString, status: z.string() }) }), ...errorResponses },
      },
    },
    async (request) => {
      const claim_id = BigInt(request.params.id);
      const objection_id = BigInt(request.params.objection_id);
      await assertObjectionOf(context, claim_id, objection_id);
      const result = await resolveObjection(context, objection_id, request.body.decision, request.body.resolution, actor(request));
      return { ...transitionJson(result.claim), objection: { objection_id: result.objection.id.toString(), status: result.objection.status } };
    },
  );
}
