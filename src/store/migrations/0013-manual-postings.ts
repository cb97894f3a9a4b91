import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Manual postings (maker–checker): staff ask for a posting, another staff member approves it
 * before the ledger writes it. And the ledger's audit trail: one row per staff action on the
 * ledger (a request, an approval, a rejection, an account opened by hand), which is also where
 * each action's Idempotency-Key is kept, so a replay finds its first answer. Small tables: one
 * row per staff action.
 */
export function manualPostings(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('manual_postings'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('transfer', 'reversal')`))
        // The Idempotency-Key of the request that asked for it.
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        // The request as the ledger will post it (legs, currency, description, metadata), canonical JSON.
        .addColumn('request_json', 'text', (c) => c.notNull())
        .addColumn('request_sha256', 'text', (c) => c.notNull())
        // For a reversal: the transaction it cancels.
        .addColumn('reverses_id', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
        .addColumn('requested_by', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'bigint', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_reason', 'text')
        // The ledger transaction the approval posted; unique, so one posting is never approved into two.
        .addColumn('transaction_id', 'bigint', (c) => c.unique())
        // The maker never decides their own request (the service checks it; this keeps it so).
        .addCheckConstraint('manual_postings_checker_is_not_maker', sql`status <> 'approved' or decided_by <> requested_by`)
        .addCheckConstraint('manual_postings_approved_has_transaction', sql`(status = 'approved') = (transaction_id is not null)`)
        .execute();
      await db.schema.createIndex('manual_postings_status').on('manual_postings').columns(['status', 'id']).execute();

      await withIdColumn(db.schema.createTable('ledger_audit_events'), dialect)
        .addColumn('action', 'text', (c) =>
          c.notNull().check(sql`action in ('manual_posting_requested', 'manual_posting_approved', 'manual_posting_rejected', 'account_opened')`),
        )
        // Every ledger POST takes an Idempotency-Key; one key, one action.
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        // SHA-256 of the action, its target and its body: a replay must match it.
        .addColumn('request_sha256', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('manual_posting_id', 'bigint', (c) => c.references('manual_postings.id'))
        .addColumn('account_code', 'text')
        .addColumn('transaction_id', 'bigint')
        .execute();
      await db.schema.createIndex('ledger_audit_events_manual_posting').on('ledger_audit_events').columns(['manual_posting_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('ledger_audit_events').execute();
      await db.schema.dropTable('manual_postings').execute();
    },
  };
}
