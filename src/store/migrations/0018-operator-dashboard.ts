import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * The operator's dashboard (issue 12, item 3).
 *
 * memberships (plan_id, joined_at): the joins per cycle are counted over the windows between the
 * last cycles' snapshots; with this index each window is a range scan of the members who joined
 * in it, instead of a scan of every membership of the plan for each dashboard view.
 */
export function operatorDashboard(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('memberships_plan_joined').on('memberships').columns(['plan_id', 'joined_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop index memberships_plan_joined`.execute(db);
    },
  };
}
