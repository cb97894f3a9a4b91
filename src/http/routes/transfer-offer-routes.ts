import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { MAX_TRANSFER_CONSENT_DAYS, transferredPersonalFields, transferTextBounds } from '../../core/closure/transfer-offer-rules.js';
import type { ServiceContext } from '../../services/context.js';
import {
  exportTransferConsents,
  makeTransferOffer,
  publicTransferOffer,
  setTransferConsent,
  transferConsentOf,
  type TransferConsentView,
  type TransferOfferRow,
} from '../../services/closure/transfer-offer.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';

const planParams = z.object({ plan_id: z.string().min(1).max(64) });
const membershipParams = z.object({ id: idString });

const offerSchema = z.object({
  plan_id: z.string(),
  successor_name: z.string(),
  product_name: z.string(),
  description: z.string().describe("The operator's words to the members"),
  terms_url: z.string().describe("An https link to the successor's terms"),
  consent_deadline: z.string().describe('YYYY-MM-DD: consent may be given or withdrawn through the end of this UTC day'),
  offered_at: z.string(),
  member_count: z.number().int().describe('The memberships told of the offer'),
});

const consentStates = ['none', 'given', 'withdrawn'] as const;

const consentSchema = z.object({
  membership_id: idString,
  member_code: z.string(),
  offer: offerSchema,
  consent: z.enum(consentStates).describe('none (not answered), given, withdrawn'),
  changed_at: z.string().nullable(),
  consent_open: z.boolean().describe('Whether consent may still be given or withdrawn (until the deadline day ends)'),
  shared_fields: z.array(z.enum(transferredPersonalFields)).describe('What a consent hands to the successor'),
});

function offerJson(offer: TransferOfferRow): z.infer<typeof offerSchema> {
  return {
    plan_id: offer.plan_id,
    successor_name: offer.successor_name,
    product_name: offer.product_name,
    description: offer.description,
    terms_url: offer.terms_url,
    consent_deadline: offer.consent_deadline,
    offered_at: offer.offered_at,
    member_count: Number(offer.member_count),
  };
}

function consentJson(view: TransferConsentView): z.infer<typeof consentSchema> {
  return {
    membership_id: view.membership_id.toString(),
    member_code: view.member_code,
    offer: offerJson(view.offer),
    consent: view.consent,
    changed_at: view.changed_at,
    consent_open: view.consent_open,
    shared_fields: [...transferredPersonalFields],
  };
}

const text = (name: keyof typeof transferTextBounds) => z.string().max(4_000).describe(`${transferTextBounds[name].min}–${transferTextBounds[name].max} characters`);

/**
 * The transfer offer to a successor at a plan's closure: the operator makes it, anyone reads its
 * summary, each member answers for her own memberships, and after the deadline an administrator
 * (the one role that sees full personal data) downloads the consenting members, every row audited.
 */
export function transferOfferRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/plans/:plan_id/closure/transfer-offer',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['closure'],
        summary:
          "While the plan's closure is announced (not finalised: TRANSFER_OFFER_TOO_LATE), record its one transfer offer (TRANSFER_OFFER_EXISTS) to a successor; " +
          'every member of the plan is told in the app and by e-mail (operator)',
        params: planParams,
        body: z.object({
          successor_name: text('successor_name'),
          product_name: text('product_name'),
          description: text('description').describe(`For the members, ${transferTextBounds.description.min}–${transferTextBounds.description.max} characters`),
          terms_url: z.string().max(4_000).describe("https:// link to the successor's terms (TRANSFER_OFFER_BAD_URL otherwise)"),
          consent_deadline: z
            .string()
            .max(32)
            .describe(`YYYY-MM-DD, today up to ${MAX_TRANSFER_CONSENT_DAYS} days ahead (TRANSFER_OFFER_DEADLINE_PAST, TRANSFER_OFFER_BAD_DEADLINE)`),
        }),
        response: { 201: z.object({ offer: offerSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const offer = await makeTransferOffer(context, { plan_id: request.params.plan_id, ...request.body, offered_by: user.id });
      return reply.status(201).send({ offer: offerJson(offer) });
    },
  );

  api.get(
    '/api/public/plans/:plan_id/closure/transfer-offer',
    {
      schema: {
        tags: ['public'],
        summary: "The plan's transfer offer: successor, product, description, terms link and deadline; the count of consents once the deadline has passed, no names (TRANSFER_OFFER_NOT_FOUND)",
        security: [],
        params: planParams,
        response: {
          200: z.object({
            offer: offerSchema,
            consent_open: z.boolean(),
            consent_count: z.number().int().nullable().describe('How many memberships consented: null until the deadline has passed'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const view = await publicTransferOffer(context, request.params.plan_id);
      return { offer: offerJson(view.offer), consent_open: view.consent_open, consent_count: view.consent_count };
    },
  );

  api.get(
    '/api/memberships/:id/closure/transfer-consent',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['closure'],
        summary: "A membership's answer to its plan's transfer offer (the member who pays for it only: MEMBERSHIP_NOT_FOUND otherwise; TRANSFER_CONSENT_NOT_FOUND without an offer)",
        params: membershipParams,
        response: { 200: z.object({ consent: consentSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { consent: consentJson(await transferConsentOf(context, BigInt(request.params.id), currentUser(request).id)) };
    },
  );

  api.put(
    '/api/memberships/:id/closure/transfer-consent',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['closure'],
        summary:
          "Give (true) or withdraw (false) consent to the transfer: a consent hands the member's name, phone and date of birth to the successor after the deadline. " +
          'Until the deadline day ends (TRANSFER_CONSENT_CLOSED); the same answer twice changes nothing (the member who pays for it only)',
        params: membershipParams,
        body: z.object({ consent: z.boolean() }),
        response: { 200: z.object({ consent: consentSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { consent: consentJson(await setTransferConsent(context, BigInt(request.params.id), currentUser(request).id, request.body.consent)) };
    },
  );

  api.get(
    '/api/admin/plans/:plan_id/closure/transfer-offer/consents.csv',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'After the deadline (TRANSFER_EXPORT_NOT_DUE before it): the consenting members for the successor as CSV (README, "Transfer offer"), streamed; ' +
          'each row is written to the personal-data read log first (admin only)',
        params: planParams,
        response: {
          200: { description: 'The consenting members as CSV', content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const plan_id = request.params.plan_id;
      // Every refusal, and the audit rows, come before the first byte.
      const file = await exportTransferConsents(context, plan_id, user.id);
      request.log.warn(
        { audit: 'transfer_consent_export', plan_id, rows: file.row_count, user_id: user.id.toString(), username: user.username },
        'admin exported the consenting members of a transfer offer',
      );
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${plan_id}-transfer-consents.csv"`);
      reply.header('cache-control', 'no-store, private');
      return reply.send(Readable.from(file.chunks) as unknown as string);
    },
  );
}
