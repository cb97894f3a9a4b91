import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimStates } from '../../core/claims/claim-lifecycle.js';
import { RejectionError, reject } from '../../core/rejection.js';
import type { BlobStore } from '../../services/blobs/blob-store.js';
import type { ServiceContext } from '../../services/context.js';
import { appealClaim, maxEvidenceFileBytes, maxEvidenceFilesPerClaim, objectToClaim, submitClaim, type EvidenceFile } from '../../services/claims/index.js';
import { claimOwner, listOwnClaims, resolveClaimId } from '../../services/claims/claim-queries.js';
import { assertPaysForMembership } from '../../services/member-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponse, errorResponses, idString, minorAmount } from '../schemas.js';

/** A claim in a member route's path: its numeric id, or the case number printed on the public card. */
export const claimRef = z.string().regex(/^([1-9]\d{0,18}|C[0-9A-HJKMNP-TV-Z]{12})$/, 'a claim id or a case number');

const textFields = ['membership_id', 'illness_code', 'diagnosis_date', 'hospital'] as const;
type TextField = (typeof textFields)[number];

function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/**
 * Reads the multipart claim form. Busboy's per-file limit is the service's, so an oversized file
 * is cut off while streaming (never buffered whole) and reported as CLAIM_FILE_TOO_LARGE (413);
 * the type and content checks stay in the service, which refuses before anything is stored.
 */
async function readClaimForm(request: FastifyRequest): Promise<{ fields: Partial<Record<TextField, string>>; files: EvidenceFile[] }> {
  if (!request.isMultipart()) refuse('UNSUPPORTED_MEDIA_TYPE', 'Send the claim as multipart/form-data with the evidence files.');
  const fields: Partial<Record<TextField, string>> = {};
  const files: EvidenceFile[] = [];
  const errors = request.server.multipartErrors;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxEvidenceFileBytes, files: maxEvidenceFilesPerClaim, fields: 20, fieldSize: 4096, parts: maxEvidenceFilesPerClaim + 20 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        files.push({ bytes, content_type: part.mimetype, file_name: part.filename });
      } else if ((textFields as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname as TextField] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof errors.RequestFileTooLargeError) {
      refuse('CLAIM_FILE_TOO_LARGE', `A file may be at most ${maxEvidenceFileBytes / 1024 / 1024} MiB.`, { limit_bytes: maxEvidenceFileBytes });
    }
    if (error instanceof errors.FilesLimitError) refuse('CLAIM_TOO_MANY_FILES', `A claim holds at most ${maxEvidenceFilesPerClaim} files.`, { limit: maxEvidenceFilesPerClaim });
    if (error instanceof errors.PartsLimitError || error instanceof errors.FieldsLimitError) refuse('VALIDATION_FAILED', 'The form has too many fields.');
    throw error;
  }
  return { fields, files };
}

const formSchema = z.object({
  membership_id: idString,
  illness_code: z.string().min(1).max(32),
  diagnosis_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  hospital: z.string().min(1).max(200),
});

const ownClaimSchema = z.object({
  claim_id: idString,
  case_number: z.string(),
  membership_id: idString,
  member_code: z.string(),
  plan_id: z.string(),
  name_masked: z.string(),
  state: z.enum(claimStates),
  illness_code: z.string(),
  diagnosis_date: z.string(),
  aid_minor: minorAmount,
  rejection_code: z.string().nullable(),
  rejection_text: z.string().nullable(),
  submitted_at: z.string(),
  notice_starts_at: z.string().nullable(),
  notice_ends_at: z.string().nullable(),
  evidence_files: z.number().int(),
  events: z.array(z.object({ event: z.string(), from_state: z.string().nullable(), to_state: z.string(), at: z.string() })),
});

const stateChangeSchema = z.object({ claim_id: idString, case_number: z.string(), state: z.enum(claimStates) });

