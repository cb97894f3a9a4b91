import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pendingMigrations, type Store } from '../../store/store.js';

/** Says why the process is not ready yet (e.g. seeding a demo), or undefined once it is. */
export type StartupState = () => string | undefined;

export function healthRoutes(app: FastifyInstance, store: Store, registry: Registry, startup: StartupState = () => undefined): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/healthz', { schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  api.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database answers and its schema is current',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('not_ready'), reason: z.string() }) },
      },
    },
    async (_request, reply) => {
      const starting = startup();
      if (starting !== undefined) return reply.status(503).send({ status: 'not_ready' as const, reason: starting });
      try {
        const missing = await pendingMigrations(store);
        if (missing.length > 0) return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations not applied: ${missing.join(', ')}` });
        return { status: 'ready' as const, database: store.dialect };
      } catch (error) {
        return reply.status(503).send({ status: 'not_ready' as const, reason: (error as Error).message });
      }
    },
  );

  app.get('/metrics', { schema: { tags: ['health'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
