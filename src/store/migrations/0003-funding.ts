import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * Funding: lapse warnings on share charges, retries of failed payouts, and the indexes the
 * collection, lapse and webhook jobs look rows up by. Only additions: nullable columns and indexes.
 */
export function funding(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // When the member was first told this charge is unpaid and the membership will lapse; a
      // membership never lapses on a charge it was not warned about beforehand.
      await db.schema.alterTable('share_charges').addColumn('warned_at', 'text').execute();
      // A failed payout that is tried again points at the attempt it repeats; unique, so two
      // concurrent retry jobs cannot both pay the member.
      await db.schema.alterTable('payments').addColumn('retry_of_id', 'bigint', (c) => c.references('payments.id')).execute();
      await sql`create unique index payments_retry_of on payments (retry_of_id) where retry_of_id is not null`.execute(db);
      await db.schema.createIndex('payments_share_charge').on('payments').columns(['share_charge_id', 'status']).execute();
      await db.schema.createIndex('payments_status_kind').on('payments').columns(['status', 'kind']).execute();
      await db.schema.createIndex('share_charges_deadline').on('share_charges').columns(['status', 'retry_until']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('share_charges_deadline').execute();
      await db.schema.dropIndex('payments_status_kind').execute();
      await db.schema.dropIndex('payments_share_charge').execute();
      await db.schema.dropIndex('payments_retry_of').execute();
      await db.schema.alterTable('payments').dropColumn('retry_of_id').execute();
      await db.schema.alterTable('share_charges').dropColumn('warned_at').execute();
    },
  };
}
