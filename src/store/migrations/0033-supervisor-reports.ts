import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Each finished month's supervisor report, stored once as issued (issue 14, item 6): a
 * supervisor reading a past month reads what was issued then, not a recomputation over data that
 * corrections have since changed. `plan_key` is '' for the all-plans report.
 */
export function supervisorReports(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('supervisor_reports'), dialect)
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('plan_key', 'text', (c) => c.notNull())
        .addColumn('report_json', 'text', (c) => c.notNull())
        .addColumn('generated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('supervisor_reports_once', ['month', 'plan_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('supervisor_reports').execute();
    },
  };
}
