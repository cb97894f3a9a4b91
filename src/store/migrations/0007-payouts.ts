import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Aid payouts: one payable per approved claim scheduled in a cycle, the attempts to pay it through
 * the provider (the payments table's kind CHECK of 0002 has no room for them, and SQLite cannot
 * alter a CHECK), and the operator's advances and their repayments. Small tables: one row per
 * case, per attempt, per advance.
 */
export function payouts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('aid_payouts'), dialect)
        // One payable per claim: scheduling it again is a no-op.
        .addColumn('claim_id', 'bigint', (c) => c.notNull().unique().references('claims.id'))
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('currency', 'text', (c) => c.notNull())
        // Less than the claim's aid when caps reduce aid; 0 is paid at once, without the provider.
        .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('due', 'in_flight', 'paid', 'failed')`))
        .addColumn('attempts', 'bigint', (c) => c.notNull().defaultTo(0))
        // After this many failed attempts the payout waits for the operator (status failed).
        .addColumn('attempt_limit', 'bigint', (c) => c.notNull())
        // A due payout is not sent before this time (a failed attempt is retried a day later).
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_failure_reason', 'text')
        .addColumn('scheduled_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .execute();
      await db.schema.createIndex('aid_payouts_status').on('aid_payouts').columns(['status', 'plan_id', 'id']).execute();

      await withIdColumn(db.schema.createTable('aid_payout_attempts'), dialect)
        .addColumn('payout_id', 'bigint', (c) => c.notNull().references('aid_payouts.id'))
        .addColumn('attempt', 'bigint', (c) => c.notNull())
        // Our reference, echoed by the provider's webhooks; derived from the payout and the attempt.
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('gateway_payment_id', 'text')
        .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed')`))
        .addColumn('failure_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('settled_at', 'text')
        .addUniqueConstraint('aid_payout_attempts_payout_attempt', ['payout_id', 'attempt'])
        .execute();
      await db.schema.createIndex('aid_payout_attempts_unsent').on('aid_payout_attempts').columns(['status', 'gateway_payment_id', 'created_at']).execute();

      await withIdColumn(db.schema.createTable('operator_advances'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('advance', 'repayment')`))
        .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('ledger_transaction_id', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('operator_advances_plan').on('operator_advances').columns(['plan_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['operator_advances', 'aid_payout_attempts', 'aid_payouts']) await db.schema.dropTable(table).execute();
    },
  };
}
