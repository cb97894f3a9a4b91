import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * The staff console lists the journal newest first, filtered by kind (the flow that posted a
 * transaction: top_up, share_deduction, manual…). Without an index, a page of a rare kind walks
 * the journal backwards through every other transaction; on (kind, id) it reads just its page.
 * The same statement on both backends.
 */
export function ledgerTransactionKind(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('ledger_transactions_kind').on('ledger_transactions').columns(['kind', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('ledger_transactions_kind').execute();
    },
  };
}
