import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * The closure report stored in pages (issue 14), as a cycle's export is (0008, 0009): a plan of
 * ten million members has a report of a gigabyte, which must neither be built in memory nor read
 * whole for one member's proof.
 *
 * Each finalisation attempt gets a row in `closure_report_attempts` and writes its pages under it,
 * outside the finishing transaction; the transaction names the attempt that won in
 * `plan_closures.report_attempt_id`. So an attempt that crashed, or a second one running at the same
 * time, never mixes its pages with the published ones, and nothing is deleted while it is read. A
 * page holds `page_leaves` member lines (a power of two: an aligned block of leaves is a node of the
 * Merkle tree), gzip-compressed, with its first member code and its block's root: a member's proof
 * reads one page and the roots. `report_attempt_id` has no foreign key: SQLite cannot drop such a
 * column, and the finishing transaction only ever writes the id of an attempt it has just read.
 */
export function closureReportPages(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('closure_report_attempts'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_closures.plan_id'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('page_leaves', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('closure_report_pages')
        .addColumn('attempt_id', 'bigint', (c) => c.notNull().references('closure_report_attempts.id'))
        .addColumn('page_index', 'bigint', (c) => c.notNull())
        .addColumn('line_count', 'bigint', (c) => c.notNull())
        // Byte order on both backends, as plan_closure_members.member_code: a member's page is the
        // last one whose first code is at or before hers.
        .addColumn('first_member_code', 'text', (c) => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
        .addColumn('root_hex', 'text', (c) => c.notNull())
        .addColumn('gzip_bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('closure_report_pages_pk', ['attempt_id', 'page_index'])
        .execute();
      await db.schema.createIndex('closure_report_pages_first').on('closure_report_pages').columns(['attempt_id', 'first_member_code']).execute();
      await db.schema.alterTable('plan_closures').addColumn('report_attempt_id', 'bigint').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('plan_closures').dropColumn('report_attempt_id').execute();
      await db.schema.dropTable('closure_report_pages').execute();
      await db.schema.dropTable('closure_report_attempts').execute();
    },
  };
}
