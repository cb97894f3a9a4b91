import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Accounts people sign up for themselves (issue 11, item 1).
 *
 * user_contacts: the confirmed e-mail addresses and mobile numbers of users, for logging in and
 * for password resets. Like a person's phone, the value is kept encrypted with its masked form
 * beside it; lookups go through a keyed hash (value_hmac), unique, so one contact names one user.
 *
 * contact_codes: the one live one-time code per contact and purpose (sign-up, password reset):
 * only a keyed hash of the code, its expiry and the attempts used. A sign-up waiting for its code
 * carries the new account's display name and password hash; nothing is in `users` until the code
 * is confirmed. Rows are replaced by a new request and deleted when used.
 *
 * contact_requests: when codes were asked for each contact (whether or not an account has it), so
 * one address or phone cannot be flooded: a cooldown between two requests and a cap per hour.
 *
 * notifications.recipient_*: a message to a contact rather than to a user (a sign-up's code goes to
 * an address that has no user yet).
 */
export function accounts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('user_contacts')
        .addColumn('value_hmac', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'phone')`))
        .addColumn('value_enc', 'text', (c) => c.notNull())
        .addColumn('value_masked', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_contacts_user').on('user_contacts').column('user_id').execute();

      await withIdColumn(db.schema.createTable('contact_codes'), dialect)
        .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('signup', 'password_reset')`))
        .addColumn('contact_hmac', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'phone')`))
        .addColumn('contact_enc', 'text', (c) => c.notNull())
        .addColumn('contact_masked', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('display_name', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('attempts', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_codes_contact').on('contact_codes').columns(['purpose', 'contact_hmac']).unique().execute();

      await withIdColumn(db.schema.createTable('contact_requests'), dialect)
        .addColumn('contact_hmac', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_requests_contact').on('contact_requests').columns(['contact_hmac', 'at']).execute();

      await db.schema.alterTable('notifications').addColumn('recipient_enc', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('recipient_masked', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('notifications').dropColumn('recipient_masked').execute();
      await db.schema.alterTable('notifications').dropColumn('recipient_enc').execute();
      for (const table of ['contact_requests', 'contact_codes', 'user_contacts']) await db.schema.dropTable(table).execute();
    },
  };
}
