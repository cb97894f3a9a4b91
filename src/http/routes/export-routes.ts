import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { unwrap } from '../../core/rejection.js';
import type { Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { exportTable, exportTableNames, exportTables } from '../../services/exports/export-registry.js';
import { checkExportFilter, csvChunks } from '../../services/exports/export-stream.js';
import { exportColumnTypes, exportFilterNames } from '../../services/exports/export-table.js';
import { requireRoles } from '../auth.js';
import { errorResponses } from '../schemas.js';

// Admins pass every role check; the auditor role sees masked data only, and so do these files.
const readers: Role[] = ['auditor', 'operator'];

const bilingual = z.object({ en: z.string(), zh: z.string() });

const tableSchema = z.object({
  name: z.string(),
  title: bilingual,
  description: bilingual,
  filters: z.array(z.enum(exportFilterNames)).describe('The query parameters the table takes'),
  time_column: z.string().nullable().describe('The column the from and to dates apply to'),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z
        .enum(exportColumnTypes)
        .describe('text; integer; minor_units (an integer of minor units, fen for CNY); instant (ISO 8601 UTC); date (YYYY-MM-DD)'),
      description: bilingual,
    }),
  ),
});

/**
 * The staff CSV downloads. GET /api/exports documents every table's columns (the audit page shows
 * them from here, so the page and the files cannot drift); GET /api/exports/{table}.csv streams a
 * table in keyset batches.
 */
export function exportRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/exports',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['exports'],
        summary: 'The CSV tables and their documented columns (auditor, operator)',
        response: { 200: z.object({ tables: z.array(tableSchema) }), ...errorResponses },
      },
    },
    async () => ({
      tables: exportTables.map((table) => ({
        name: table.name,
        title: table.title,
        description: table.description,
        filters: [...table.filters],
        time_column: table.time_column ?? null,
        columns: table.columns.map((item) => ({ name: item.name, type: item.type, description: item.description })),
      })),
    }),
  );

  api.get(
    '/api/exports/:table.csv',
    {
      preHandler: requireRoles(...readers),
      schema: {
        tags: ['exports'],
        summary:
          'One table as CSV (RFC 4180, UTF-8, a header row of the documented column names), streamed; text cells starting with = + - @ get a leading apostrophe (auditor, operator)',
        params: z.object({ table: z.string().max(64).describe(`One of ${exportTableNames().join(', ')}`) }),
        querystring: z.object({
          from: z.iso.date().optional().describe("First UTC day included, on the table's time column"),
          to: z.iso.date().optional().describe('Last UTC day included'),
          plan_id: z.string().min(1).max(64).optional(),
        }),
        response: {
          200: { description: 'The table as CSV', content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // Everything that can be refused is refused here, before the first byte is sent.
      const table = unwrap(exportTable(request.params.table));
      const filter = request.query;
      checkExportFilter(table, filter);
      const day = context.clock.now().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename=${table.name}-${day}.csv`);
      reply.header('cache-control', 'no-store, private');
      return reply.send(Readable.from(csvChunks(context.store, table, filter)) as unknown as string);
    },
  );
}
