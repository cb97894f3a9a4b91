import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationsFor } from '../../store/migrations/index.js';
import type { Store } from '../../store/store.js';

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
        await sql`select 1`.execute(store.db);
        const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(store.db);
        const missing = Object.keys(migrationsFor(store.dialect)).filter((name) => !applied.rows.some((row) => row.name === name));
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
