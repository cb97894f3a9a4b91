import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * A cycle's member lines as published, gzip-compressed in pages of whole lines, written at
 * publication from the very bytes the lines hash covers. An export is then read back page by page
 * instead of being rebuilt from ten million member rows for every download.
 */
export function cycleExportPages(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cycle_export_pages')
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        .addColumn('page_index', 'bigint', (c) => c.notNull())
        .addColumn('line_count', 'bigint', (c) => c.notNull())
        .addColumn('gzip_bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_export_pages_pk', ['cycle_id', 'page_index'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cycle_export_pages').execute();
    },
  };
}
