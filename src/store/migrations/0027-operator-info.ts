import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * The operator's licence and custodian details (issue 14, item 5), one row per change: the latest
 * row is the current setting and the rows before it are the audit trail (who changed what, when),
 * so nothing is ever updated in place.
 */
export function operatorInfo(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('operator_info_versions'), dialect)
        .addColumn('operator_name', 'text', (c) => c.notNull())
        .addColumn('licence_number', 'text', (c) => c.notNull())
        .addColumn('supervisor', 'text', (c) => c.notNull())
        .addColumn('custodian_bank', 'text', (c) => c.notNull())
        .addColumn('custodian_account', 'text', (c) => c.notNull())
        .addColumn('complaint_phone', 'text', (c) => c.notNull())
        .addColumn('complaint_email', 'text', (c) => c.notNull())
        .addColumn('complaint_response_days', 'bigint', (c) => c.notNull())
        .addColumn('changed_by_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('operator_info_versions').execute();
    },
  };
}