/** The member's side of claims: apply with evidence, follow one's claims, appeal, object to a case in notice. */
export async function claimRoutes(app: FastifyInstance, context: ServiceContext, blobStore: BlobStore): Promise<void> {
  // Limits per request are set where the parts are read; these are the outer bounds.
  await app.register(multipart, { limits: { fileSize: maxEvidenceFileBytes, files: maxEvidenceFilesPerClaim, fields: 20, fieldSize: 4096 } });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/claims',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['claims'],
        summary: `Apply for aid (the payer of the membership): multipart/form-data with fields membership_id, illness_code, diagnosis_date (YYYY-MM-DD), hospital and 1–${maxEvidenceFilesPerClaim} evidence files (PDF, JPEG or PNG, at most ${maxEvidenceFileBytes / 1024 / 1024} MiB each)`,
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({ claim_id: idString, case_number: z.string(), state: z.literal('submitted'), age_at_diagnosis_years: z.number().int(), aid_minor: minorAmount, evidence_files: z.number().int() }),
          ...errorResponses,
          413: errorResponse,
          415: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { fields, files } = await readClaimForm(request);
      const parsed = formSchema.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        refuse('VALIDATION_FAILED', `Invalid form: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), { issues: parsed.error.issues.map((entry) => ({ path: entry.path.join('.'), message: entry.message })) });
      }
      const membership_id = BigInt(parsed.data.membership_id);
      await assertPaysForMembership(context, membership_id, user.id);
      const submitted = await submitClaim(
        context,
        { membership_id, submitted_by_user_id: user.id, illness_code: parsed.data.illness_code, diagnosis_date: parsed.data.diagnosis_date, hospital: parsed.data.hospital, files },
        blobStore,
      );
      return reply.status(201).send({ ...submitted, claim_id: submitted.claim_id.toString(), aid_minor: submitted.aid_minor.toString() });
    },
  );

  api.get(
    '/api/claims/mine',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['claims'],
        summary: 'The claims of the memberships you pay for, newest first, with their history (staff are not named)',
        response: { 200: z.object({ claims: z.array(ownClaimSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      reply.header('cache-control', 'no-store');
      const claims = await listOwnClaims(context, user.id);
      return { claims: claims.map((claim) => ({ ...claim, claim_id: claim.claim_id.toString(), membership_id: claim.membership_id.toString(), aid_minor: claim.aid_minor.toString(), events: [...claim.events] })) };
    },
  );

  api.post(
    '/api/claims/:id/appeal',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['claims'],
        summary: 'Appeal a rejected claim, with a reason (the payer of the membership)',
        description: "Once the plan's closure report is published (it counts the claim as rejected) an appeal is refused with 409 CLAIM_CLOSURE_FINALISED.",
        params: z.object({ id: claimRef }),
        body: z.object({ reason: z.string().min(1).max(4000) }),
        response: { 200: z.object({ claim: stateChangeSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const claim_id = await resolveClaimId(context, request.params.id);
      const owner = await claimOwner(context, claim_id);
      // Someone else's claim is reported as missing, so ids cannot be probed.
      if (owner === undefined || owner.payer_user_id !== user.id) refuse('CLAIM_NOT_FOUND', 'No such claim.', { claim: request.params.id });
      const claim = await appealClaim(context, claim_id, request.body.reason, `user:${user.id}`);
      return { claim: { claim_id: claim.id.toString(), case_number: claim.case_number, state: claim.state } };
    },
  );

  api.post(
    '/api/claims/:id/objections',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['claims'],
        summary: 'Object to a case during its public notice ("I object"), as an active member of the same plan whose membership you pay for; the claim is named by id or case number',
        params: z.object({ id: claimRef }),
        body: z.object({ membership_id: idString.describe('Your membership in the case’s plan'), reason: z.string().min(1).max(4000) }),
        response: { 201: z.object({ objection_id: idString, case_number: z.string(), status: z.literal('open'), created_at: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.body.membership_id);
      await assertPaysForMembership(context, membership_id, user.id);
      const claim_id = await resolveClaimId(context, request.params.id);
      const objection = await objectToClaim(context, claim_id, membership_id, request.body.reason);
      return reply.status(201).send({ objection_id: objection.id.toString(), case_number: objection.case_number, status: 'open' as const, created_at: objection.created_at });
    },
  );
}
