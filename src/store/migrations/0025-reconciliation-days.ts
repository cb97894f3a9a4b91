import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * Custody reconciliation, the finish (issue 14, item 2): each day's stored outcome (ledger custody
 * against the bank's closing balance), one row per currency and day so a rerun overwrites it; and
 * on each break how it was resolved (explained, or corrected by an approved manual posting), the
 * ledger transfer that settles it, and when its age alert was raised (once: the job sets it only
 * where it is null).
 */
export function reconciliationDays(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reconciliation_days')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('reconciled', 'differs', 'no_statement')`))
        .addColumn('ledger_balance_minor', 'bigint', (c) => c.notNull())
        .addColumn('bank_balance_minor', 'bigint')
        .addColumn('difference_minor', 'bigint', (c) => c.notNull())
        .addColumn('open_breaks_minor', 'bigint', (c) => c.notNull())
        .addColumn('resolved_breaks_minor', 'bigint', (c) => c.notNull())
        .addColumn('in_transit_minor', 'bigint', (c) => c.notNull())
        .addColumn('unexplained_minor', 'bigint', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reconciliation_days_pk', ['currency', 'day'])
        .execute();
      await db.schema
        .alterTable('reconciliation_breaks')
        .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('explained', 'corrected')`))
        .execute();
      await db.schema.alterTable('reconciliation_breaks').addColumn('resolution_transaction_id', 'bigint').execute();
      await db.schema.alterTable('reconciliation_breaks').addColumn('resolution_on', 'text').execute();
      await db.schema.alterTable('reconciliation_breaks').addColumn('resolution_amount_minor', 'bigint').execute();
      await db.schema.alterTable('reconciliation_breaks').addColumn('alerted_at', 'text').execute();
      await db.schema.createIndex('reconciliation_breaks_resolution_transaction').on('reconciliation_breaks').columns(['resolution_transaction_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('reconciliation_breaks_resolution_transaction').execute();
      for (const column of ['alerted_at', 'resolution_amount_minor', 'resolution_on', 'resolution_transaction_id', 'resolution']) {
        await db.schema.alterTable('reconciliation_breaks').dropColumn(column).execute();
      }
      await db.schema.dropTable('reconciliation_days').execute();
    },
  };
}
