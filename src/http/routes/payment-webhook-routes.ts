import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { handleGatewayWebhook } from '../../services/payments/webhook-intake.js';
import { errorResponses, idString } from '../schemas.js';

export const webhookSignatureHeader = 'huzhu-signature';

/**
 * Where the payment provider POSTs its signed events. The signature covers the raw bytes, so this
 * route (in its own scope) takes the body as a string instead of parsed JSON. A repeated event is
 * answered 200 and changes nothing, so the provider stops retrying.
 */
export async function paymentWebhookRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/payments/webhook',
      {
        schema: {
          tags: ['funding'],
          summary: `Payment provider events, signed in the ${webhookSignatureHeader} header (t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.body">)`,
          security: [],
          headers: z.object({ [webhookSignatureHeader]: z.string().max(1000).optional() }),
          response: {
            200: z.object({ received: z.literal(true), duplicate: z.boolean(), payment_id: idString.nullable(), outcome: z.enum(['succeeded', 'failed', 'ignored']).nullable() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const result = await handleGatewayWebhook(context, raw, request.headers[webhookSignatureHeader]);
        return result.duplicate
          ? { received: true as const, duplicate: true, payment_id: null, outcome: null }
          : { received: true as const, duplicate: false, payment_id: result.payment_id.toString(), outcome: result.outcome };
      },
    );
  });
}
