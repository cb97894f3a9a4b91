import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Proposals to change a plan's rules (issue 14, item 3). A proposal keeps the rules it proposes
 * and its diff against the version it was written over (base_version), so what members voted on
 * never changes; the governance settings in force at opening are copied in (settings_json), so a
 * later version cannot move the deadline, the quorum or the majority of a vote already open. The
 * count is stored with the proposal once it closes. The (status, closes_at) index serves the
 * closing job, the (plan_id, id) index the plan's list.
 */
export function governanceProposals(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('proposals'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('base_version', 'bigint', (c) => c.notNull())
        .addColumn('rules_json', 'text', (c) => c.notNull())
        .addColumn('diff_json', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'voting', 'passed', 'failed', 'no_quorum', 'in_effect')`))
        .addColumn('created_by', 'bigint', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('settings_json', 'text')
        .addColumn('opened_by', 'bigint', (c) => c.references('users.id'))
        .addColumn('opened_at', 'text')
        .addColumn('closes_at', 'text')
        .addColumn('eligible_count', 'bigint')
        .addColumn('counted_at', 'text')
        .addColumn('voted_count', 'bigint')
        .addColumn('yes_votes', 'bigint')
        .addColumn('no_votes', 'bigint')
        .addColumn('abstain_votes', 'bigint')
        .addColumn('quorum_votes', 'bigint')
        .addColumn('effective_at', 'text')
        .addColumn('plan_version', 'bigint')
        .execute();
      await db.schema.createIndex('proposals_plan').on('proposals').columns(['plan_id', 'id']).execute();
      await db.schema.createIndex('proposals_status_closes').on('proposals').columns(['status', 'closes_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('proposals').execute();
    },
  };
}
