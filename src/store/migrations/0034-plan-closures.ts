import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * The orderly wind-down of a plan (issue 14, item 1). `plan_closures` holds one row per plan
 * (the primary key is the "one closure per plan" rule) with the step it has reached and, once
 * finalised, the signed closure report. `plan_closure_members` is the snapshot taken on the
 * closure date: one row per membership with its wallet at closure and where its refund stands;
 * the report is read from it in member_code order, hence the unique (plan_id, member_code).
 *
 * A closure refund is an ordinary wallet refund payment (`payments.kind` 'wallet_refund', whose
 * CHECK constraint SQLite could only change by rebuilding the table) told apart by its reference,
 * `closure_refund:<membership>:<attempt>`.
 */
export function planClosures(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('plan_closures')
        .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id'))
        .addColumn('closure_date', 'text', (c) => c.notNull())
        .addColumn('last_cycles_paid_by', 'text', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('announced_at', 'text', (c) => c.notNull())
        .addColumn('announced_by', 'bigint')
        .addColumn('closed_at', 'text')
        .addColumn('refunds_done_at', 'text')
        .addColumn('receivables_done_at', 'text')
        .addColumn('receivables_written_off_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('finalised_at', 'text')
        .addColumn('header_json', 'text')
        .addColumn('report_text', 'text')
        .execute();
      await withIdColumn(db.schema.createTable('plan_closure_members'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('membership_id', 'bigint', (c) => c.notNull().unique().references('memberships.id'))
        // Byte order on both backends (as cycle_members): the report lists the lines in it.
        .addColumn('member_code', 'text', (c) => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
        .addColumn('wallet_at_closure_minor', 'bigint', (c) => c.notNull())
        .addColumn('refunded_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('unclaimed_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('refund_attempts', 'bigint', (c) => c.notNull().defaultTo(0))
        // none (nothing to refund), due (an attempt to make), pending (sent), refunded, unclaimed.
        .addColumn('refund_state', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_closure_members_code', ['plan_id', 'member_code'])
        .execute();
      await db.schema.createIndex('plan_closure_members_state').on('plan_closure_members').columns(['plan_id', 'refund_state']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('plan_closure_members').execute();
      await db.schema.dropTable('plan_closures').execute();
    },
  };
}
