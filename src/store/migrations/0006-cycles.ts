import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Sharing cycles: the cycle itself (its public id, snapshot time, the figures of its export
 * header and, once published, the signed root), the cases it pays, one row per covered member
 * (the snapshot and then the allocation, filled in by set-based SQL), and the steps already done
 * so a crashed run resumes where it stopped. Plans and cycles are small reference tables;
 * cycle_members is keyed by (cycle, member code): export order, and the key a member's proof is
 * looked up by.
 */
export function cycles(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('cycles'), dialect)
        // The public cycle id of the export, the seed and every Merkle leaf.
        .addColumn('cycle_code', 'text', (c) => c.notNull().unique())
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('sequence', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('funding_model', 'text', (c) => c.notNull().check(sql`funding_model in ('post_paid', 'prepaid')`))
        .addColumn('snapshot_at', 'text', (c) => c.notNull())
        .addColumn('collection_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'completed')`))
        // A run holds the cycle while it works; a second run is refused until the lease expires.
        .addColumn('run_token', 'text')
        .addColumn('run_lease_until', 'text')
        .addColumn('previous_root_hex', 'text', (c) => c.notNull())
        .addColumn('seed_hex', 'text', (c) => c.notNull())
        .addColumn('fee_bps', 'bigint', (c) => c.notNull())
        .addColumn('aid_total_minor', 'bigint', (c) => c.notNull())
        .addColumn('fee_minor', 'bigint', (c) => c.notNull())
        .addColumn('surplus_in_minor', 'bigint', (c) => c.notNull())
        .addColumn('total_minor', 'bigint', (c) => c.notNull())
        .addColumn('surplus_out_minor', 'bigint', (c) => c.notNull())
        .addColumn('weight_scheme', 'text', (c) => c.notNull())
        .addColumn('cap_policy', 'text', (c) => c.notNull().check(sql`cap_policy in ('backstop', 'reduce_aid')`))
        .addColumn('member_count', 'bigint')
        .addColumn('weight_total', 'bigint')
        .addColumn('share_total_minor', 'bigint')
        .addColumn('capped_total_minor', 'bigint')
        .addColumn('merkle_root_hex', 'text')
        // The export's first line, signed: the published record of the cycle.
        .addColumn('header_json', 'text')
        .addColumn('signature_hex', 'text')
        .addColumn('export_sha256', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addUniqueConstraint('cycles_plan_sequence', ['plan_id', 'sequence'])
        .addUniqueConstraint('cycles_plan_snapshot', ['plan_id', 'snapshot_at'])
        .execute();

      await db.schema
        .createTable('cycle_cases')
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        // A claim is shared in one cycle only.
        .addColumn('claim_id', 'bigint', (c) => c.notNull().unique().references('claims.id'))
        .addColumn('case_number', 'text', (c) => c.notNull())
        .addColumn('aid_minor', 'bigint', (c) => c.notNull())
        // The aid actually owed to the patient: less than aid_minor only when caps reduce aid pro rata.
        .addColumn('payable_minor', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_cases_pk', ['cycle_id', 'claim_id'])
        .execute();

      // Millions of rows per cycle: on SQLite the key is the table (no rowid and no second copy of it).
      let members = db.schema
        .createTable('cycle_members')
        .addColumn('cycle_id', 'bigint', (c) => c.notNull())
        // Byte order on PostgreSQL too, so the key's order is the export's order.
        .addColumn('member_code', 'text', (c) => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
        .addColumn('membership_id', 'bigint', (c) => c.notNull())
        .addColumn('weight', 'bigint', (c) => c.notNull())
        .addColumn('cap_room_minor', 'bigint')
        // First 60 bits of SHA-256(seed | member_code), filled only for members whose remainder ties at the cut-off.
        .addColumn('tie_key', 'bigint')
        .addColumn('allocated_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('share_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('capped_minor', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('cycle_members_pk', ['cycle_id', 'member_code']);
      // PostgreSQL: room in each page, so the allocation's updates stay on the page (HOT) and add no index entries.
      members = members.modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql`with (fillfactor = 50)`);
      await members.execute();

      await db.schema
        .createTable('cycle_steps')
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('detail_json', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_steps_pk', ['cycle_id', 'step'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['cycle_steps', 'cycle_members', 'cycle_cases', 'cycles']) await db.schema.dropTable(table).execute();
    },
  };
}
