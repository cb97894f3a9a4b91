import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Custody reconciliation (issue 14, item 2): imported bank statements and their lines, the
 * matches of lines to ledger transfers, and the breaks. Uniques make an import idempotent: the
 * same file (file_sha256), the same line (line_key), a transfer or a line matched twice, a break
 * found twice (one per kind and line, one missing break per transfer) are each refused by the store.
 */
export function bankStatements(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('bank_statements'), dialect)
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('layout', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('first_on', 'text', (c) => c.notNull())
        .addColumn('last_on', 'text', (c) => c.notNull())
        .addColumn('line_count', 'bigint', (c) => c.notNull())
        .addColumn('opening_balance_minor', 'bigint', (c) => c.notNull())
        .addColumn('closing_balance_minor', 'bigint', (c) => c.notNull())
        .addColumn('imported_by', 'bigint', (c) => c.references('users.id'))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      await withIdColumn(db.schema.createTable('bank_statement_lines'), dialect)
        .addColumn('statement_id', 'bigint', (c) => c.notNull().references('bank_statements.id'))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('line_number', 'bigint', (c) => c.notNull())
        .addColumn('line_key', 'text', (c) => c.notNull().unique())
        .addColumn('booked_on', 'text', (c) => c.notNull())
        .addColumn('value_on', 'text')
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('counterparty', 'text', (c) => c.notNull())
        .addColumn('bank_serial', 'text', (c) => c.notNull())
        .addColumn('amount_minor', 'bigint', (c) => c.notNull())
        .addColumn('balance_after_minor', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bank_statement_lines_day').on('bank_statement_lines').columns(['currency', 'booked_on', 'id']).execute();
      await db.schema
        .createTable('reconciliation_matches')
        .addColumn('line_id', 'bigint', (c) => c.primaryKey().references('bank_statement_lines.id'))
        .addColumn('ledger_transaction_id', 'bigint', (c) => c.notNull().unique())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('ledger_on', 'text', (c) => c.notNull())
        .addColumn('bank_on', 'text', (c) => c.notNull())
        .addColumn('amount_minor', 'bigint', (c) => c.notNull())
        .execute();
      await withIdColumn(db.schema.createTable('reconciliation_breaks'), dialect)
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('missing', 'duplicated', 'wrong_amount', 'unknown')`))
        .addColumn('statement_id', 'bigint', (c) => c.notNull().references('bank_statements.id'))
        .addColumn('line_id', 'bigint', (c) => c.references('bank_statement_lines.id').unique())
        .addColumn('ledger_transaction_id', 'bigint')
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('ledger_on', 'text')
        .addColumn('ledger_amount_minor', 'bigint')
        .addColumn('bank_on', 'text')
        .addColumn('bank_amount_minor', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'resolved')`))
        .addColumn('resolution_note', 'text')
        .addColumn('correction_manual_posting_id', 'bigint', (c) => c.references('manual_postings.id'))
        .addColumn('resolved_by', 'bigint', (c) => c.references('users.id'))
        .addColumn('resolved_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reconciliation_breaks_open').on('reconciliation_breaks').columns(['currency', 'status', 'occurred_on']).execute();
      await db.schema.createIndex('reconciliation_breaks_transaction').on('reconciliation_breaks').columns(['ledger_transaction_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('reconciliation_breaks').execute();
      await db.schema.dropTable('reconciliation_matches').execute();
      await db.schema.dropTable('bank_statement_lines').execute();
      await db.schema.dropTable('bank_statements').execute();
    },
  };
}
