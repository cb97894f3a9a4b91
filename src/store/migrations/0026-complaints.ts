import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Members' complaints (issue 14, item 4) and their trail. A complaint carries its membership (rows
 * owned by a member stay shardable by member) and the payer who filed it (the "mine" list reads
 * by payer). The response deadline is stored with the complaint, with the days it was counted
 * from, so a later change of the setting does not move a deadline already promised.
 * The (state, deadline_at) index serves the escalation job and the overdue-first queue.
 */
export function complaints(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('complaints'), dialect)
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('member_code', 'text', (c) => c.notNull())
        .addColumn('filed_by_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('claim', 'share_charge', 'payment', 'payout', 'decision')`))
        .addColumn('subject_id', 'bigint', (c) => c.notNull())
        .addColumn('subject_label', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('filed', 'assigned', 'responded', 'accepted', 'disputed')`))
        .addColumn('response_days', 'bigint', (c) => c.notNull())
        .addColumn('deadline_at', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('escalated_at', 'text')
        .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('upheld', 'partly_upheld', 'rejected')`))
        .addColumn('outcome_text', 'text')
        .addColumn('responded_by_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('responded_at', 'text')
        .addColumn('reply', 'text', (c) => c.check(sql`reply in ('accept', 'dispute')`))
        .addColumn('reply_text', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('filed_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('complaints_filer').on('complaints').columns(['filed_by_user_id', 'id']).execute();
      await db.schema.createIndex('complaints_state_deadline').on('complaints').columns(['state', 'deadline_at']).execute();
      await db.schema.createIndex('complaints_filed_at').on('complaints').columns(['filed_at']).execute();
      await withIdColumn(db.schema.createTable('complaint_events'), dialect)
        .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('detail_json', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('complaint_events_complaint').on('complaint_events').columns(['complaint_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('complaint_events').execute();
      await db.schema.dropTable('complaints').execute();
    },
  };
}
