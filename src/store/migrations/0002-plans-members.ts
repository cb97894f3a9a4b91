import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Plans with versioned rules, people, memberships and their history, share charges, payments,
 * webhook deliveries and the notification outbox. Member-owned rows carry membership_id or
 * person_id so the schema can later be sharded by member.
 */
export function plansAndMembers(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('plan_versions')
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('effective_at', 'text', (c) => c.notNull())
        .addColumn('rules_json', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'bigint')
        .addPrimaryKeyConstraint('plan_versions_pk', ['plan_id', 'version'])
        .execute();

      await withIdColumn(db.schema.createTable('persons'), dialect)
        .addColumn('payer_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('name_enc', 'text', (c) => c.notNull())
        .addColumn('name_masked', 'text', (c) => c.notNull())
        .addColumn('id_number_enc', 'text', (c) => c.notNull())
        // A keyed hash, so duplicate identities are found without decrypting every row.
        .addColumn('id_number_hmac', 'text', (c) => c.notNull().unique())
        .addColumn('id_number_masked', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('female', 'male')`))
        .addColumn('province', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text', (c) => c.notNull())
        .addColumn('phone_masked', 'text', (c) => c.notNull())
        .addColumn('relationship', 'text', (c) => c.notNull())
        .addColumn('demo', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('persons_payer').on('persons').column('payer_user_id').execute();

      await withIdColumn(db.schema.createTable('memberships'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('plan_version', 'bigint', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('persons.id'))
        .addColumn('payer_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('member_code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'active', 'lapsed', 'withdrawn', 'terminated', 'ended')`))
        .addColumn('funding_model', 'text', (c) => c.notNull().check(sql`funding_model in ('post_paid', 'prepaid')`))
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('waiting_until', 'text', (c) => c.notNull())
        .addColumn('status_changed_at', 'text', (c) => c.notNull())
        .addColumn('age_at_join_years', 'bigint', (c) => c.notNull())
        .addColumn('low_balance_notified_at', 'text')
        .addColumn('unpaid_since', 'text')
        .addColumn('demo', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      // One live membership per person per plan; ended ones stay as history.
      await sql`create unique index memberships_one_live on memberships (plan_id, person_id) where status in ('waiting', 'active')`.execute(db);
      await db.schema.createIndex('memberships_plan_status').on('memberships').columns(['plan_id', 'status']).execute();
      await db.schema.createIndex('memberships_person').on('memberships').column('person_id').execute();
      await db.schema.createIndex('memberships_payer').on('memberships').column('payer_user_id').execute();

      await withIdColumn(db.schema.createTable('membership_events'), dialect)
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('membership_events_membership').on('membership_events').columns(['membership_id', 'id']).execute();

      await db.schema
        .createTable('health_declarations')
        .addColumn('membership_id', 'bigint', (c) => c.primaryKey().references('memberships.id'))
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .execute();

      // What a member owes for one sharing cycle: a receivable (post-paid) or a wallet deduction (prepaid).
      await withIdColumn(db.schema.createTable('share_charges'), dialect)
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('due', 'paid', 'written_off', 'refunded')`))
        .addColumn('attempts', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('retry_until', 'text', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addUniqueConstraint('share_charges_membership_reference', ['membership_id', 'reference'])
        .execute();
      await db.schema.createIndex('share_charges_due').on('share_charges').columns(['status', 'next_attempt_at']).execute();

      await withIdColumn(db.schema.createTable('payments'), dialect)
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('gateway_payment_id', 'text', (c) => c.unique())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('collection', 'top_up', 'wallet_refund', 'share_refund')`))
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('share_charge_id', 'bigint', (c) => c.references('share_charges.id'))
        .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed')`))
        .addColumn('failure_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('settled_at', 'text')
        .execute();
      await db.schema.createIndex('payments_membership').on('payments').column('membership_id').execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('payload_sha256', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();

      await withIdColumn(db.schema.createTable('notifications'), dialect)
        .addColumn('user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('membership_id', 'bigint', (c) => c.references('memberships.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('in_app', 'email', 'sms')`))
        .addColumn('title_zh', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('body_zh', 'text', (c) => c.notNull())
        .addColumn('body_en', 'text', (c) => c.notNull())
        // The same reminder is queued once however often the job that finds it runs.
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notifications_undelivered').on('notifications').columns(['channel', 'delivered_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['notifications', 'webhook_deliveries', 'payments', 'share_charges', 'health_declarations', 'membership_events', 'memberships', 'persons', 'plan_versions', 'plans']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
