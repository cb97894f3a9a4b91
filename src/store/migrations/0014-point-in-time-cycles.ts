import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * Point-in-time snapshots and balanced cycles (issue 10, items 6 and 7).
 *
 * membership_events (at): a cycle decides coverage from each membership's history as of its
 * snapshot time. Almost no membership has an event after that time, so the snapshot looks up
 * only those few through this index (a range scan of the events since the snapshot) and takes
 * every other membership's current status as it is; a lookup of each member's history would be a
 * correlated probe per member, millions of them.
 *
 * cycles: what the charge step did, so every cycle says how it balances (charged + shortfall +
 * backstop + surplus in = aid payable + fee payable + surplus out, asserted when produced). Null
 * until the charge step has run, and for cycles charged before this migration.
 */
export function pointInTimeCycles(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('membership_events_at').on('membership_events').columns(['at', 'membership_id']).execute();
      for (const column of ['charged_minor', 'shortfall_minor', 'backstop_minor', 'aid_payable_minor', 'fee_payable_minor']) {
        await db.schema.alterTable('cycles').addColumn(column, 'bigint').execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['charged_minor', 'shortfall_minor', 'backstop_minor', 'aid_payable_minor', 'fee_payable_minor']) {
        await db.schema.alterTable('cycles').dropColumn(column).execute();
      }
      await sql`drop index membership_events_at`.execute(db);
    },
  };
}
