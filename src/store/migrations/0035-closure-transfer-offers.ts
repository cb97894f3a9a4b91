import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * The transfer offer at a plan's closure (issue 14, item 1). `closure_transfer_offers` holds one
 * row per plan (the primary key is the "one offer per plan" rule): the successor, its product, the
 * operator's words to the members, the link to the successor's terms and the consent deadline.
 * `closure_transfer_consents` has one row per membership told of the offer, written with the offer
 * (set-based), so giving or withdrawing consent is an update of the member's own row and the count
 * is one indexed aggregate. The export reads the consenting rows in member_code order (byte order on
 * both backends, as the closure report), hence the index on (plan_id, consent, member_code).
 */
export function closureTransferOffers(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('closure_transfer_offers')
        .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plan_closures.plan_id'))
        .addColumn('successor_name', 'text', (c) => c.notNull())
        .addColumn('product_name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('terms_url', 'text', (c) => c.notNull())
        // YYYY-MM-DD: consent may be given or withdrawn through the end of this UTC day.
        .addColumn('consent_deadline', 'text', (c) => c.notNull())
        .addColumn('offered_at', 'text', (c) => c.notNull())
        .addColumn('offered_by', 'bigint')
        .addColumn('member_count', 'bigint', (c) => c.notNull())
        .execute();
      await withIdColumn(db.schema.createTable('closure_transfer_consents'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('closure_transfer_offers.plan_id'))
        .addColumn('membership_id', 'bigint', (c) => c.notNull().unique().references('memberships.id'))
        .addColumn('member_code', 'text', (c) => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('persons.id'))
        // none (not answered), given, withdrawn.
        .addColumn('consent', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text')
        .addUniqueConstraint('closure_transfer_consents_code', ['plan_id', 'member_code'])
        .execute();
      await db.schema.createIndex('closure_transfer_consents_state').on('closure_transfer_consents').columns(['plan_id', 'consent', 'member_code']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('closure_transfer_consents').execute();
      await db.schema.dropTable('closure_transfer_offers').execute();
    },
  };
}
